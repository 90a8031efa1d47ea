// Map wall figures: a wall with a map tile, eight playing cameras and KPI tiles while the hub is sent
// 50 updates a second for the map's layers (over 2,000 citizen reports, 200 alerts, 50 cameras, 12
// stations): every new record's ingest → drawn on the map, with the map's updates coalesced; the
// wall's main thread; the map's frames during follow-mode flights; and the same wall with KPI tiles
// in the map's place, for what the map costs the cameras' frames and the page's memory. The two
// set-ups take turns in sessions, one rig alive at a time (operator-keys), quiet and with one core
// kept busy. Real parts: the hub process, the demo clips served by the hub's own HLS handler, the
// browser-mode host, Debian's Chromium.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUB_TOPICS } from '../../src-shared/hub-topics';
import { startHubProcess } from '../../test/helpers/hub-process';
import { ingestOrThrow } from '../../test/helpers/ingest';
import { startCpuHog } from './cpu-hog';
import { startDemoClipServer } from './demo-clip-server';
import { DEPT_KEY, FOLLOW_RETURN_SECONDS, mapWallHostConfig, mapWallLayouts, writeMapHubConfig, type MapWallSetUp } from './map-wall-config';
import { SEED_COUNTS, seedData, StormSource, UPDATES_PER_ROUND } from './map-wall-data';
import { round } from './map-wall-figures';
import { runSession, type SessionPlan, type SessionResult, type SessionTiming } from './map-wall-session';
import { figuresTable, setUpFigures, type SetUpFigures } from './map-wall-summary';
import { kpiDefinitions, kpiPoints } from './operator-keys-config';

const TIMING: SessionTiming = {
  ratePerSecond: Number(process.env.BENCH_MAP_RATE ?? 50),
  warmSeconds: 2,
  windowSeconds: Number(process.env.BENCH_MAP_SECONDS ?? 15),
  settleSeconds: Number(process.env.BENCH_MAP_SETTLE_SECONDS ?? 3),
  flights: Number(process.env.BENCH_MAP_FLIGHTS ?? 1),
};
/** Sessions per set-up and condition, the set-ups taking turns. */
const SESSIONS = Math.max(1, Number(process.env.BENCH_MAP_SESSIONS ?? 2));
const GOALS = { ingestToDrawnP99Ms: 250, droppedFramesExtraPercentPoints: 0.5 };
const SET_UPS: MapWallSetUp[] = ['withMap', 'withoutMap'];

type Condition = { cpuHogCores: number | null; withMap: SetUpFigures; withoutMap: SetUpFigures; withMapMinusWithout: Record<string, number | null> };

const minus = (a: number | null | undefined, b: number | null | undefined): number | null => (a === null || a === undefined || b === null || b === undefined ? null : round(a - b));

async function run(label: string, underLoad: boolean, plan: (setUp: MapWallSetUp) => SessionPlan): Promise<Condition> {
  const hog = underLoad ? startCpuHog() : null;
  let hogCores: number | null = null;
  try {
    const sessions: Record<MapWallSetUp, SessionResult[]> = { withMap: [], withoutMap: [] };
    for (let b = 0; b < SESSIONS; b += 1) {
      for (const setUp of b % 2 === 0 ? SET_UPS : [...SET_UPS].reverse()) {
        const started = Date.now();
        const result = await runSession(plan(setUp));
        sessions[setUp].push(result);
        const drawn = result.latency?.flatMap((s) => (s.totalMs === null ? [] : [s.totalMs])) ?? [];
        process.stderr.write(`bench: map-wall ${label}: ${setUp} session ${b + 1}/${SESSIONS} in ${Math.round((Date.now() - started) / 1000)} s: open ${result.seconds.open} s, ${result.frames.dropped}/${result.frames.frames} frames dropped (${result.frames.videos} videos), ${drawn.length} records drawn, ${result.flights.length} flights${result.flightErrors.length ? ` (${result.flightErrors.length} failed)` : ''}, other processes ${result.foreignCores} cores\n`);
      }
    }
    hogCores = hog ? await hog.stop() : null;
    const withMap = setUpFigures(sessions.withMap, GOALS.ingestToDrawnP99Ms);
    const withoutMap = setUpFigures(sessions.withoutMap, GOALS.ingestToDrawnP99Ms);
    return {
      cpuHogCores: hogCores,
      withMap,
      withoutMap,
      withMapMinusWithout: {
        droppedFramesPercentPoints: minus(withMap.cameras.droppedPercent, withoutMap.cameras.droppedPercent),
        mainThreadBusyPercentPoints: minus(withMap.mainThread.busyPercent, withoutMap.mainThread.busyPercent),
        jsHeapAfterGcMiB: minus(withMap.memory.jsHeapAfterGcMiB, withoutMap.memory.jsHeapAfterGcMiB),
        rendererRssMiB: minus(withMap.memory.rssMiB.renderer, withoutMap.memory.rssMiB.renderer),
      },
    };
  } finally {
    if (hog && hogCores === null) await hog.stop();
  }
}

