import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { Layout, Preset, Wall } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-topics';
import { resolveKeyTable, type KeyBinding } from '../../src-shared/keys/key-table';
import type { Agenda, Rule, Schedule } from '../../src-shared/operations-config';
import type { Logger } from '../../src-shared/node/log';
import { errorMessage } from '../../src-shared/node/log';
import { appConfigSchema, type ParsedAppConfig } from './config-schema';
import { resolveMap, type ResolvedMap } from './resolve-map';
import { DEFAULT_LAYOUTS, DEFAULT_PRESETS, DEFAULT_WALLS } from './default-walls';
import { resolveOperations } from './resolve-operations';
import { resolveStaleAfter } from './stale-after';

/** The config the app runs on: every optional part filled in. */
export type AppConfig = Omit<ParsedAppConfig, 'hub' | 'walls' | 'layouts' | 'presets' | 'staleAfterSeconds' | 'agendas' | 'schedules' | 'rules' | 'keys' | 'console' | 'map'> & {
  /**
   * `urlProblem` is set when the file names a hub that cannot be used (see hubUrlProblem): then
   * `url` is undefined and the app must neither connect nor start the demo hub.
   */
  hub: ParsedAppConfig['hub'] & { urlProblem?: string };
  walls: Wall[];
  layouts: Layout[];
  presets: Preset[];
  agendas: Agenda[];
  schedules: Schedule[];
  rules: Rule[];
  /** The key table in force: the defaults with the config's overrides. */
  keys: KeyBinding[];
  console: ParsedAppConfig['console'] & { station: string };
  /** Every topic's stale threshold: the config's value, else the topic's default. */
  staleAfterSeconds: Record<HubTopic, number>;
  /** The map section with its defaults (views, seats); file paths resolved against the config's folder. */
  map: ResolvedMap;
};

