// Issue 14 in figures: the hub as one process on SQLite, as one node on Redis, and as three nodes on
// Redis, side by side, quiet and with one core kept busy (set-ups interleaved within each load):
//   ingest:   departments posting 500-point batches as fast as they are acknowledged, spread over
//             the nodes: records acknowledged a second, and each post's answer time;
//   live:     1,000 updates a second while BENCH_CLUSTER_WALLS (10,25,50,100) walls, spread over the
//             nodes, watch: ingest → wall latency p50/p99, and the most walls held at p99 ≤ 100 ms;
//   catch-up: every node killed and started again, then 500 walls connect at once, spread over the
//             nodes, and are caught up (a snapshot each): time until every wall is live.
// Everything runs on this one machine: hub nodes, Redis, walls and departments share its cores.
import { forkBenchChild } from './bench-child';
import { startCpuHog } from './cpu-hog';
import { cpuSnapshot, foreignCores } from './cpu-noise';
import { FEED_KEY, FEED_KPI, FLOOD_KEYS, SETUPS, startSetup, WALL_TOKEN, type RunningSetup } from './hub-cluster-setup';
import type { FeedConfig, FeedResult } from './hub-cluster-feed';
import type { LiveFigures, StormFigures, WallsConfig } from './hub-storm-walls';
import { cpuMs } from './process-figures';
import { percentile } from './percentile';
import { startTestRedis } from '../../test/helpers/redis-server';

const WALL_STEPS = (process.env.BENCH_CLUSTER_WALLS ?? '10,25,50,100').split(',').map(Number);
const LIVE_RATE = 1_000;
const LIVE_SECONDS = Number(process.env.BENCH_CLUSTER_LIVE_SECONDS ?? 8);
const INGEST_SECONDS = Number(process.env.BENCH_CLUSTER_INGEST_SECONDS ?? 8);
const STORM_WALLS = Number(process.env.BENCH_CLUSTER_STORM_WALLS ?? 500);
const LATENCY_GOAL_MS = 100;

const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
const stats = (values: number[]): Record<string, number | null> => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), max: round(percentile(values, 100)) });

async function ingest(setup: RunningSetup): Promise<Record<string, unknown>> {
  const feed = forkBenchChild('hub-cluster-feed.ts');
  try {
    const before = setup.cpuMs();
    feed.send({ role: 'flood', urls: setup.urls(), apiKeys: FLOOD_KEYS, batch: 500, seconds: INGEST_SECONDS } satisfies FeedConfig);
    const result = await feed.next<FeedResult>();
    return { recordsPerSecond: Math.round(result.acknowledged / result.seconds), failedRecords: result.failed, postMs: stats(result.ackMs), hubCpuMs: setup.cpuMs() - before };
  } finally {
    await feed.kill();
  }
}

async function live(setup: RunningSetup, walls: number): Promise<Record<string, unknown>> {
  const watchers = forkBenchChild('hub-storm-walls.ts');
  const feed = forkBenchChild('hub-cluster-feed.ts');
  try {
    watchers.send({ role: 'live', url: setup.urls()[0]!, urls: setup.urls(), token: WALL_TOKEN, walls, kpiId: FEED_KPI } satisfies WallsConfig);
    await watchers.next();
    const hubCpu = setup.cpuMs();
    const wallsCpu = cpuMs(watchers.child.pid!) ?? 0;
    feed.send({ role: 'rate', urls: setup.urls(), apiKey: FEED_KEY, kpiId: FEED_KPI, perSecond: LIVE_RATE } satisfies FeedConfig);
    await new Promise((resolve) => setTimeout(resolve, LIVE_SECONDS * 1000));
    feed.send('stop');
    const fed = await feed.next<FeedResult>();
    // What is still on its way arrives within a second, or counts as lost.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    watchers.send('stop');
    const { result: watched } = await watchers.next<{ result: LiveFigures }>();
    const sentAt = new Map(fed.sentAt);
    const latency = watched.arrivals.flatMap((wall) => wall.map(([value, at]) => at - (sentAt.get(value) ?? at)));
    const expected = fed.acknowledged * walls;
    return {
      walls,
      wallsLive: watched.live,
      updatesPerSecond: Math.round(fed.acknowledged / fed.seconds),
      latencyMs: stats(latency),
      delivered: expected === 0 ? null : Math.round((latency.length / expected) * 1000) / 1000,
      postMs: stats(fed.ackMs),
      cpu: { hubMs: setup.cpuMs() - hubCpu, wallsMs: (cpuMs(watchers.child.pid!) ?? 0) - wallsCpu },
    };
  } finally {
    await Promise.all([watchers.kill(), feed.kill()]);
  }
}