export async function benchMapWall(): Promise<Record<string, unknown>> {
  const work = mkdtempSync(join(tmpdir(), 'ioc-wall-bench-map-'));
  const hub = await startHubProcess([`--config=${writeMapHubConfig(work)}`]);
  const clips = await startDemoClipServer();
  try {
    const now = Date.now();
    const seed = seedData(clips, now);
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi-definition', kpiDefinitions());
    await ingestOrThrow(hub.url, DEPT_KEY, 'kpi', kpiPoints(now));
    await ingestOrThrow(hub.url, DEPT_KEY, 'camera', seed.cameras);
    await ingestOrThrow(hub.url, DEPT_KEY, 'environment', seed.readings);
    await ingestOrThrow(hub.url, DEPT_KEY, 'citizen-report', seed.reports);
    await ingestOrThrow(hub.url, DEPT_KEY, 'alert', seed.alerts);
    const stamp = now.toString(36);
    const storm = new StormSource(seed, stamp);
    const cameraIds = clips.cameras.map((c) => c.id);
    const { config, wallIds } = mapWallHostConfig(hub.url, clips.origin, cameraIds);
    const plan = (setUp: MapWallSetUp): SessionPlan => ({ hubUrl: hub.url, hubPid: hub.child.pid!, hostConfig: config, wallId: wallIds[setUp], setUp, storm, idPrefixes: [`pakn-bao-${stamp}-`, `canh-bao-${stamp}-`], timing: TIMING });
    const quiet = await run('quiet', false, plan);
    const underLoad = await run('under load', true, plan);
    process.stderr.write(
      `bench: map-wall:\n${figuresTable([
        ['quiet, map', quiet.withMap],
        ['quiet, no map', quiet.withoutMap],
        ['load, map', underLoad.withMap],
        ['load, no map', underLoad.withoutMap],
      ])}\n`,
    );
    const layouts = mapWallLayouts(cameraIds);
    return {
      setup: {
        hub: `seeded with ${SEED_COUNTS.reports} citizen reports, ${SEED_COUNTS.alerts} alerts, ${SEED_COUNTS.cameras} cameras (${cameraIds.length} demo clips streaming, the rest in the registry only), ${SEED_COUNTS.stations} stations, all with map points; 24 KPIs`,
        // The protocol keeps a feed's newest keys only: the map draws that many reports and alerts, not all that were sent.
        keptByHubAndWall: { citizenReports: HUB_TOPICS['citizen-report'].keyLimit, alerts: HUB_TOPICS.alert.keyLimit },
        layouts: [layouts.withMap, layouts.withoutMap].map((l) => `${l.id} ${l.cols}×${l.rows}: ${l.tiles.map((t) => (t.kind === 'kpi' ? `kpi-${t.chart}` : t.kind)).join(',')}`),
        map: `province view, layers cameras, alerts, reports, stations; follow critical, back home after ${FOLLOW_RETURN_SECONDS} s`,
        storm: `${TIMING.ratePerSecond} single-record ingest posts/s, per ${UPDATES_PER_ROUND}: 24 new reports, 8 changed, 6 new alerts (warning/info), 4 acknowledged, 4 camera status changes, 4 station readings`,
        timing: { ...TIMING, sessionsPerSetUp: SESSIONS },
        page: 'one wall page, 1920×1080, its own Chromium (software rendering and decoding) and browser host per session',
      },
      goals: GOALS,
      method: {
        sessions: `per condition, ${SESSIONS} sessions per set-up taking turns (the order alternating), one rig alive at a time; each: host and Chromium started, the wall open, the map ready with the snapshot drawn, the ${cameraIds.length} cameras' first frames, ${TIMING.settleSeconds} s settle, the storm started, ${TIMING.warmSeconds} s, then the ${TIMING.windowSeconds} s window`,
        latency: 'each new report and alert posted in the window: from the post\'s start (Node clock) to the first frame (maplibre render event) by which every tile of its layer in view was reloaded from an update holding it (an upper bound: the record\'s own tile may be drawn a frame or two before the rest). Page times are put on Node\'s clock by an offset read before the storm without a round trip: in each process, the mean of (timeOrigin + now() − Date.now()) over 5 ms, Date.now() being the system clock both share (±0.5 ms; clock.driftMs: the offset after the session against before)',
        stages: 'toStore: the stores handed the map controller the record (hub, host, WebSocket, the frame batcher); coalesce: the controller\'s 100 ms tick gave it to maplibre (GeoJSONSource.setData); index: maplibre\'s worker indexed the layer (sourcedata content, matched to its update by sourcedataloading); draw: the layer\'s tiles reloaded and a frame rendered',
        coalescing: 'per layer over the window: data handed to the controller per second, maplibre setData calls per second (≤ 10 when coalescing works) and the least gap between two of them (≥ 100 ms)',
        mainThread: 'over the window: CDP Performance metrics TaskDuration (busy, as data-path; Chromium sums it per task, and with the map it passed 100 % of the window, so read it beside the other two) and ThreadTime (the thread\'s CPU), and the long tasks (over 50 ms) a PerformanceObserver saw, each as a share of the window',
        flight: `after the window, storm still on: ${TIMING.flights} critical alerts with a point, one at a time; the flight out is movestart → moveend of the main map after follow mode focused the alert (flyTo, 2.5 s); frames are its render events; then back home before the next`,
        cameras: 'getVideoPlaybackQuality of the videos visible and decoding at both ends of the window (camera-grid\'s rule), summed; a tile stalled or in error at either end counts no frames, so liveTilesAtWindowEnd says how many were playing',
        ceiling: 'mapRepaintCeilingFps: before the storm, the main map made to redraw every frame for 2 s (maplibre repaint): the frames this machine\'s WebGL (SwiftShader here) gives the map at most, cameras playing',
        memory: 'after the window: the page\'s JSHeapUsedSize after a forced GC (CDP HeapProfiler.collectGarbage) and the RSS of Chromium\'s processes by type (/proc); the map\'s worker lives in the renderer process, so it is in renderer RSS, not in the JS heap',
      },
      quiet,
      underLoad,
    };
  } finally {
    await clips.stop();
    await hub.stop();
  }
}
