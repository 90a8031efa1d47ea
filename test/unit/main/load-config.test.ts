import { mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WALLS } from '../../../src-main/config/default-walls';
import { loadConfig } from '../../../src-main/config/load-config';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { HUB_TOPIC_NAMES, HUB_TOPICS } from '../../../src-shared/hub-topics';

const defaultStaleAfter = () => Object.fromEntries(HUB_TOPIC_NAMES.map((t) => [t, HUB_TOPICS[t].staleAfterSeconds]));

function configFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ioc-config-')), 'ioc-wall.json');
  writeFileSync(path, content);
  return path;
}

describe('loadConfig', () => {
  it('starts on defaults without an error when the file is missing', () => {
    const log = createMemoryLogger();
    const loaded = loadConfig(join(tmpdir(), 'no-such-dir-ioc', 'ioc-wall.json'), log);
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.walls).toEqual(DEFAULT_WALLS);
    expect(loaded.config.hub.url).toBeUndefined();
    expect(loaded.config.language).toBe('vi');
    expect(log.lines.some((l) => l.startsWith('info') && l.includes('no config file'))).toBe(true);
  });

  it('names the file when the JSON is broken and starts on defaults', () => {
    const path = configFile('{ "language": "vi", ');
    const loaded = loadConfig(path);
    expect(loaded.errors).toHaveLength(1);
    expect(loaded.errors[0]).toContain(path);
    expect(loaded.errors[0]).toMatch(/cannot read config/);
    expect(loaded.config.walls).toEqual(DEFAULT_WALLS);
  });

  it('names file and field of a bad value, and keeps the good fields', () => {
    const path = configFile(JSON.stringify({ language: 'en', browser: { port: 'eighty' }, hub: { url: 'not a url' } }));
    const log = createMemoryLogger();
    const loaded = loadConfig(path, log);
    expect(loaded.errors.some((e) => e.includes(path) && e.includes('field "browser.port"'))).toBe(true);
    expect(loaded.errors.some((e) => e.includes('field "hub.url"'))).toBe(true);
    expect(loaded.config.language).toBe('en');
    expect(loaded.config.browser.port).toBe(4780);
    expect(loaded.config.hub.url).toBeUndefined();
    expect(log.lines.filter((l) => l.startsWith('error'))).toHaveLength(loaded.errors.length);
  });

  it('reports a misspelt key by name and keeps every good field of the file, the hub first', () => {
    const layouts = [{ id: 'l1', name: 'L1', cols: 1, rows: 1, tiles: [{ id: 't', kind: 'ticker', area: { col: 1, row: 1 } }] }];
    const walls = [{ id: 'a', name: 'A', layoutId: 'l1' }];
    const path = configFile(JSON.stringify({ langauge: 'en', hub: { url: 'http://10.0.0.5:4781', token: 'wall-token-1' }, layouts, walls, browser: { port: 4790 } }));
    const log = createMemoryLogger();
    const loaded = loadConfig(path, log);
    expect(loaded.errors).toEqual([`${path}: field "langauge": unknown field, ignored (misspelt?)`]);
    expect(log.lines).toContain(`error [test] config: ${loaded.errors[0]}`);
    // A typo must not cost the hub: without hub.url the app would start the demo hub instead.
    expect(loaded.config.hub).toEqual({ url: 'http://10.0.0.5:4781', token: 'wall-token-1', demoPort: 0 });
    expect(loaded.config.walls.map((w) => w.id)).toEqual(['a']);
    expect(loaded.config.browser.port).toBe(4790);
    expect(loaded.config.language).toBe('vi');
  });

  it('drops only the bad or unknown key inside an object, keeping its siblings', () => {
    const path = configFile(JSON.stringify({ hub: { url: 'http://10.0.0.5:4781', tokne: 'x' }, browser: { host: '0.0.0.0', port: 'eighty' }, cameras: { decodeBudget: 0, tourAlertHoldMinutes: 5 } }));
    const loaded = loadConfig(path);
    expect(loaded.errors).toEqual([
      `${path}: field "hub.tokne": unknown field, ignored (misspelt?)`,
      expect.stringMatching(/field "cameras\.decodeBudget": .*; using the default$/),
      expect.stringMatching(/field "browser\.port": .*; using the default$/),
    ]);
    expect(loaded.config.hub).toEqual({ url: 'http://10.0.0.5:4781', token: 'demo-wall-token', demoPort: 0 });
    expect(loaded.config.browser).toMatchObject({ host: '0.0.0.0', port: 4780 });
    expect(loaded.config.cameras).toEqual({ tourAlertHoldMinutes: 5 });
  });

  it.each([
    ['an invalid hub.url', { url: 'not a url', token: 'wall-token-1' }, /field "hub\.url": Invalid URL/],
    ['a hub.url of another scheme', { url: 'ftp://10.0.0.5/', token: 'wall-token-1' }, /field "hub\.url"/],
    ['a misspelt url key', { ulr: 'http://10.0.0.5:4781', token: 'wall-token-1' }, /field "hub\.ulr": unknown field/],
    ['a hub that is only a string', 'http://10.0.0.5:4781', /field "hub": .*expected object/],
    ['a hub.urls with a bad node', { urls: ['http://10.0.0.5:4781', 'ftp://10.0.0.6/'], token: 'wall-token-1' }, /field "hub\.urls\[1\]": Invalid URL/],
    ['an empty hub.urls', { urls: [], token: 'wall-token-1' }, /field "hub\.urls"/],
  ])('does not fall back to the demo hub on %s: no hub url, and the reason kept for the console', (_name, hub, reason) => {
    const loaded = loadConfig(configFile(JSON.stringify({ language: 'en', hub })));
    expect(loaded.config.hub.url).toBeUndefined();
    expect(loaded.config.hub.urlProblem).toMatch(/no hub connection, and no demo hub either/);
    expect(loaded.config.hub.urlProblem).toMatch(reason);
    expect(loaded.errors.some((e) => reason.test(e))).toBe(true);
    expect(loaded.config.language).toBe('en');
    if (typeof hub === 'object') expect(loaded.config.hub.token).toBe('wall-token-1');
  });

  it('takes the nodes of a hub cluster as hub.urls', () => {
    const loaded = loadConfig(configFile(JSON.stringify({ hub: { urls: ['http://10.0.0.5:4781', 'http://10.0.0.6:4781'], token: 'wall-token-1' } })));
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.hub).toEqual({ urls: ['http://10.0.0.5:4781', 'http://10.0.0.6:4781'], token: 'wall-token-1', demoPort: 0 });
  });

  it('still runs the demo hub when the file names no hub, even with a bad demoPort or token', () => {
    expect(loadConfig(configFile(JSON.stringify({ language: 'en' }))).config.hub).toEqual({ token: 'demo-wall-token', demoPort: 0 });
    const loaded = loadConfig(configFile(JSON.stringify({ hub: { demoPort: 'any', token: '' } })));
    expect(loaded.errors).toHaveLength(2);
    expect(loaded.config.hub).toEqual({ token: 'demo-wall-token', demoPort: 0 });
  });

  it('drops a wall whose layout does not exist and a layout whose tiles overlap', () => {
    const layout = { id: 'l1', name: 'L1', cols: 2, rows: 1, tiles: [{ id: 't', kind: 'text', text: 'Xin chào', area: { col: 1, row: 1 } }] };
    const path = configFile(
      JSON.stringify({
        layouts: [layout],
        walls: [
          { id: 'a', name: 'A', layoutId: 'l1' },
          { id: 'b', name: 'B', layoutId: 'missing' },
        ],
      }),
    );
    const loaded = loadConfig(path);
    expect(loaded.config.walls.map((w) => w.id)).toEqual(['a']);
    expect(loaded.errors).toEqual([`${path}: field "walls[1].layoutId": no layout with id "missing"`]);

    const overlapping = { ...layout, tiles: [...layout.tiles, { id: 'u', kind: 'text', text: 'x', area: { col: 1, row: 1, colSpan: 2 } }] };
    const bad = loadConfig(configFile(JSON.stringify({ layouts: [overlapping], walls: [{ id: 'a', name: 'A', layoutId: 'l1' }] })));
    expect(bad.errors.join('\n')).toMatch(/field "layouts\[0\]\.tiles\[1\]\.area": tile "u" overlaps tile "t"/);
    // The layouts field was unusable, so the defaults stand in and the wall pointing at it is dropped.
    expect(bad.config.walls).toEqual(DEFAULT_WALLS);
  });

  it('drops a duplicate wall, and falls back to the default walls (with their layouts) when none is left', () => {
    const layout = { id: 'l1', name: 'L1', cols: 1, rows: 1, tiles: [{ id: 't', kind: 'ticker', area: { col: 1, row: 1 } }] };
    const path = configFile(JSON.stringify({ layouts: [layout], walls: [{ id: 'a', name: 'A', layoutId: 'l1' }, { id: 'a', name: 'A again', layoutId: 'l1' }] }));
    const loaded = loadConfig(path);
    expect(loaded.config.walls).toEqual([{ id: 'a', name: 'A', layoutId: 'l1' }]);
    expect(loaded.errors).toEqual([`${path}: field "walls[1].id": duplicate wall id "a"`]);

    const none = loadConfig(configFile(JSON.stringify({ layouts: [layout], walls: [{ id: 'b', name: 'B', layoutId: 'missing' }] })));
    expect(none.config.walls).toEqual(DEFAULT_WALLS);
    expect(none.errors.at(-1)).toMatch(/field "walls": no usable wall; using the default walls/);
    // The file's own layout stays, and the default walls get the layouts they name.
    expect(none.config.layouts[0]!.id).toBe('l1');
    expect(DEFAULT_WALLS.every((w) => none.config.layouts.some((l) => l.id === w.layoutId))).toBe(true);
  });

  it('keeps the usable part of a preset, drops a duplicate or empty one, and gives own walls no demo presets', () => {
    const layouts = ['l1', 'l2'].map((id) => ({ id, name: id, cols: 1, rows: 1, tiles: [{ id: 't', kind: 'ticker', area: { col: 1, row: 1 } }] }));
    const walls = [{ id: 'a', name: 'A', layoutId: 'l1' }, { id: 'b', name: 'B', layoutId: 'l1' }];
    const presets = [
      { id: 'p1', name: 'Giao ban', layouts: { a: 'l2', b: 'missing', ghost: 'l1' } },
      { id: 'p1', name: 'Trùng', layouts: { a: 'l1' } },
      { id: 'p2', name: 'Rỗng', layouts: { ghost: 'l2' } },
    ];
    const path = configFile(JSON.stringify({ layouts, walls, presets }));
    const loaded = loadConfig(path);
    expect(loaded.config.presets).toEqual([{ id: 'p1', name: 'Giao ban', layouts: { a: 'l2' } }]);
    expect(loaded.errors).toEqual([
      `${path}: field "presets[0].layouts.b": no layout with id "missing"`,
      `${path}: field "presets[0].layouts.ghost": no wall with id "ghost"`,
      `${path}: field "presets[1].id": duplicate preset id "p1"`,
      `${path}: field "presets[2].layouts.ghost": no wall with id "ghost"`,
      `${path}: field "presets[2]": preset "Rỗng" names no usable wall; dropped`,
    ]);
    expect(loadConfig(configFile(JSON.stringify({ layouts, walls }))).config.presets).toEqual([]);
    expect(loadConfig(configFile('{}')).config.presets.length).toBeGreaterThan(0);
  });

  it('still starts the demo when only a key outside hub is misspelt or bad', () => {
    const loaded = loadConfig(configFile(JSON.stringify({ langauge: 'en', browser: { port: 'eighty' } })));
    expect(loaded.errors).toHaveLength(2);
    expect(loaded.config.hub.urlProblem).toBeUndefined();
  });

  it('pins what is dropped for a bad entry in a list: the whole list, with one line for the entry', () => {
    const path = configFile(JSON.stringify({ language: 'en', walls: [{ id: 'a', name: '', layoutId: 'x' }] }));
    const loaded = loadConfig(path);
    expect(loaded.errors).toEqual([expect.stringMatching(/^.*: field "walls\[0\]\.name": .*; using the default$/)]);
    expect(loaded.config.walls).toEqual(DEFAULT_WALLS);
    expect(loaded.config.language).toBe('en');
  });

  it('gives the demo walls the demo operations and own walls none, names a bad key binding, and defaults the station to the host name', () => {
    const demo = loadConfig(configFile('{}')).config;
    expect(demo.agendas.length + demo.rules.length).toBeGreaterThan(0);
    const layout = { id: 'l1', name: 'L1', cols: 1, rows: 1, tiles: [{ id: 't', kind: 'ticker', area: { col: 1, row: 1 } }] };
    const own = loadConfig(configFile(JSON.stringify({ layouts: [layout], walls: [{ id: 'a', name: 'A', layoutId: 'l1' }] }))).config;
    expect([own.agendas, own.schedules, own.rules]).toEqual([[], [], []]);
    expect(demo.console.station).toBe(hostname());
    expect(loadConfig(configFile(JSON.stringify({ console: { station: 'Bàn 1' } }))).config.console.station).toBe('Bàn 1');
    const path = configFile(JSON.stringify({ keys: { 'no-such-binding': 'F1' } }));
    const keys = loadConfig(path);
    expect(keys.errors).toEqual([expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: field "[^"]*no-such-binding[^"]*":`))]);
  });

  it('merges staleAfterSeconds over each topic\'s default', () => {
    const loaded = loadConfig(configFile(JSON.stringify({ staleAfterSeconds: { kpi: 90, alert: 30 } })));
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.staleAfterSeconds).toEqual({ ...defaultStaleAfter(), kpi: 90, alert: 30 });
    expect(loadConfig(join(tmpdir(), 'no-such-dir-ioc', 'x.json')).config.staleAfterSeconds).toEqual(defaultStaleAfter());
  });

  it('names a bad stale threshold, keeps the defaults for it and the other fields', () => {
    const path = configFile(JSON.stringify({ language: 'en', staleAfterSeconds: { kpi: 0, weather: 60 } }));
    const loaded = loadConfig(path);
    expect(loaded.errors.some((e) => e.includes(path) && e.includes('field "staleAfterSeconds.kpi"'))).toBe(true);
    expect(loaded.errors).toContain(`${path}: field "staleAfterSeconds.weather": unknown field, ignored (misspelt?)`);
    expect(loaded.config.staleAfterSeconds).toEqual(defaultStaleAfter());
    expect(loaded.config.language).toBe('en');
  });

  it('resolves the map files against the config file\'s folder, and names a misspelt map key', () => {
    const path = configFile(JSON.stringify({ map: { tiles: 'map/roads.mbtiles', unitsFile: '/srv/ioc/units.geojson' } }));
    const loaded = loadConfig(path);
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.map).toMatchObject({ tiles: join(dirname(path), 'map', 'roads.mbtiles'), unitsFile: '/srv/ioc/units.geojson' });
    expect(loadConfig(join(tmpdir(), 'no-such-dir-ioc', 'x.json')).config.map).toMatchObject({ tiles: undefined, unitsFile: undefined });
    const typo = configFile(JSON.stringify({ map: { tile: 'roads.mbtiles', unitsFile: 'units.geojson' } }));
    const misspelt = loadConfig(typo);
    expect(misspelt.errors).toEqual([`${typo}: field "map.tile": unknown field, ignored (misspelt?)`]);
    expect(misspelt.config.map).toMatchObject({ tiles: undefined, unitsFile: join(dirname(typo), 'units.geojson') });
  });

  it('rejects a JSON value that is not an object', () => {
    const loaded = loadConfig(configFile('[1,2]'));
    expect(loaded.errors[0]).toMatch(/field "\(root\)": expected a JSON object/);
    expect(loaded.config.walls).toEqual(DEFAULT_WALLS);
  });
});
