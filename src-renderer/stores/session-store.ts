import { create } from 'zustand';
import type { SessionInfo } from '../../src-shared/access';
import type { SignedOutReason } from '../access/credentials';

/**
 * Who is signed in on this console. `checking` until the host answered; `signed-out` shows the
 * sign-in screen (with why the last session ended, when it did); a wall window never leaves
 * `checking` because it has no session.
 */
export interface SessionStore {
  status: 'checking' | 'signed-out' | 'signed-in';
  session: SessionInfo | null;
  /** Why the previous session ended, for the sign-in screen. */
  reason: SignedOutReason | null;
  signedIn(session: SessionInfo): void;
  signedOut(reason: SignedOutReason | null): void;
}

export const useSessionStore = create<SessionStore>()((set) => ({
  status: 'checking',
  session: null,
  reason: null,
  signedIn: (session) => set({ status: 'signed-in', session, reason: null }),
  signedOut: (reason) => set({ status: 'signed-out', session: null, reason }),
}));
