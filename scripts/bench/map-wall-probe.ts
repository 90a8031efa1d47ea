// The in-page half of the map-wall bench, on the page's clock (performance.timeOrigin + now()). It
// wraps the tile's MapController (window.__iocMaps) and its main map's live sources, and records,
// for every record id of the storm:
//   store    the stores handed the controller a layer's data holding it (controller.setData),
//   flushed  the controller's coalescing tick gave it to maplibre (GeoJSONSource.setData), as the
//            source's n-th update;
// and per source: when maplibre's worker had indexed update n ('sourcedata', content), matched to
// its n at 'sourcedataloading', which maplibre fires as it sends an update to its worker (one at a
// time; a newer setData replaces any waiting); each tile load, with the newest update indexed when
// it was asked for (the worker answers in order, so the tile holds that update or a later one);
// and the first frame by which every tile of the source was loaded again (the layer settled).
// A record is drawn at the first frame ('render') after its own tile was loaded from an update
// holding it. Also each render, each move start and end, and each follow-mode focus, for flights.
import type { Page } from '@playwright/test';

export const mapProbe = (tileId: string, idPrefixes: readonly string[]): string => `
(function () {
  var now = function () { return performance.timeOrigin + performance.now(); };
  var controller = window.__iocMaps && window.__iocMaps.get(${JSON.stringify(tileId)});
  if (!controller) throw new Error('no map controller for tile ${tileId}');
  var map = controller.main;
  var prefixes = ${JSON.stringify(idPrefixes)};
  var SOURCES = ['reports', 'alerts', 'cameras', 'stations'];
  var B = window.__mapBench = { store: {}, flushed: {}, calls: {}, updates: {}, contents: {}, tiles: {}, settled: {}, renders: [], moves: [], focus: [] };
  var sending = {};
  var settledIndex = {};
  SOURCES.forEach(function (s) { B.calls[s] = []; B.updates[s] = []; B.contents[s] = []; B.tiles[s] = []; B.settled[s] = []; sending[s] = 0; settledIndex[s] = 0; });
  function ours(id) {
    for (var i = 0; i < prefixes.length; i++) if (id.indexOf(prefixes[i]) === 0) return true;
    return false;
  }
  function scan(into, data, value) {
    var features = (data && data.features) || [];
    for (var i = 0; i < features.length; i++) {
      var id = features[i].properties && features[i].properties.id;
      if (typeof id === 'string' && !(id in into) && ours(id)) into[id] = value;
    }
  }
  var setData = controller.setData;
  controller.setData = function (source, data) {
    if (source in B.calls) { var t = now(); B.calls[source].push(t); scan(B.store, data, t); }
    return setData.apply(controller, arguments);
  };
  SOURCES.forEach(function (s) {
    var source = map.getSource(s);
    if (!source) return;
    var own = source.setData;
    source.setData = function (data) {
      var t = now();
      var n = B.updates[s].length + 1;
      B.updates[s].push(t);
      scan(B.flushed, data, [t, n]);
      return own.apply(source, arguments);
    };
    var loadTile = source.loadTile;
    source.loadTile = function (tile) {
      var c = B.contents[s];
      var indexed = c.length ? c[c.length - 1][0] : 0;
      var at = tile.tileID.canonical;
      return loadTile.apply(source, arguments).then(function (result) {
        if (!tile.aborted) B.tiles[s].push([at.z + '/' + at.x + '/' + at.y, indexed, now()]);
        return result;
      });
    };
  });
  map.on('sourcedataloading', function (e) { if (e.sourceId in sending) sending[e.sourceId] = B.updates[e.sourceId].length; });
  map.on('sourcedata', function (e) { if (e.sourceDataType === 'content' && e.sourceId in sending) B.contents[e.sourceId].push([sending[e.sourceId], now()]); });
  map.on('render', function () {
    var t = now();
    B.renders.push(t);
    SOURCES.forEach(function (s) {
      var c = B.contents[s];
      var last = c.length ? c[c.length - 1][0] : 0;
      if (last > settledIndex[s] && map.isSourceLoaded(s)) { settledIndex[s] = last; B.settled[s].push([last, t]); }
    });
  });
  map.on('movestart', function () { B.moves.push(['start', now()]); });
  map.on('moveend', function () { B.moves.push(['end', now()]); });
  var setFocus = controller.setFocus;
  controller.setFocus = function (point) {
    B.focus.push([now(), point ? 'away' : 'home']);
    return setFocus.apply(controller, arguments);
  };
})();
`;

