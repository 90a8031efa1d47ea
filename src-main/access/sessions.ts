import { randomBytes } from 'node:crypto';
import type { Operator, SessionInfo } from '../../src-shared/access';

/**
 * Signed-in consoles. A session is a random token the console presents on every connection; it
 * ends at a fixed time after sign-in whatever happens, earlier when its console is idle, at sign
 * out, and when its account leaves the config or changes role. Kept in memory: a host restart
 * signs every console out, which is the safe side.
 */

export interface SessionLimits {
  maxHours: number;
  idleMinutes: number;
}

export interface Session {
  readonly token: string;
  readonly operator: Operator;
  /** Where it signed in from: a browser address, or "electron". */
  readonly from: string;
  readonly startedAt: number;
  readonly expiresAt: number;
  lastSeen: number;
}

export type SessionEnd = 'signed-out' | 'expired' | 'idle' | 'account-changed';

export interface Sessions {
  start(operator: Operator, from: string, at: number): Session;
  /** The live session of a token, marked as used now; undefined when there is none (or it just ended). */
  use(token: string, at: number): Session | undefined;
  /** The live session without marking it used (the check a timer makes). */
  peek(token: string, at: number): Session | undefined;
  end(token: string, why: SessionEnd): Session | undefined;
  /** Sessions whose account is gone or whose role changed after a config reload. */
  endWhere(predicate: (session: Session) => boolean, why: SessionEnd): Session[];
  /** Ends every session past its time now (a timer calls it, so an unused session still ends on time). */
  sweep(at: number): void;
  info(session: Session): SessionInfo;
  onEnd(listener: (session: Session, why: SessionEnd) => void): () => void;
  count(): number;
}

export function createSessions(limits: SessionLimits): Sessions {
  const live = new Map<string, Session>();
  const listeners = new Set<(session: Session, why: SessionEnd) => void>();
  const idleMs = limits.idleMinutes * 60_000;
  const end = (token: string, why: SessionEnd): Session | undefined => {
    const session = live.get(token);
    if (!session) return undefined;
    live.delete(token);
    listeners.forEach((listener) => listener(session, why));
    return session;
  };
  const peek = (token: string, at: number): Session | undefined => {
    const session = live.get(token);
    if (!session) return undefined;
    if (at >= session.expiresAt) return void end(token, 'expired');
    if (at - session.lastSeen >= idleMs) return void end(token, 'idle');
    return session;
  };
  return {
    start: (operator, from, at) => {
      const session: Session = { token: randomBytes(32).toString('base64url'), operator, from, startedAt: at, expiresAt: at + limits.maxHours * 3_600_000, lastSeen: at };
      live.set(session.token, session);
      return session;
    },
    use: (token, at) => {
      const session = peek(token, at);
      if (session) session.lastSeen = at;
      return session;
    },
    peek,
    end,
    sweep: (at) => {
      for (const token of [...live.keys()]) peek(token, at);
    },
    endWhere: (predicate, why) => [...live.values()].filter(predicate).map((s) => end(s.token, why)!),
    info: (session) => ({ ...session.operator, expiresAt: new Date(session.expiresAt).toISOString(), idleMinutes: limits.idleMinutes }),
    onEnd: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    count: () => live.size,
  };
}
