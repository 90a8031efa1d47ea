// The map-wall bench's sessions of one set-up pooled into its figures, and the table printed at the
// end with the set-ups side by side (the JSON on stdout holds everything the table shows).
import { flightFigures, latencyFigures, median, round, spread } from './map-wall-figures';
import type { SessionResult } from './map-wall-session';

const MiB = 2 ** 20;
const mib = (bytes: number | null | undefined): number | null => (bytes === null || bytes === undefined ? null : round(bytes / MiB));
const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 100 : null);

export function setUpFigures(sessions: readonly SessionResult[], goalP99Ms: number) {
  const windowMs = sessions.reduce((sum, s) => sum + s.windowMs, 0);
  const withMap = sessions.some((s) => s.latency !== null);
  const frames = sessions.reduce((sum, s) => sum + s.frames.frames, 0);
  const dropped = sessions.reduce((sum, s) => sum + s.frames.dropped, 0);
  const types = [...new Set(sessions.flatMap((s) => Object.keys(s.cpuMs)))].sort();
  const rssTypes = [...new Set(sessions.flatMap((s) => Object.keys(s.memory.rssBytes)))].sort();
  const sent = sessions.flatMap((s) => s.sent);
  return {
    sessions: sessions.length,
    windowSeconds: round(windowMs / 1000),
    ...(withMap
      ? {
          latency: latencyFigures(sessions.flatMap((s) => s.latency ?? []), goalP99Ms),
          latencyDuringFlights: latencyFigures(sessions.flatMap((s) => s.latencyDuringFlights ?? []), goalP99Ms),
          coalescingPerSession: sessions.map((s) => s.coalescing),
          mapFramesPerSecondInWindow: sessions.map((s) => s.mapFramesPerSecondInWindow),
          mapRepaintCeilingFps: sessions.map((s) => s.mapRepaintCeilingFps),
          flight: { ...flightFigures(sessions.flatMap((s) => s.flights)), errors: sessions.flatMap((s) => s.flightErrors) },
        }
      : {}),
    mainThread: {
      busyPercent: percent(sessions.reduce((sum, s) => sum + s.mainThread.taskMs, 0), windowMs),
      busyPercentPerSession: sessions.map((s) => percent(s.mainThread.taskMs, s.windowMs)),
      cpuPercent: percent(sessions.reduce((sum, s) => sum + s.mainThread.cpuMs, 0), windowMs),
      longTaskPercent: percent(sessions.reduce((sum, s) => sum + s.mainThread.longTaskMs, 0), windowMs),
    },
    /** Cores used over the windows: Chromium's processes by type (renderer: main thread, map worker, media), the hub, the host. */
    cores: Object.fromEntries(types.map((type) => [type, Math.round((sessions.reduce((sum, s) => sum + (s.cpuMs[type] ?? 0), 0) / windowMs) * 100) / 100])),
    cameras: {
      videosPerSession: sessions.map((s) => s.frames.videos),
      /** Per session, camera tiles live (playing, not stalled or in error) at the window's end. */
      liveTilesAtWindowEnd: sessions.map((s) => s.cameraTiles.live),
      framesDecoded: frames,
      droppedFrames: dropped,
      droppedPercent: percent(dropped, frames),
      droppedPercentPerSession: sessions.map((s) => percent(s.frames.dropped, s.frames.frames)),
    },
    memory: {
      jsHeapAfterGcMiB: mib(median(sessions.map((s) => s.memory.jsHeapUsedBytes))),
      jsHeapAfterGcMiBPerSession: sessions.map((s) => mib(s.memory.jsHeapUsedBytes)),
      domNodes: median(sessions.map((s) => s.memory.domNodes)),
      /** Median per session, by Chromium process type. */
      rssMiB: Object.fromEntries(rssTypes.map((type) => [type, mib(median(sessions.map((s) => s.memory.rssBytes[type] ?? null)))])),
    },
    storm: {
      sent: sent.length,
      perSecond: round(sent.length / sessions.reduce((sum, s) => sum + s.stormSeconds, 0)),
      refused: sent.filter((s) => s.status !== 200).length,
      ackMs: spread(sent.flatMap((s) => (s.ackMs === null ? [] : [s.ackMs]))),
    },
    clock: {
      offsetUncertaintyMs: Math.max(...sessions.map((s) => s.clock.start.uncertaintyMs)),
      /** How far the offset moved over a session (the clocks' relative drift): small next to the latencies, or they are off by it. */
      driftMs: Math.max(...sessions.map((s) => Math.abs(s.clock.end.offsetMs - s.clock.start.offsetMs))),
    },
    foreignCoresPerSession: sessions.map((s) => s.foreignCores),
    secondsPerSession: sessions.map((s) => s.seconds),
  };
}

