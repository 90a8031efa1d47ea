import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childEnv } from './child-env';

export interface HubProcess {
  url: string;
  hubId: string;
  /** The seq the hub reported when it became ready. */
  readySeq: number;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: a crash, no clean shutdown. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const READY_LINE = /IOC hub ready at (http:\/\/\S+) \(hub id ([A-Za-z0-9-]+), seq (\d+)\)/;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export interface HubProcessOptions {
  timeoutMs?: number;
  /**
   * Run src-hub/main.ts under tsx instead of the built bundle: the same hub without a build step,
   * and under StrykerJS the mutated source with the active mutant (see child-env.ts).
   */
  fromSource?: boolean;
  /** Another build of the hub (a bench compares one from an earlier commit); default out/main/hub.js. */
  script?: string;
  /** Node flags, e.g. --inspect=127.0.0.1:0 for a bench that reads the hub's heap. */
  nodeArgs?: string[];
}

/**
 * Starts the built reference hub (`out/main/hub.js`) as its own process, as `npm run hub` does, and
 * resolves on its ready line. Pass `--config=FILE`, or `--db=FILE --port=N --token=T` for the demo.
 */
export async function startHubProcess(args: string[], options: HubProcessOptions = {}): Promise<HubProcess> {
  const { timeoutMs = 20_000, fromSource = false } = options;
  const entry = fromSource ? ['--import', 'tsx', join(ROOT, 'src-hub/main.ts')] : [options.script ?? join(ROOT, 'out/main/hub.js')];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
  let output = '';
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`hub exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    url: ready[1]!,
    hubId: ready[2]!,
    readySeq: Number(ready[3]),
    child,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
