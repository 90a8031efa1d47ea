// A bench helper in its own Node process (TypeScript through tsx), talked to over IPC: the simulated
// walls and the latency probe run apart from the hub and from each other, so each one's CPU time and
// memory are its own and a busy wall process does not delay the probe's clock.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface BenchChild {
  child: ChildProcess;
  /** The child's next message; rejects if it exits first. */
  next<T>(): Promise<T>;
  send(message: unknown): void;
  kill(): Promise<void>;
}

export function forkBenchChild(file: string): BenchChild {
  const child = fork(join(__dirname, file), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox: unknown[] = [];
  let waiting: { resolve(message: unknown): void; reject(error: Error): void } | undefined;
  let exit: Error | undefined;
  child.on('message', (message) => {
    if (waiting) {
      waiting.resolve(message);
      waiting = undefined;
    } else inbox.push(message);
  });
  child.once('exit', (code, signal) => {
    exit = new Error(`${file} exited (${code ?? signal})`);
    waiting?.reject(exit);
    waiting = undefined;
  });
  return {
    child,
    next: <T>() =>
      new Promise<T>((resolve, reject) => {
        if (inbox.length > 0) return resolve(inbox.shift() as T);
        if (exit) return reject(exit);
        waiting = { resolve: resolve as (message: unknown) => void, reject };
      }),
    send: (message) => child.send(message as object),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** In a child: waits for the parent's first message. */
export function parentMessage<T>(): Promise<T> {
  return new Promise((resolve) => process.once('message', (message) => resolve(message as T)));
}
