import { signInRequestSchema, type Operator, type SessionInfo, type SignInResult } from '../../src-shared/access';
import type { Logger } from '../../src-shared/node/log';
import type { AuditLog } from '../audit/audit-log';
import type { OperatorAccount } from '../config/access-schema';
import { spendCheckTime, verifyPassword } from './password-hash';
import { createSessions, type Session, type SessionEnd, type SessionLimits } from './sessions';
import { createSignInThrottle, type SignInThrottle, type ThrottleOptions } from './sign-in-throttle';

/**
 * Sign-in, sessions and their audit rows. Accounts come from the config (or the first account when
 * it has none); a sign-in checks the password's scrypt hash, is slowed down after failures per
 * account and per address, and is audited either way, as are sign-outs and sessions that end by
 * themselves.
 */

export interface SignInOrigin {
  /** The browser's address, or "electron". */
  address: string;
  station: string;
}

export interface AccessControl {
  signIn(request: unknown, origin: SignInOrigin): Promise<SignInResult>;
  /** The live session of a token, marked as used; undefined when it ended or never was. */
  use(token: string): Session | undefined;
  peek(token: string): Session | undefined;
  /** What the console shows of a live session; null when it ended. */
  info(token: string): SessionInfo | null;
  signOut(token: string): void;
  /** The operator an Electron console runs as without signing in, if the config names one. */
  localOperator(): Operator | undefined;
  /** Starts (and audits) a session of the local operator on the desktop console; undefined when there is none. */
  startLocal(station: string): string | undefined;
  /** New accounts (a config reload): sessions of accounts that left or changed role end. */
  replaceAccounts(accounts: readonly OperatorAccount[]): void;
  /** Ends sessions past their time; a timer calls it. */
  sweep(): void;
  onSessionEnd(listener: (session: Session, why: SessionEnd) => void): () => void;
  sessionCount(): number;
}

export interface AccessOptions {
  accounts: readonly OperatorAccount[];
  localOperator?: string;
  limits: SessionLimits;
  throttle?: ThrottleOptions;
  audit: AuditLog;
  log: Logger;
  now?: () => number;
}

const operatorOf = (account: OperatorAccount): Operator => ({ username: account.username, name: account.name, role: account.role });

export function createAccessControl(options: AccessOptions): AccessControl {
  const { audit, log } = options;
  const now = options.now ?? Date.now;
  let accounts = new Map(options.accounts.map((a) => [a.username, a]));
  const sessions = createSessions(options.limits);
  const throttle: SignInThrottle = createSignInThrottle(options.throttle);

  sessions.onEnd((session, why) => {
    if (why === 'signed-out') return;
    log.info(`session of ${session.operator.username} ended: ${why}`);
    try {
      audit.append({ kind: 'session-ended', actor: `console (${session.from}) — ${session.operator.username}`, operator: session.operator.username, action: 'session-ended', detail: { why }, result: 'ok' });
    } catch {
      // Logged by the audit log; a session ends whether or not its row could be written.
    }
  });

  const refuse = (reason: 'wrong-credentials' | 'throttled' | 'invalid', error: string, retryAfterSeconds?: number): SignInResult => ({
    ok: false,
    reason,
    error,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });

  return {
    signIn: async (request, origin) => {
      const parsed = signInRequestSchema.safeParse(request);
      if (!parsed.success) return refuse('invalid', 'a sign-in needs a username and a password');
      const username = parsed.data.username.trim().toLowerCase();
      const keys = [`user:${username}`, `address:${origin.address}`];
      const actor = `console (${origin.station}, ${origin.address})`;
      const wait = throttle.waitMs(keys, now());
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        log.warn(`sign-in as "${username.slice(0, 64)}" from ${origin.address} refused: throttled for ${seconds} s more`);
        audit.append({ kind: 'sign-in-failed', actor, operator: username.slice(0, 64), station: origin.station, action: 'sign-in', detail: { address: origin.address, why: 'throttled', retryAfterSeconds: seconds }, result: 'refused' });
        return refuse('throttled', `too many failed sign-ins: try again in ${seconds} s`, seconds);
      }
      const account = accounts.get(username);
      const good = account ? await verifyPassword(parsed.data.password, account.passwordHash) : (await spendCheckTime(parsed.data.password), false);
      if (!good || !account) {
        throttle.failed(keys, now());
        log.warn(`failed sign-in as "${username.slice(0, 64)}" from ${origin.address} (${origin.station})`);
        audit.append({ kind: 'sign-in-failed', actor, operator: username.slice(0, 64), station: origin.station, action: 'sign-in', detail: { address: origin.address, why: account ? 'wrong password' : 'no such account' }, result: 'refused' });
        return refuse('wrong-credentials', 'wrong username or password');
      }
      throttle.succeeded(`user:${username}`);
      // Audited before the session exists: a sign-in that cannot be recorded does not happen.
      audit.append({ kind: 'sign-in', actor, operator: username, station: origin.station, action: 'sign-in', detail: { address: origin.address, role: account.role }, result: 'ok' });
      const session = sessions.start(operatorOf(account), origin.address, now());
      log.info(`${username} (${account.role}) signed in from ${origin.address} (${origin.station})`);
      return { ok: true, token: session.token, session: sessions.info(session) };
    },
    use: (token) => sessions.use(token, now()),
    peek: (token) => sessions.peek(token, now()),
    info: (token) => {
      const session = sessions.peek(token, now());
      return session ? sessions.info(session) : null;
    },
    signOut: (token) => {
      const session = sessions.peek(token, now());
      if (!session) return;
      audit.append({ kind: 'sign-out', actor: `console (${session.from}) — ${session.operator.username}`, operator: session.operator.username, action: 'sign-out', result: 'ok' });
      sessions.end(token, 'signed-out');
      log.info(`${session.operator.username} signed out`);
    },
    localOperator: () => {
      const account = options.localOperator ? accounts.get(options.localOperator.trim().toLowerCase()) : undefined;
      return account ? operatorOf(account) : undefined;
    },
    startLocal: (station) => {
      const account = options.localOperator ? accounts.get(options.localOperator.trim().toLowerCase()) : undefined;
      if (!account) return undefined;
      audit.append({ kind: 'sign-in', actor: `console (${station})`, operator: account.username, station, action: 'sign-in', detail: { local: true, role: account.role }, result: 'ok' });
      log.info(`${account.username} (${account.role}) runs the desktop console as its local operator`);
      return sessions.start(operatorOf(account), 'electron', now()).token;
    },
    replaceAccounts: (next) => {
      accounts = new Map(next.map((a) => [a.username, a]));
      const ended = sessions.endWhere((s) => {
        const account = accounts.get(s.operator.username);
        return !account || account.role !== s.operator.role;
      }, 'account-changed');
      if (ended.length > 0) log.info(`config reload ended ${ended.length} session(s) whose account left or changed role`);
    },
    sweep: () => sessions.sweep(now()),
    onSessionEnd: (listener) => sessions.onEnd(listener),
    sessionCount: () => sessions.count(),
  };
}
