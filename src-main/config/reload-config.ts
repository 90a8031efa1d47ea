import { isDeepStrictEqual } from 'node:util';
import type { Logger } from '../../src-shared/node/log';
import type { HostAccess } from '../access/host-access';
import { loadConfig, type AppConfig } from './load-config';

/**
 * The admin's config reload: the file is read again and checked like at start. Operator accounts
 * take effect at once (sessions of accounts that left or changed role end); every other part that
 * changed is named as needing a restart, rather than half-applied under running walls. Audited
 * with what changed, whoever asked.
 */
export async function reloadConfig(options: { configPath: string; running: AppConfig; access: HostAccess; log: Logger }): Promise<{ operators: number; needsRestart: string[] }> {
  const { config: next, errors } = loadConfig(options.configPath, options.log);
  if (errors.length > 0) {
    options.access.audit.append({ kind: 'config-reload', actor: 'host', action: 'config-reload', detail: { file: options.configPath, errors }, result: 'refused', error: errors[0] ?? null });
    throw new Error(`the config has ${errors.length} problem(s), nothing was reloaded: ${errors.slice(0, 3).join('; ')}`);
  }
  const needsRestart = (Object.keys(next) as Array<keyof AppConfig>).filter((key) => key !== 'operators' && !isDeepStrictEqual(next[key], options.running[key]));
  options.access.audit.append({
    kind: 'config-reload',
    actor: 'host',
    action: 'config-reload',
    detail: { file: options.configPath, operators: next.operators.map((a) => `${a.username} (${a.role})`), needsRestart },
    result: 'ok',
  });
  options.access.replaceAccounts(next.operators);
  options.log.info(`config reloaded: ${next.operators.length} operator account(s)${needsRestart.length ? `; restart to apply ${needsRestart.join(', ')}` : ''}`);
  return { operators: next.operators.length, needsRestart };
}