export type SetUpFigures = ReturnType<typeof setUpFigures>;

/** "a / b", or nothing when neither is known. */
const pair = (a: number | null | undefined, b: number | null | undefined): string | null => (a === null || a === undefined) && (b === null || b === undefined) ? null : `${a ?? '–'} / ${b ?? '–'}`;
const least = (values: number[]): number | null => (values.length ? Math.min(...values) : null);
const most = (values: number[]): number | null => (values.length ? Math.max(...values) : null);

/** The rows of the printed table: a label and how to read it from one set-up's figures. */
const ROWS: Array<[string, (f: SetUpFigures) => unknown]> = [
  ['ingest → drawn p50 / p99 ms', (f) => f.latency && pair(f.latency.ingestToDrawnMs.p50, f.latency.ingestToDrawnMs.p99)],
  ['  samples (not drawn)', (f) => f.latency && `${f.latency.ingestToDrawnMs.samples} (${f.latency.notDrawn})`],
  ['  to store p50 / p99', (f) => f.latency && pair(f.latency.stagesMs.toStore!.p50, f.latency.stagesMs.toStore!.p99)],
  ['  coalesce p50 / p99', (f) => f.latency && pair(f.latency.stagesMs.coalesce!.p50, f.latency.stagesMs.coalesce!.p99)],
  ['  worker index p50 / p99', (f) => f.latency && pair(f.latency.stagesMs.index!.p50, f.latency.stagesMs.index!.p99)],
  ['  tiles + frame p50 / p99', (f) => f.latency && pair(f.latency.stagesMs.draw!.p50, f.latency.stagesMs.draw!.p99)],
  ['ingest → layer settled p50 / p99', (f) => f.latency && pair(f.latency.ingestToLayerSettledMs.p50, f.latency.ingestToLayerSettledMs.p99)],
  ['ingest → drawn in flights p50 / p99', (f) => f.latencyDuringFlights && pair(f.latencyDuringFlights.ingestToDrawnMs.p50, f.latencyDuringFlights.ingestToDrawnMs.p99)],
  ['maplibre updates/s, most of a layer', (f) => f.coalescingPerSession && most(f.coalescingPerSession.flatMap((c) => Object.values(c ?? {}).map((s) => s.maplibreUpdatesPerSecond)))],
  ['  least gap between updates ms', (f) => f.coalescingPerSession && least(f.coalescingPerSession.flatMap((c) => Object.values(c ?? {}).flatMap((s) => (s.minGapMs === null ? [] : [s.minGapMs]))))],
  ['main thread busy % (CPU %)', (f) => `${f.mainThread.busyPercent} (${f.mainThread.cpuPercent})`],
  ['  in long tasks %', (f) => f.mainThread.longTaskPercent],
  ['map fps, storm window', (f) => f.mapFramesPerSecondInWindow?.join(', ')],
  ['map fps, forced redraw (ceiling)', (f) => f.mapRepaintCeilingFps?.join(', ')],
  ['map fps in flight', (f) => f.flight?.framesPerSecond],
  ['  frame time p50 / p99 ms', (f) => f.flight && pair(f.flight.frameTimeMs.p50, f.flight.frameTimeMs.p99)],
  ['camera frames dropped %', (f) => f.cameras.droppedPercent],
  ['  videos counted per session', (f) => f.cameras.videosPerSession.join(', ')],
  ['  tiles live at window end', (f) => f.cameras.liveTilesAtWindowEnd.join(', ')],
  ['JS heap after GC MiB', (f) => f.memory.jsHeapAfterGcMiB],
  ['renderer RSS MiB', (f) => f.memory.rssMiB.renderer],
  ['GPU process RSS MiB', (f) => f.memory.rssMiB.GPU],
  ['cores: renderer / GPU process', (f) => `${f.cores.renderer} / ${f.cores.GPU}`],
  ['cores: hub / host', (f) => `${f.cores.hub} / ${f.cores.host}`],
  ['storm sent/s (refused)', (f) => `${f.storm.perSecond} (${f.storm.refused})`],
  ['other processes, cores', (f) => f.foreignCoresPerSession.join(', ')],
];

/** The figures of every condition and set-up as one table, set-ups side by side. */
export function figuresTable(columns: ReadonlyArray<[string, SetUpFigures]>): string {
  const cell = (v: unknown): string => (v === undefined || v === null || v === false ? '–' : String(v));
  const rows = [['', ...columns.map(([name]) => name)], ...ROWS.map(([label, read]) => [label, ...columns.map(([, f]) => cell(read(f)))])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