export interface MapRecords {
  store: Record<string, number>;
  flushed: Record<string, [number, number]>;
  /** Per source, when the stores handed the controller new data (controller.setData, before coalescing). */
  calls: Record<string, number[]>;
  /** Per source, when each of its maplibre updates (setData) was made. */
  updates: Record<string, number[]>;
  /** Per source: [update n, when the worker had indexed it]. */
  contents: Record<string, Array<[number, number]>>;
  /** Per source: [tile z/x/y, the newest update indexed when the tile was asked for, when it was loaded]. */
  tiles: Record<string, Array<[string, number, number]>>;
  /** Per source: [update n, the first frame with every tile in view reloaded from n or later]. */
  settled: Record<string, Array<[number, number]>>;
  renders: number[];
  moves: Array<['start' | 'end', number]>;
  focus: Array<[number, 'away' | 'home']>;
}

type ProbeWindow = { __mapBench: MapRecords };

export const readMapRecords = (page: Page): Promise<MapRecords> => page.evaluate(() => (window as unknown as ProbeWindow).__mapBench);

/** Resolves once the map tile says it is ready and its reports source holds data (the snapshot is drawn). */
export async function waitMapReady(page: Page, tileId: string, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    (id) => {
      const tile = document.querySelector(`[data-tile-id="${id}"] .map-tile`);
      const controller = (window as unknown as { __iocMaps?: Map<string, { main: { isSourceLoaded(s: string): boolean; querySourceFeatures(s: string): unknown[] } }> }).__iocMaps?.get(id);
      return tile?.getAttribute('data-map-status') === 'ready' && controller !== undefined && controller.main.isSourceLoaded('reports') && controller.main.querySourceFeatures('reports').length > 0;
    },
    tileId,
    { timeout: timeoutMs, polling: 100 },
  );
}

/**
 * Frames per second the main map draws when made to redraw every frame for `ms` (maplibre's
 * `repaint`), before the storm: the most this machine's WebGL can give the map with the cameras playing.
 */
export function repaintCeiling(page: Page, tileId: string, ms: number): Promise<number> {
  return page.evaluate(
    `new Promise(function (resolve) {
      var map = window.__iocMaps.get(${JSON.stringify(tileId)}).main;
      var frames = 0;
      var count = function () { frames += 1; };
      var started = performance.now();
      map.on('render', count);
      map.repaint = true;
      setTimeout(function () {
        map.repaint = false;
        map.off('render', count);
        resolve(Math.round((frames / ((performance.now() - started) / 1000)) * 10) / 10);
      }, ${ms});
    })`,
  ) as Promise<number>;
}

/**
 * Resolves once follow mode has flown the map to an alert and back home, with the times of both
 * moves: the flight out starts with the first move after a focus on an alert made since `since`.
 */
export async function waitFlightAndReturn(page: Page, since: number, timeoutMs: number): Promise<{ focusAt: number; out: [number, number]; home: [number, number] }> {
  const handle = await page.waitForFunction(
    (since) => {
      // No named helpers in here: the page has none of tsx's name-keeping functions.
      const b = (window as unknown as ProbeWindow).__mapBench;
      const away = b.focus.find(([t, kind]) => t >= since && kind === 'away');
      const home = away && b.focus.find(([t, kind]) => t > away[0] && kind === 'home');
      const outStart = away && b.moves.find(([kind, at]) => kind === 'start' && at >= away[0]);
      const outEnd = outStart && b.moves.find(([kind, at]) => kind === 'end' && at >= outStart[1]);
      const backStart = home && b.moves.find(([kind, at]) => kind === 'start' && at >= home[0]);
      const backEnd = backStart && b.moves.find(([kind, at]) => kind === 'end' && at >= backStart[1]);
      return away && outStart && outEnd && backStart && backEnd ? { focusAt: away[0], out: [outStart[1], outEnd[1]], home: [backStart[1], backEnd[1]] } : false;
    },
    since,
    { timeout: timeoutMs, polling: 100 },
  );
  return (await handle.jsonValue()) as { focusAt: number; out: [number, number]; home: [number, number] };
}
