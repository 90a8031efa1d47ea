import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where a wall PC keeps its config, cache and kiosk profiles when not run by Electron. */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.IOC_WALL_DATA) return env.IOC_WALL_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'IOC Wall');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'IOC Wall');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ioc-wall');
}

/** Value of `--name=value` among the command-line arguments. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}
