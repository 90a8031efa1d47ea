// The map-wall bench's arithmetic, apart from its browsers: what a session's in-page records and
// the storm's log say about latency, coalescing and flights, and the sessions of one set-up pooled.
// Page times become Node times by subtracting the session's clock offset (page-clock.ts).
import type { MapRecords } from './map-wall-probe';
import type { SentUpdate } from './map-wall-storm';
import { percentile } from './percentile';

export const round = (v: number): number => Math.round(v * 10) / 10;
export const spread = (values: number[]) => ({ samples: values.length, p50: percentile(values, 50), p90: percentile(values, 90), p99: percentile(values, 99), max: percentile(values, 100) });

const STAGES = ['toStore', 'coalesce', 'index', 'draw'] as const;

/** One storm record's way onto the map, ms; null where it never got that far. */
export interface LatencySample {
  source: SentUpdate['source'];
  /** Ingest post started → the first frame after the record's own tile was loaded from an update holding it. */
  totalMs: number | null;
  /** Post started → the stores handed the map the record (hub, host, WebSocket, the frame batcher, the store). */
  toStore: number | null;
  /** → the coalescing tick gave it to maplibre. */
  coalesce: number | null;
  /** → maplibre's worker had indexed it (supercluster or geojson-vt over the whole layer). */
  index: number | null;
  /** → its tile reloaded and the next frame rendered. */
  draw: number | null;
  /** Post started → the first frame with every tile of the layer reloaded from an update holding it (an upper bound). */
  layerSettledMs: number | null;
}

const firstFrom = (list: ReadonlyArray<[number, number]> | undefined, n: number): number | null => list?.find(([k]) => k >= n)?.[1] ?? null;
const diff = (a: number | null | undefined, b: number | null | undefined): number | null => (a === null || a === undefined || b === null || b === undefined ? null : round(b - a));

/** The z/x/y of the web-mercator tile holding a point at zoom z. */
export function tileKey({ lat, lng }: { lat: number; lng: number }, z: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return `${z}/${Math.floor(((lng + 180) / 360) * n)}/${Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)}`;
}

/** The first frame after the first load of the point's tile from update n or later: the record is on screen. */
function drawnAt(records: MapRecords, source: string, point: { lat: number; lng: number }, n: number): number | null {
  const load = records.tiles[source]?.find(([key, indexed]) => indexed >= n && key === tileKey(point, Number(key.split('/')[0])));
  return load ? (records.renders.find((t) => t >= load[2]) ?? null) : null;
}

/** Samples of the records the storm added whose posts started in [from, to] (Node's clock) and were taken. */
export function latencySamples(records: MapRecords, sent: readonly SentUpdate[], offsetMs: number, from: number, to: number): LatencySample[] {
  return sent
    .filter((s) => s.probeId !== null && s.point !== null && s.status === 200 && s.at >= from && s.at <= to)
    .map((s) => {
      const flushed = records.flushed[s.probeId!];
      const onNode = (t: number | null | undefined): number | null => (t === null || t === undefined ? null : t - offsetMs);
      const store = onNode(records.store[s.probeId!]);
      const flush = onNode(flushed?.[0]);
      const indexed = onNode(flushed ? firstFrom(records.contents[s.source], flushed[1]) : null);
      const drawn = onNode(flushed ? drawnAt(records, s.source, s.point!, flushed[1]) : null);
      const settled = onNode(flushed ? firstFrom(records.settled[s.source], flushed[1]) : null);
      return { source: s.source, totalMs: diff(s.at, drawn), toStore: diff(s.at, store), coalesce: diff(store, flush), index: diff(flush, indexed), draw: diff(indexed, drawn), layerSettledMs: diff(s.at, settled) };
    });
}

export function latencyFigures(samples: readonly LatencySample[], goalP99Ms: number) {
  const drawn = samples.flatMap((s) => (s.totalMs === null ? [] : [s.totalMs]));
  const total = spread(drawn);
  const bySource = [...new Set(samples.map((s) => s.source))].sort();
  return {
    ingestToDrawnMs: total,
    overGoal: drawn.filter((v) => v > goalP99Ms).length,
    notDrawn: samples.length - drawn.length,
    stagesMs: Object.fromEntries(STAGES.map((stage) => [stage, spread(samples.flatMap((s) => (s[stage] === null ? [] : [s[stage]!])))])),
    ingestToLayerSettledMs: spread(samples.flatMap((s) => (s.layerSettledMs === null ? [] : [s.layerSettledMs]))),
    bySourceMs: Object.fromEntries(bySource.map((source) => [source, spread(samples.flatMap((s) => (s.source === source && s.totalMs !== null ? [s.totalMs] : [])))])),
  };
}

/**
 * Per source, how often the stores handed the map new data and how often maplibre was given it,
 * over [from, to] on the page's clock: coalescing works when the second stays ≤ 10/s and no two
 * maplibre updates of a source come closer than the 100 ms tick.
 */
export function coalescingFigures(records: MapRecords, from: number, to: number) {
  const seconds = (to - from) / 1000;
  return Object.fromEntries(
    Object.keys(records.updates).map((source) => {
      const inWindow = (times: readonly number[]): number[] => times.filter((t) => t >= from && t <= to);
      const updates = inWindow(records.updates[source]!);
      const gaps = updates.slice(1).map((t, i) => t - updates[i]!);
      return [source, { storeUpdatesPerSecond: round(inWindow(records.calls[source] ?? []).length / seconds), maplibreUpdatesPerSecond: round(updates.length / seconds), minGapMs: gaps.length ? round(Math.min(...gaps)) : null, p50GapMs: percentile(gaps, 50) }];
    }),
  );
}

export interface Flight {
  /** Epoch ms (Node) the critical alert's post started. */
  sentAt: number;
  /** Page times: follow mode focused the alert; the flight out's move start and end; the way home's. */
  focusAt: number;
  out: [number, number];
  home: [number, number];
}

/** Frames the main map rendered during each flight out (flyTo, 2.5 s), pooled over the flights. */
export function flightFigures(flights: ReadonlyArray<{ flight: Flight; renders: readonly number[]; offsetMs: number }>) {
  const per = flights.map(({ flight, renders, offsetMs }) => {
    const [start, end] = flight.out;
    const frames = renders.filter((t) => t >= start && t <= end);
    return {
      ingestToFlightMs: round(flight.focusAt - offsetMs - flight.sentAt),
      durationMs: round(end - start),
      frames: frames.length,
      frameMs: frames.slice(1).map((t, i) => t - frames[i]!),
    };
  });
  const ms = per.reduce((sum, f) => sum + f.durationMs, 0);
  return {
    flights: per.length,
    framesPerSecond: ms > 0 ? round((per.reduce((sum, f) => sum + f.frames, 0) / ms) * 1000) : null,
    framesPerSecondPerFlight: per.map((f) => (f.durationMs > 0 ? round((f.frames / f.durationMs) * 1000) : null)),
    frameTimeMs: spread(per.flatMap((f) => f.frameMs)),
    flightMs: per.map((f) => f.durationMs),
    ingestToFlightStartMs: spread(per.map((f) => f.ingestToFlightMs)),
  };
}

/** The median of some numbers (null for none): memory per session, where one outlier should not move the figure. */
export const median = (values: ReadonlyArray<number | null>): number | null => percentile(values.filter((v): v is number => v !== null), 50);
