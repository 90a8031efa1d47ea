import { resolve } from 'node:path';
import { createLogger } from '../src-main/log';
import { startDemoHub } from './start-demo-hub';

/**
 * `npm run hub`: the reference hub on its own, for walls on other machines.
 * Flags: --host=ADDR (default 127.0.0.1), --port=N (default 4781), --token=T (or IOC_HUB_TOKEN).
 */
function flag(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const log = createLogger('hub');
  const port = Number(flag('port') ?? process.env.IOC_HUB_PORT ?? 4781);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    log.error(`--port must be a port number, got "${flag('port') ?? ''}"`);
    process.exit(2);
  }
  const demo = await startDemoHub({
    host: flag('host') ?? '127.0.0.1',
    port,
    token: flag('token') ?? process.env.IOC_HUB_TOKEN ?? 'demo-wall-token',
    assetsDir: flag('assets') ?? resolve(__dirname, '../../assets'),
    log,
  });
  const stop = (): void => {
    log.info('stopping');
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`hub failed to start: ${String(error)}\n`);
  process.exit(1);
});