async function catchUp(setup: RunningSetup): Promise<Record<string, unknown>> {
  await setup.restart();
  const walls = forkBenchChild('hub-storm-walls.ts');
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    walls.send({ role: 'storm', url: setup.urls()[0]!, urls: setup.urls(), token: WALL_TOKEN, walls: STORM_WALLS, capabilities: ['snapshot-chunks'], keep: 0, timeoutMs: 120_000 } satisfies WallsConfig);
    const { result } = await walls.next<{ result: StormFigures }>();
    const live = result.liveMs.filter((v): v is number => v !== null);
    return { walls: result.walls, live: live.length, allLiveMs: live.length === result.walls ? Math.max(...live) : null, liveMs: stats(live), snapshotBytesPerWall: percentile(result.snapshotBytes, 50), errors: [...new Set(result.errors)].slice(0, 3) };
  } finally {
    await walls.kill();
  }
}

async function measure(name: (typeof SETUPS)[number], redisUrl: string): Promise<Record<string, unknown>> {
  process.stderr.write(`bench: hub-cluster ${name}…\n`);
  const setup = await startSetup(name, redisUrl);
  try {
    const noise = cpuSnapshot();
    const ingested = await ingest(setup);
    const lives = [];
    for (const walls of WALL_STEPS) lives.push(await live(setup, walls));
    const held = lives.filter((l) => ((l.latencyMs as Record<string, number | null>).p99 ?? Infinity) <= LATENCY_GOAL_MS && (l.delivered as number) >= 0.999).map((l) => l.walls as number);
    const caughtUp = await catchUp(setup);
    return { ingest: ingested, live: lives, wallsHeldAtP99Within100Ms: held.length ? Math.max(...held) : 0, catchUpAfterRestart: caughtUp, otherPeoplesCores: foreignCores(noise, cpuSnapshot()) };
  } finally {
    await setup.stop();
  }
}

export async function benchHubCluster(): Promise<Record<string, unknown>> {
  const redis = await startTestRedis();
  const report: Record<string, unknown> = {
    setup: {
      machine: 'every process on this machine: hub nodes, redis-server (AOF, appendfsync always), walls and departments',
      ingest: `${FLOOD_KEYS.length} departments posting 500-point batches as fast as acknowledged, ${INGEST_SECONDS} s, round the nodes`,
      live: `${LIVE_RATE} updates/s for ${LIVE_SECONDS} s, walls spread over the nodes; "held" = p99 ≤ ${LATENCY_GOAL_MS} ms with ≥ 99.9 % delivered`,
      catchUp: `every node SIGKILLed and restarted, then ${STORM_WALLS} walls connect at once (snapshot each), spread over the nodes`,
    },
  };
  try {
    for (const load of ['quiet', 'oneCoreBusy'] as const) {
      const hog = load === 'oneCoreBusy' ? startCpuHog() : undefined;
      const byLoad: Record<string, unknown> = {};
      for (const name of SETUPS) byLoad[name] = await measure(name, redis.url);
      if (hog) byLoad.hogCores = await hog.stop();
      report[load] = byLoad;
    }
  } finally {
    await redis.stop();
  }
  return report;
}
