// One core kept busy by a child process, for figures taken "under load": a wall PC also runs other
// software (a VMS client, an antivirus scan). The hog is a child of the bench, so cpu-noise.ts counts
// it as the bench's own CPU, not as other people's.
import { spawn } from 'node:child_process';
import { cpuMs } from './process-figures';

export interface CpuHog {
  /** Stops the hog; resolves with the cores it kept busy on average (about 1 on an idle core). */
  stop(): Promise<number | null>;
}

export function startCpuHog(): CpuHog {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  const startedAt = Date.now();
  return {
    stop: async () => {
      const used = child.pid === undefined ? null : cpuMs(child.pid);
      const cores = used === null ? null : Math.round((used / (Date.now() - startedAt)) * 100) / 100;
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await gone;
      }
      return cores;
    },
  };
}
