// Child process of the hub-storm bench: the simulated walls (storm-wall.ts), apart from the hub so
// the hub's CPU and memory are measured alone. Three roles:
//   storm: N walls connect at once and are caught up; each one's milestones are reported.
//   live:  N walls connect, then record when each probe point (by its value) reaches them.
//   flood: one wall resyncs from seq 0 at `perSecond` for `seconds`, reconnecting whenever dropped.
import { gunzipSync } from 'node:zlib';
import { hubSnapshotSchema } from '../../src-shared/hub-protocol';
import { parentMessage } from './bench-child';
import { openStormWall, type StormWall } from './storm-wall';

export type WallsConfig =
  | { role: 'storm'; url: string; token: string; walls: number; capabilities: string[]; keep: number; timeoutMs: number; perMessageDeflate?: boolean; urls?: string[] }
  | { role: 'live'; url: string; token: string; walls: number; kpiId: string; urls?: string[] }
  | { role: 'flood'; url: string; token: string; perSecond: number; seconds: number };

export interface StormFigures {
  walls: number;
  /** ms from the storm's start, per wall (null: never). */
  snapshotDoneMs: Array<number | null>;
  liveMs: Array<number | null>;
  snapshotBytes: number[];
  wireBytes: Array<number | null>;
  errors: string[];
  /** The kept walls' snapshots, decoded and checked against the shared schema. */
  checked: Array<{ valid: boolean; seq: number | null; messages: number | null }>;
}

export interface LiveFigures {
  /** Per wall: [value, epoch ms it arrived]. */
  arrivals: Array<Array<[number, number]>>;
  live: number;
}

export interface FloodFigures {
  sent: number;
  connections: number;
  snapshots: number;
  snapshotBytes: number;
  closingReasons: string[];
  connectErrors: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Wall i's hub: with `urls` (the nodes of a hub cluster) the walls are spread over them in turn. */
const urlOf = (config: { url: string; urls?: string[] }, i: number): string => (config.urls?.length ? config.urls[i % config.urls.length]! : config.url);

function check(wall: StormWall): StormFigures['checked'][number] {
  const kept = wall.kept();
  if (!kept) return { valid: false, seq: null, messages: null };
  try {
    const text = 'text' in kept ? kept.text : (kept.encoding === 'gzip' ? gunzipSync(kept.bytes) : kept.bytes).toString('utf8');
    const snapshot = hubSnapshotSchema.parse(JSON.parse(text));
    return { valid: true, seq: snapshot.seq, messages: snapshot.messages.length };
  } catch {
    return { valid: false, seq: null, messages: null };
  }
}

async function storm(config: Extract<WallsConfig, { role: 'storm' }>): Promise<StormFigures> {
  const t0 = performance.now();
  const walls = Array.from({ length: config.walls }, (_, i) =>
    openStormWall({ url: urlOf(config, i), token: config.token, capabilities: config.capabilities, keep: i < config.keep, perMessageDeflate: config.perMessageDeflate ?? false }),
  );
  const settled = (w: StormWall): boolean => w.figures.liveAt !== null || w.figures.error !== null || w.figures.closed;
  while (!walls.every(settled) && performance.now() - t0 < config.timeoutMs) await sleep(20);
  const since = (at: number | null): number | null => (at === null ? null : Math.round(at - t0));
  return {
    walls: walls.length,
    snapshotDoneMs: walls.map((w) => since(w.figures.snapshotDoneAt)),
    liveMs: walls.map((w) => since(w.figures.liveAt)),
    snapshotBytes: walls.map((w) => w.figures.snapshotBytes),
    wireBytes: walls.map((w) => w.figures.wireBytesAtLive),
    errors: walls.flatMap((w) => (w.figures.error ? [w.figures.error] : w.figures.liveAt === null ? ['not live'] : [])),
    checked: walls.slice(0, config.keep).map(check),
  };
}

async function live(config: Extract<WallsConfig, { role: 'live' }>, stopped: Promise<void>): Promise<LiveFigures> {
  const arrivals: LiveFigures['arrivals'] = Array.from({ length: config.walls }, () => []);
  const walls = arrivals.map((mine, i) =>
    openStormWall({
      url: urlOf(config, i),
      token: config.token,
      capabilities: ['snapshot-chunks'],
      onMessage: (message, at) => {
        const payload = message.payload as { kpiId?: string; value?: number };
        if (payload.kpiId === config.kpiId && typeof payload.value === 'number') mine.push([payload.value, performance.timeOrigin + at]);
      },
    }),
  );
  const since = performance.now();
  while (walls.some((w) => w.figures.liveAt === null) && performance.now() - since < 60_000) await sleep(20);
  process.send!({ ready: true });
  await stopped;
  return { arrivals, live: walls.filter((w) => w.figures.liveAt !== null && !w.figures.closed).length };
}

async function flood(config: Extract<WallsConfig, { role: 'flood' }>): Promise<FloodFigures> {
  const figures: FloodFigures = { sent: 0, connections: 0, snapshots: 0, snapshotBytes: 0, closingReasons: [], connectErrors: [] };
  const end = performance.now() + config.seconds * 1000;
  const perTick = Math.max(1, Math.round(config.perSecond / 100));
  while (performance.now() < end) {
    // A broken wall: resyncs from nothing in a loop, and reconnects at once whenever it is dropped.
    const wall = openStormWall({ url: config.url, token: config.token, capabilities: ['snapshot-chunks'] });
    figures.connections += 1;
    while (wall.figures.connectedAt === null && !wall.figures.closed && wall.figures.error === null) await sleep(5);
    while (!wall.figures.closed && performance.now() < end) {
      for (let i = 0; i < perTick; i += 1) wall.resync({ lastSeq: 0 });
      figures.sent += perTick;
      await sleep(10);
    }
    figures.snapshots += wall.figures.snapshotsDone;
    figures.snapshotBytes += wall.figures.snapshotBytes;
    if (wall.figures.closingReason) figures.closingReasons.push(wall.figures.closingReason);
    if (wall.figures.error) figures.connectErrors.push(wall.figures.error);
    wall.close();
    if (wall.figures.error) await sleep(100);
  }
  return figures;
}

async function main(): Promise<void> {
  const config = await parentMessage<WallsConfig>();
  const stopped = new Promise<void>((resolve) => process.once('message', () => resolve()));
  const result = config.role === 'storm' ? await storm(config) : config.role === 'live' ? await live(config, stopped) : await flood(config);
  process.send!({ result }, () => process.exit(0));
}

void main();
