// "A hub no wall can take down" (issue 9), in figures:
//   storm: BENCH_STORM_WALLS (500) walls connect at once to a hub retaining BENCH_STORM_MESSAGES
//          (25,000) messages: when every snapshot was through and every wall live, the hub's peak
//          memory, /healthz and ingest-ack latency throughout, and whose CPU it was (walls' or hub's).
//   flood: one wall resyncs from seq 0 at 1,000/s for BENCH_FLOOD_SECONDS (30) while 20 walls watch
//          live data: the hub's memory, the live walls' latency, and what the flooder got.
//   bytes: a snapshot's bytes per wall gzipped, plain, as one event, and with per-message deflate.
// The hub runs as its own process; the walls, the flooder and the latency probe in three more, so each
// one's CPU and memory are its own. With BENCH_BASELINE_HUB=<hub.js built from an earlier commit>, each
// variant runs on that hub too, interleaved with this one's, quiet and with one core kept busy.
import { join } from 'node:path';
import { forkBenchChild } from './bench-child';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { startCpuHog } from './cpu-hog';
import { benchSnapshotBytes } from './hub-storm-bytes';
import { PROBE_KEY, PROBE_KPI, startBenchHub, WALL_TOKEN, type BenchHub } from './hub-storm-hub';
import type { ProbeConfig, ProbeResult, ProbeSample } from './hub-storm-probe';
import type { FloodFigures, LiveFigures, StormFigures, WallsConfig } from './hub-storm-walls';
import { cpuMs } from './process-figures';
import { epochNow } from './page-clock';
import { percentile } from './percentile';

const WALLS = Number(process.env.BENCH_STORM_WALLS ?? 500);
const MESSAGES = Number(process.env.BENCH_STORM_MESSAGES ?? 25_000);
const FLOOD_SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 30);
const FLOOD_PER_SECOND = 1000;
const LIVE_WALLS = 20;
const STORM_TIMEOUT_MS = Number(process.env.BENCH_STORM_TIMEOUT_MS ?? 90_000);
/** A hub growing past this is killed: the machine is shared. */
const RSS_CAP_BYTES = Number(process.env.BENCH_HUB_RSS_CAP_MB ?? 3072) * 2 ** 20;
const MB = 2 ** 20;

interface HubBuild {
  name: string;
  script: string;
}

const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;
const within = (samples: ProbeSample[], from: number, to: number): number[] => samples.filter((s) => s.at >= from && s.at <= to).map((s) => s.ms);
const latency = (values: number[]): Record<string, number | null> => ({ samples: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: percentile(values, 100) });
/** The slowest samples and when they were sent, in ms from the start: shows which phase of a storm holds the hub up. */
const slowest = (samples: ProbeSample[], from: number, to: number): Array<[number, number]> =>
  samples
    .filter((s) => s.at >= from && s.at <= to)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => [Math.round(s.at - from), Math.round(s.ms)]);

async function startProbe(hub: BenchHub): Promise<{ stop(): Promise<ProbeResult> }> {
  const probe = forkBenchChild('hub-storm-probe.ts');
  probe.send({ url: hub.url, apiKey: PROBE_KEY, kpiId: PROBE_KPI, everyMs: 50 } satisfies ProbeConfig);
  return {
    stop: async () => {
      probe.send('stop');
      return probe.next<ProbeResult>();
    },
  };
}

