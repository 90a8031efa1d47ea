import { SIGN_IN_PATH, signInResultSchema, type SignInResult } from '../../src-shared/access';
import { storage } from './tab-storage';

/**
 * What this page presents to its host: a console's session token, a wall window's key. Both live
 * in sessionStorage — this tab only, gone when it closes — never in a cookie, so no other page can
 * make the browser send them. A wall's key is in wall-key.ts.
 */

const SESSION_KEY = 'ioc-wall.session';
const SIGNED_OUT_KEY = 'ioc-wall.signed-out';

export function sessionToken(): string | null {
  return storage()?.getItem(SESSION_KEY) ?? null;
}

export function saveSessionToken(token: string): void {
  storage()?.setItem(SESSION_KEY, token);
  storage()?.removeItem(SIGNED_OUT_KEY);
}

export type SignedOutReason = 'signed-out' | 'expired' | 'idle' | 'account-changed' | 'refused';

/** Forgets the session, remembering why for the sign-in screen the page reloads into. */
export function forgetSession(why: SignedOutReason): void {
  storage()?.removeItem(SESSION_KEY);
  storage()?.setItem(SIGNED_OUT_KEY, why);
}

/** Why the last session ended, once (the sign-in screen says it, then it is gone). */
export function takeSignedOutReason(): SignedOutReason | null {
  const why = storage()?.getItem(SIGNED_OUT_KEY) ?? null;
  storage()?.removeItem(SIGNED_OUT_KEY);
  return why === 'signed-out' || why === 'expired' || why === 'idle' || why === 'account-changed' || why === 'refused' ? why : null;
}

/** Browser mode's sign-in: POST to this page's own host; network trouble comes back as an error result. */
export async function signInOverHttp(username: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch(SIGN_IN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }), credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, reason: 'invalid', error: 'network' };
  }
  const parsed = signInResultSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : { ok: false, reason: 'invalid', error: `HTTP ${response.status}` };
}
