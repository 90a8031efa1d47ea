// How busy the machine was with other people's work while a figure was taken: CPU time spent by
// processes outside this bench's process tree (Linux /proc; null elsewhere). On a shared box a load
// that overlapped someone's test run is then visible in the figures instead of skewing them silently.
import { readdirSync, readFileSync } from 'node:fs';

interface CpuSnapshot {
  at: number;
  /** All CPUs' busy time, in clock ticks. */
  busy: number;
  /** Busy ticks of each process in this bench's tree. */
  ours: Map<number, number>;
}

/** A process's parent and CPU ticks so far (user + system; 1/100 s on Linux), or null. */
export function procStat(pid: number | string): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

export function cpuSnapshot(): CpuSnapshot | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const busy = cpu.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    const stats = new Map<number, { ppid: number; ticks: number }>();
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      const stat = procStat(pid);
      if (stat) stats.set(Number(pid), stat);
    }
    const children = new Map<number, number[]>();
    stats.forEach(({ ppid }, pid) => children.set(ppid, [...(children.get(ppid) ?? []), pid]));
    const ours = new Map<number, number>();
    const queue = [process.pid];
    while (queue.length) {
      const pid = queue.pop()!;
      ours.set(pid, stats.get(pid)?.ticks ?? 0);
      queue.push(...(children.get(pid) ?? []));
    }
    return { at: Date.now(), busy, ours };
  } catch {
    return null;
  }
}

/** Cores' worth of CPU (0–cores) others used between two snapshots, e.g. 0.9 = most of one core. */
export function foreignCores(before: CpuSnapshot | null, after: CpuSnapshot | null): number | null {
  if (!before || !after || after.at <= before.at) return null;
  let ours = 0;
  after.ours.forEach((ticks, pid) => (ours += ticks - (before.ours.get(pid) ?? 0)));
  // Clock ticks are 1/100 s on Linux.
  const foreign = (after.busy - before.busy - ours) / 100 / ((after.at - before.at) / 1000);
  return Math.round(Math.max(0, foreign) * 100) / 100;
}