export interface LoadedConfig {
  config: AppConfig;
  /** Where the config came from, or would have come from. */
  path: string;
  /** One line per problem, each naming the file and the field. Empty when the file was fine or absent. */
  errors: string[];
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/** A value taken out of the raw config: where, whether the schema does not know the key, and the error line. */
interface Dropped {
  path: PropertyKey[];
  unknownKey: boolean;
  line: string;
}

/**
 * What to drop for one problem: the offending key itself, so its siblings survive (a bad `hub.url`
 * keeps `hub.token`). Inside a list the whole list goes, as before: a wall or a layout is checked
 * against the others (ids, layout names), and half a list would be harder to reason about than the
 * defaults.
 */
function dropPaths(file: string, issue: z.core.$ZodIssue): Dropped[] {
  const upToList = (path: PropertyKey[]): PropertyKey[] => {
    const list = path.findIndex((p) => typeof p === 'number');
    return list === -1 ? path : path.slice(0, list);
  };
  if (issue.code === 'unrecognized_keys') {
    // One line per unknown key, under its own name: `field "langauge": unknown field` says what to fix.
    return issue.keys.map((key) => {
      const path = upToList([...issue.path, key]);
      const line = `${file}: field "${formatPath([...issue.path, key])}": unknown field, ignored (misspelt?)`;
      return { path, unknownKey: path.length === issue.path.length + 1, line };
    });
  }
  return [{ path: upToList([...issue.path]), unknownKey: false, line: `${file}: field "${formatPath(issue.path)}": ${issue.message}; using the default` }];
}

/** Deletes the value at `path`, or at the nearest parent that exists; false when nothing was left to delete. */
function deleteAt(root: Record<string, unknown>, path: PropertyKey[]): boolean {
  for (let depth = path.length; depth > 0; depth -= 1) {
    let parent: unknown = root;
    for (const key of path.slice(0, depth - 1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<PropertyKey, unknown>)[key] : undefined;
    const key = path[depth - 1]!;
    if (typeof parent === 'object' && parent !== null && Object.hasOwn(parent, key)) {
      delete (parent as Record<PropertyKey, unknown>)[key];
      return true;
    }
  }
  return false;
}

/**
 * Parses the raw config, dropping only what fails (the bad key, or the list it is in) so the rest
 * still applies: a typo in `browser.port` or a misspelt top-level `langauge` must not also throw
 * away the operator's walls and hub. `dropped` says what went, for the hub decision below.
 */
function parseKeepingGoodFields(file: string, raw: unknown): { parsed: ParsedAppConfig; errors: string[]; dropped: Dropped[] } {
  const errors: string[] = [];
  const dropped: Dropped[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    errors.push(`${file}: field "(root)": expected a JSON object`);
    return { parsed: appConfigSchema.parse({}), errors, dropped };
  }
  const input = structuredClone(raw) as Record<string, unknown>;
  // Each round removes at least one value, so this ends; 64 rounds is far more than any file needs.
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const result = appConfigSchema.safeParse(input);
    if (result.success) return { parsed: result.data, errors, dropped };
    let progress = false;
    for (const issue of result.error.issues) {
      for (const drop of dropPaths(file, issue)) {
        errors.push(drop.line);
        if (deleteAt(input, drop.path)) {
          progress = true;
          dropped.push(drop);
        }
      }
    }
    if (!progress) break;
  }
  errors.push(`${file}: field "(root)": could not make sense of the file; using the defaults`);
  return { parsed: appConfigSchema.parse({}), errors, dropped };
}

/**
 * Whether the file tried to name a hub and failed: `hub.url` invalid, `hub` not an object, or a key
 * inside `hub` the schema does not know (a misspelt "url"). The operator then wants the province's
 * hub, not the demo: an embedded demo hub would paint simulated alerts and KPIs on a real operations
 * wall as if they were live. So no demo starts; the wall paints its cache, shows the hub offline
 * with the config error, and the console lists the error until the file is fixed.
 */
function hubUrlProblem(parsed: ParsedAppConfig, dropped: readonly Dropped[]): string | undefined {
  if (parsed.hub.url !== undefined || parsed.hub.urls !== undefined) return undefined;
  const failed = dropped.find(({ path, unknownKey }) => path[0] === 'hub' && (path.length === 1 || path[1] === 'url' || path[1] === 'urls' || unknownKey));
  return failed && `no hub connection, and no demo hub either, until the config is fixed: ${failed.line}`;
}

/** Walls that name a layout nobody defined are dropped with an error rather than shown empty. */
function resolveWalls(file: string, parsed: ParsedAppConfig): { walls: Wall[]; layouts: Layout[]; errors: string[] } {
  const layouts = parsed.layouts ?? DEFAULT_LAYOUTS;
  const layoutIds = new Set(layouts.map((l) => l.id));
  const errors: string[] = [];
  const seen = new Set<string>();
  const walls = (parsed.walls ?? DEFAULT_WALLS).filter((wall, i) => {
    if (!layoutIds.has(wall.layoutId)) {
      errors.push(`${file}: field "walls[${i}].layoutId": no layout with id "${wall.layoutId}"`);
      return false;
    }
    if (seen.has(wall.id)) {
      errors.push(`${file}: field "walls[${i}].id": duplicate wall id "${wall.id}"`);
      return false;
    }
    seen.add(wall.id);
    return true;
  });
  if (walls.length === 0) {
    errors.push(`${file}: field "walls": no usable wall; using the default walls`);
    return { walls: DEFAULT_WALLS, layouts: [...layouts, ...DEFAULT_LAYOUTS.filter((l) => !layoutIds.has(l.id))], errors };
  }
  return { walls, layouts, errors };
}

/**
 * A preset entry naming a wall or layout that does not exist is dropped with an error; a preset
 * left with nothing to apply is dropped whole, so the console never offers a button that does nothing.
 */
function resolvePresets(file: string, parsed: ParsedAppConfig, walls: Wall[], layouts: Layout[]): { presets: Preset[]; errors: string[] } {
  const errors: string[] = [];
  // The demo's presets name the demo's walls; on an operator's own walls they would only be noise.
  const demoWalls = parsed.walls === undefined;
  const input = parsed.presets ?? (demoWalls ? DEFAULT_PRESETS : []);
  const wallIds = new Set(walls.map((w) => w.id));
  const layoutIds = new Set(layouts.map((l) => l.id));
  const seen = new Set<string>();
  const presets = input.flatMap((preset, i): Preset[] => {
    if (seen.has(preset.id)) {
      errors.push(`${file}: field "presets[${i}].id": duplicate preset id "${preset.id}"`);
      return [];
    }
    seen.add(preset.id);
    const entries = Object.entries(preset.layouts).filter(([wallId, layoutId]) => {
      if (!wallIds.has(wallId)) errors.push(`${file}: field "presets[${i}].layouts.${wallId}": no wall with id "${wallId}"`);
      else if (!layoutIds.has(layoutId)) errors.push(`${file}: field "presets[${i}].layouts.${wallId}": no layout with id "${layoutId}"`);
      else return true;
      return false;
    });
    if (entries.length === 0) {
      errors.push(`${file}: field "presets[${i}]": preset "${preset.name}" names no usable wall; dropped`);
      return [];
    }
    return [{ ...preset, layouts: Object.fromEntries(entries) }];
  });
  return { presets, errors };
}

/**
 * The map's files, relative to the config file's folder (as the hub's config does with its dbPath):
 * a deployment ships its config and its map data side by side, wherever it is installed.
 */
function resolveMapPaths(file: string, map: ParsedAppConfig['map']): ParsedAppConfig['map'] {
  const base = dirname(resolve(file));
  return { ...map, ...(map.tiles ? { tiles: resolve(base, map.tiles) } : {}), ...(map.unitsFile ? { unitsFile: resolve(base, map.unitsFile) } : {}) };
}

/**
 * Reads the config file. A missing file is a normal first start (defaults, no error);
 * unreadable JSON or bad fields give one clear error per problem and the app keeps going.
 */
export function loadConfig(path: string, log?: Logger): LoadedConfig {
  let raw: unknown = {};
  const errors: string[] = [];
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      log?.info(`no config file at ${path}; using defaults (embedded demo hub)`);
    } else {
      errors.push(`${path}: cannot read config: ${errorMessage(error)}; using defaults`);
    }
    raw = {};
  }
  const { parsed, errors: fieldErrors, dropped } = parseKeepingGoodFields(path, raw);
  const urlProblem = hubUrlProblem(parsed, dropped);
  const { walls, layouts: wallLayouts, errors: wallErrors } = resolveWalls(path, parsed);
  const { map, layouts, errors: mapErrors } = resolveMap(path, { ...parsed, map: resolveMapPaths(path, parsed.map) }, wallLayouts, parsed.walls === undefined);
  const { presets, errors: presetErrors } = resolvePresets(path, parsed, walls, layouts);
  const operations = resolveOperations({ file: path, demoWalls: parsed.walls === undefined, agendas: parsed.agendas, schedules: parsed.schedules, rules: parsed.rules, walls, layouts, presets });
  const keys = resolveKeyTable(parsed.keys);
  errors.push(...fieldErrors, ...wallErrors, ...mapErrors, ...presetErrors, ...operations.errors, ...keys.errors.map((line) => `${path}: field "${line.split(':')[0]}":${line.slice(line.indexOf(':') + 1)}`));
  errors.forEach((line) => log?.error(`config: ${line}`));
  const config: AppConfig = {
    ...parsed,
    hub: urlProblem === undefined ? parsed.hub : { ...parsed.hub, urlProblem },
    walls,
    layouts,
    presets,
    agendas: operations.agendas,
    schedules: operations.schedules,
    rules: operations.rules,
    keys: keys.bindings,
    console: { ...parsed.console, station: parsed.console.station ?? hostname() },
    staleAfterSeconds: resolveStaleAfter(parsed.staleAfterSeconds),
    map,
  };
  return { config, path, errors };
}