async function storm(build: HubBuild): Promise<Record<string, unknown>> {
  const hub = await startBenchHub(build.script, MESSAGES);
  const walls = forkBenchChild('hub-storm-walls.ts');
  try {
    const probe = await startProbe(hub);
    // Let both children load (tsx) before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const memory = hub.sampleMemory(RSS_CAP_BYTES);
    const noise = cpuSnapshot();
    const hubCpu = hub.cpuMs();
    const wallsCpu = cpuMs(walls.child.pid!) ?? 0;
    const start = epochNow();
    walls.send({ role: 'storm', url: hub.url, token: WALL_TOKEN, walls: WALLS, capabilities: ['snapshot-chunks'], keep: 3, timeoutMs: STORM_TIMEOUT_MS } satisfies WallsConfig);
    const { result } = await walls.next<{ result: StormFigures }>();
    const end = epochNow();
    const hubCpuUsed = hub.cpuMs() - hubCpu;
    const wallsCpuUsed = (cpuMs(walls.child.pid!) ?? 0) - wallsCpu;
    const others = foreignCores(noise, cpuSnapshot());
    const probed = await probe.stop();
    const peaks = await memory.stop();
    const done = (values: Array<number | null>): number[] => values.filter((v): v is number => v !== null);
    const snapshotsDone = done(result.snapshotDoneMs);
    const live = done(result.liveMs);
    return {
      walls: result.walls,
      everySnapshotThroughMs: snapshotsDone.length === result.walls ? Math.max(...snapshotsDone) : null,
      snapshotsThrough: snapshotsDone.length,
      snapshotThroughMs: { p50: percentile(snapshotsDone, 50), max: percentile(snapshotsDone, 100) },
      allLiveMs: live.length === result.walls ? Math.max(...live) : null,
      live: live.length,
      liveMs: { p50: percentile(live, 50), max: percentile(live, 100) },
      errors: [...new Set(result.errors)].slice(0, 5),
      errorCount: result.errors.length,
      hubPeakRssMB: mb(peaks.rssBytes),
      hubPeakHeapMB: mb(peaks.heapBytes),
      hubKilledAtCapAfterSeconds: peaks.killedAtSeconds,
      hubCrashed: hub.gone() && peaks.killedAtSeconds === null,
      healthzMs: latency(within(probed.health, start, end)),
      healthzFailed: probed.health.filter((s) => s.at >= start && s.at <= end && !s.ok).length,
      healthzSlowest: slowest(probed.health, start, end),
      ingestAckMs: latency(within(probed.ingest, start, end)),
      ingestFailed: probed.ingest.filter((s) => s.at >= start && s.at <= end && !s.ok).length,
      snapshotBytesPerWall: percentile(result.snapshotBytes, 50),
      cpu: {
        hubMs: hubCpuUsed,
        wallsMs: wallsCpuUsed,
        hubShare: Math.round((hubCpuUsed / Math.max(1, hubCpuUsed + wallsCpuUsed)) * 100) / 100,
        wallsShare: Math.round((wallsCpuUsed / Math.max(1, hubCpuUsed + wallsCpuUsed)) * 100) / 100,
      },
      otherPeoplesCores: others,
      keptSnapshotsChecked: result.checked,
    };
  } finally {
    await walls.kill();
    await hub.stop();
  }
}

