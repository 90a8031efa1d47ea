import { join } from 'node:path';
import type { Operator } from '../../src-shared/access';
import type { Logger } from '../../src-shared/node/log';
import { auditFile } from '../audit/audit-file';
import { openAuditLog, type AuditLog } from '../audit/audit-log';
import type { OperatorAccount } from '../config/access-schema';
import type { AppConfig } from '../config/load-config';
import { createAccessControl, type AccessControl } from './access-control';
import { firstAccount, type FirstAccount } from './first-account';
import { DEFAULT_THROTTLE } from './sign-in-throttle';
import { createSessionSeats, type SessionSeats } from './session-seats';
import { loadWallSecret, wallCredentials, type WallCredentials } from './wall-credentials';

/**
 * Everything the host needs to know who is asking: the audit log, operator accounts and sessions,
 * console seats and wall keys. One per host, started before the operations (whose commands it
 * audits) and closed after them.
 */
export interface HostAccess {
  readonly audit: AuditLog;
  readonly control: AccessControl;
  readonly seats: SessionSeats;
  readonly walls: WallCredentials;
  /** True when the config names operator accounts; false when only the first account exists. */
  readonly accountsConfigured: boolean;
  /** The generated admin account of a config without accounts (where its password is). */
  readonly first: FirstAccount | undefined;
  /** The operator a desktop console runs as without signing in. */
  localOperator(): Operator | undefined;
  replaceAccounts(accounts: readonly OperatorAccount[]): void;
  close(): void;
}

/** How often sessions past their time are ended (and audited) when nobody asks. */
const SWEEP_MS = 30_000;

export async function startHostAccess(options: { config: AppConfig; userDataDir: string; mode: 'electron' | 'browser'; log: Logger }): Promise<HostAccess> {
  const { config, log } = options;
  const audit = openAuditLog({ file: auditFile(options.userDataDir), log: log.child('audit') });
  const accountsConfigured = config.operators.length > 0;
  const first = accountsConfigured ? undefined : await firstAccount(options.userDataDir);
  const accounts = first ? [first.account] : config.operators;
  // A desktop app without accounts is a demo on one machine: its console runs as the first account.
  const localOperator = config.console.localOperator ?? (first && options.mode === 'electron' ? first.account.username : undefined);
  const control = createAccessControl({
    accounts,
    ...(localOperator ? { localOperator } : {}),
    limits: { maxHours: config.access.sessionHours, idleMinutes: config.access.idleMinutes },
    throttle: { ...DEFAULT_THROTTLE, baseDelayMs: config.access.signInBackoffSeconds * 1000 },
    audit,
    log: log.child('sign-in'),
  });
  if (first) log.info(`no operator accounts in the config: sign in as "${first.account.username}" with the password in ${first.file}`);
  if (config.console.localOperator && !control.localOperator()) log.warn(`console.localOperator "${config.console.localOperator}" is not one of the operator accounts; the desktop console will ask to sign in`);
  const sweep = setInterval(() => control.sweep(), SWEEP_MS);
  sweep.unref();
  return {
    audit,
    control,
    seats: createSessionSeats(control),
    walls: wallCredentials(loadWallSecret(join(options.userDataDir, 'state', 'wall-secret'))),
    accountsConfigured,
    first,
    localOperator: () => control.localOperator(),
    replaceAccounts: (next) => control.replaceAccounts(first && next.length === 0 ? [first.account] : next),
    close: () => {
      clearInterval(sweep);
      audit.close();
    },
  };
}
