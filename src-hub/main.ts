import { resolve } from 'node:path';
import { createLogger, errorMessage } from '../src-shared/node/log';
import { HubConfigError, loadHubConfig } from './hub-config';
import { startDemoHub } from './start-demo-hub';
import { startHub, type RunningHub } from './start-hub';

/**
 * `npm run hub`: the reference hub on its own, for walls on other machines.
 *   --config=FILE   run the hub a config file describes (see hub-config.ts)
 * Without a config it runs the demo hub (simulated departments and cameras):
 *   --db=FILE       hub database (default ./.cache/hub/demo-hub.db)
 *   --port=N        default 4781; 0 picks a free port
 *   --host=ADDR     default 127.0.0.1
 *   --token=T       wall token (default IOC_HUB_TOKEN, then "demo-wall-token")
 * Prints one line "IOC hub ready at URL (hub id ID, seq N)" once it listens; SIGTERM stops it.
 */
function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

/** Exit code for a config or command line that cannot be used (as opposed to a crash). */
const USAGE_ERROR = 2;

const DEFAULT_ASSETS = resolve(__dirname, '../../assets');

async function start(log: ReturnType<typeof createLogger>): Promise<{ hub: RunningHub; close(): Promise<void> }> {
  const configFile = flag('config');
  if (configFile) {
    const config = loadHubConfig(configFile);
    if (config.demo && config.dbPath) {
      const [token, ...moreWallTokens] = config.wallTokens;
      const demo = await startDemoHub({ ...config, dbPath: config.dbPath, token: token!, moreWallTokens, assetsDir: config.assetsDir ?? DEFAULT_ASSETS, log });
      return { hub: demo.hub, close: demo.close };
    }
    const hub = await startHub({ ...config, log });
    return { hub, close: hub.close };
  }
  const port = Number(flag('port') ?? process.env.IOC_HUB_PORT ?? 4781);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new HubConfigError(`--port must be a port number, got "${flag('port') ?? ''}"`);
  const demo = await startDemoHub({
    host: flag('host') || '127.0.0.1',
    port,
    token: flag('token') || process.env.IOC_HUB_TOKEN || 'demo-wall-token',
    dbPath: resolve(flag('db') || '.cache/hub/demo-hub.db'),
    assetsDir: flag('assets') ?? DEFAULT_ASSETS,
    log,
  });
  return { hub: demo.hub, close: demo.close };
}

async function main(): Promise<void> {
  const log = createLogger('hub');
  // Signals are handled from the first moment: a stop that arrives while the hub is still opening
  // its database waits for it and then closes it properly, rather than killing it mid-way.
  let signalled: string | undefined;
  const stopRequested = new Promise<string>((resolve) => {
    const onSignal = (signal: string): void => {
      signalled ??= signal;
      resolve(signalled);
    };
    process.on('SIGINT', () => onSignal('SIGINT'));
    process.on('SIGTERM', () => onSignal('SIGTERM'));
  });

  let running: Awaited<ReturnType<typeof start>>;
  try {
    running = await start(log);
  } catch (error) {
    process.stderr.write(`IOC hub failed to start: ${errorMessage(error)}\n`);
    process.exit(error instanceof HubConfigError ? USAGE_ERROR : 1);
  }
  const { hub } = running;
  if (!signalled) process.stdout.write(`IOC hub ready at ${hub.url} (hub id ${hub.hubId}, seq ${hub.state.seq})\n`);

  log.info(`${await stopRequested}: stopping`);
  try {
    await running.close();
    process.exit(0);
  } catch (error) {
    log.error(`stopping failed: ${errorMessage(error)}`);
    process.exit(1);
  }
}

void main();