async function flood(build: HubBuild): Promise<Record<string, unknown>> {
  const hub = await startBenchHub(build.script, MESSAGES);
  const watchers = forkBenchChild('hub-storm-walls.ts');
  const flooder = forkBenchChild('hub-storm-walls.ts');
  try {
    watchers.send({ role: 'live', url: hub.url, token: WALL_TOKEN, walls: LIVE_WALLS, kpiId: PROBE_KPI } satisfies WallsConfig);
    await watchers.next();
    const probe = await startProbe(hub);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const memory = hub.sampleMemory(RSS_CAP_BYTES);
    const noise = cpuSnapshot();
    const start = epochNow();
    flooder.send({ role: 'flood', url: hub.url, token: WALL_TOKEN, perSecond: FLOOD_PER_SECOND, seconds: FLOOD_SECONDS } satisfies WallsConfig);
    const { result: flooded } = await flooder.next<{ result: FloodFigures }>();
    const end = epochNow();
    const others = foreignCores(noise, cpuSnapshot());
    const probed = await probe.stop();
    watchers.send('stop');
    const { result: watched } = await watchers.next<{ result: LiveFigures }>();
    const peaks = await memory.stop();
    const sentAt = new Map(probed.sentAt);
    const liveLatency = watched.arrivals.flatMap((wall) => wall.filter(([value]) => (sentAt.get(value) ?? 0) >= start && (sentAt.get(value) ?? Infinity) <= end).map(([value, at]) => at - sentAt.get(value)!));
    const expected = probed.sentAt.filter(([, at]) => at >= start && at <= end).length * LIVE_WALLS;
    const lines = hub.output().split('\n');
    const throttleLines = lines.filter((l) => l.includes('throttled') && l.includes('resync'));
    return {
      seconds: FLOOD_SECONDS,
      flooder: { ...flooded, closingReasons: [...new Set(flooded.closingReasons)], connectErrors: [...new Set(flooded.connectErrors)].slice(0, 3) },
      hubPeakRssMB: mb(peaks.rssBytes),
      hubPeakHeapMB: mb(peaks.heapBytes),
      hubKilledAtCapAfterSeconds: peaks.killedAtSeconds,
      hubCrashed: hub.gone() && peaks.killedAtSeconds === null,
      liveWalls: LIVE_WALLS,
      liveWallsStillLive: watched.live,
      liveLatencyMs: latency(liveLatency),
      liveMessagesReceived: liveLatency.length,
      liveMessagesExpected: expected,
      healthzMs: latency(within(probed.health, start, end)),
      ingestAckMs: latency(within(probed.ingest, start, end)),
      hubLog: {
        throttleLines: throttleLines.length,
        firstThrottleLine: throttleLines[0]?.replace(/^\S+ /, '') ?? null,
        floodDisconnects: lines.filter((l) => l.includes('disconnected: more than')).length,
      },
      otherPeoplesCores: others,
    };
  } finally {
    await Promise.all([watchers.kill(), flooder.kill()]);
    await hub.stop();
  }
}

/** Runs `run` for every build, quiet and then with one core busy, the builds interleaved. */
async function interleaved(builds: HubBuild[], name: string, run: (build: HubBuild) => Promise<Record<string, unknown>>): Promise<Record<string, Record<string, unknown>>> {
  const results: Record<string, Record<string, unknown>> = { quiet: {}, oneCoreBusy: {} };
  for (const load of ['quiet', 'oneCoreBusy'] as const) {
    for (const build of builds) {
      process.stderr.write(`bench: hub-storm ${name}, ${build.name}, ${load}…\n`);
      const hog = load === 'oneCoreBusy' ? startCpuHog() : undefined;
      try {
        results[load]![build.name] = await run(build);
      } catch (error) {
        results[load]![build.name] = { failed: String(error) };
      } finally {
        const cores = await hog?.stop();
        if (cores !== undefined) results[load]![build.name] = { ...(results[load]![build.name] as object), hogCores: cores };
      }
    }
  }
  return results;
}

export async function benchHubStorm(): Promise<Record<string, unknown>> {
  const current: HubBuild = { name: 'current', script: join(__dirname, '..', '..', 'out', 'main', 'hub.js') };
  const baseline = process.env.BENCH_BASELINE_HUB;
  const builds = baseline ? [{ name: 'baseline', script: baseline }, current] : [current];
  const only = process.env.BENCH_STORM_PARTS?.split(',');
  const part = (name: string): boolean => !only || only.includes(name);
  return {
    config: { walls: WALLS, retainedMessages: MESSAGES, floodSeconds: FLOOD_SECONDS, floodPerSecond: FLOOD_PER_SECOND, liveWalls: LIVE_WALLS, baseline: baseline ?? null },
    goals: { everySnapshotThroughMs: 5000, hubPeakRssMB: 600, healthzAndIngestP99Ms: 200, floodHubPeakRssMB: 300, floodLiveLatencyP99Ms: 50 },
    ...(part('storm') ? { storm: await interleaved(builds, 'storm', storm) } : {}),
    ...(part('flood') ? { flood: await interleaved(builds, 'flood', flood) } : {}),
    ...(part('bytes') ? { snapshotBytes: await benchSnapshotBytes(current.script, MESSAGES) } : {}),
  };
}
