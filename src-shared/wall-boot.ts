import type { Camera } from './domain';
import type { WallView } from './wall-view';

/**
 * What a wall's first script needs to start its camera streams before anything else of the app has
 * loaded. No zod here on purpose: this file is in the wall's first chunk, and evaluating zod there
 * cost 60–100 ms of main thread before the first stream could start (issue 13, 2-core machine).
 * The contract's schemas for the same shapes are in ipc.ts (`wall:boot`); a test holds the hand
 * check below to them, and the app parses the whole answer with them once it has loaded.
 */

/** The highest decode budget a config may set: beyond it no machine we know keeps up. */
export const CAMERA_DECODE_BUDGET_MAX = 64;

/** Where a camera streams from, as its player needs it. */
export interface CameraSource {
  cameraId: string;
  subUrl: string;
  mainUrl?: string;
  stillUrl?: string;
  online: boolean;
}

/** A place on the wall grid, 1-based like CSS grid lines (domain.ts `gridAreaSchema`). */
export interface BootArea {
  col: number;
  row: number;
  colSpan: number;
  rowSpan: number;
}

/** Where a tile holds its player: its place in the decode order and whether it can be seen. */
export interface LeaseTerms {
  /** Lower decodes first (the enlarged tile, then reading order). */
  order: number;
  /** False under an enlarged tile: hidden tiles give their decoder to the visible ones. */
  visible: boolean;
}

/** A camera tile about to mount: its key, its stream, its place in the decode order and on the grid. */
export interface BootCamera {
  tileKey: string;
  source: CameraSource;
  terms: LeaseTerms;
  /** Its tile's place on the grid; null when it covers the whole grid (enlarged). */
  area: BootArea | null;
}

/**
 * The decode budget (null: the page picks from its CPU count), the layout's grid and each camera
 * tile's stream and place: enough to play the cameras where their tiles will be.
 */
export interface WallBootCameras {
  decodeBudget: number | null;
  grid: { cols: number; rows: number };
  cameras: BootCamera[];
}

/** The largest grid a layout may have (domain.ts `layoutSchema`). */
export const GRID_MAX = 12;

/** Most camera tiles one boot answer may name (a wall's layout and its focus tile, with room to spare). */
export const BOOT_CAMERAS_MAX = 256;

export const cameraSourceOf = (camera: Camera): CameraSource => ({
  cameraId: camera.id,
  subUrl: camera.subUrl,
  ...(camera.mainUrl ? { mainUrl: camera.mainUrl } : {}),
  ...(camera.stillUrl ? { stillUrl: camera.stillUrl } : {}),
  online: camera.status !== 'offline',
});

/**
 * The wall's camera tiles with their streams: camera tiles, tours on the camera the host says they
 * show, and a camera put over the whole wall. The enlarged tile decodes first; tiles under it are
 * not visible. One rule for the host's boot answer and the page's own start from its stores.
 */
export function bootCamerasOf(view: WallView, cameraOf: (cameraId: string) => Camera | undefined): BootCamera[] {
  const tiles = view.focus ? [...view.layout.tiles, view.focus] : view.layout.tiles;
  return tiles.flatMap((tile, order) => {
    const cameraId = tile.kind === 'camera' ? tile.cameraId : tile.kind === 'camera-tour' ? (view.tours[tile.id]?.cameraId ?? tile.cameraIds[0]) : undefined;
    const camera = cameraId === undefined ? undefined : cameraOf(cameraId);
    const enlarged = view.enlargedTileId === tile.id;
    const visible = view.enlargedTileId === null || enlarged;
    return camera ? [{ tileKey: tile.id, source: cameraSourceOf(camera), terms: { order: enlarged ? -1 : order, visible }, area: enlarged ? null : { ...tile.area } }] : [];
  });
}

/** The camera part of the host's `wall:boot` answer for a wall showing `view`. */
export function wallBootCamerasOf(view: WallView, cameraOf: (cameraId: string) => Camera | undefined, decodeBudget: number | null): WallBootCameras {
  return { decodeBudget, grid: { cols: view.layout.cols, rows: view.layout.rows }, cameras: bootCamerasOf(view, cameraOf) };
}

type Check<T> = (value: unknown, at: string) => T;

const fail = (at: string, what: string): never => {
  throw new TypeError(`${at}: ${what}`);
};
const record = (value: unknown, at: string): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(at, 'expected an object');
const text: Check<string> = (value, at) => (typeof value === 'string' && value.length >= 1 && value.length <= 64 ? value : fail(at, 'expected a string of 1–64 characters'));
const flag: Check<boolean> = (value, at) => (typeof value === 'boolean' ? value : fail(at, 'expected true or false'));
const integer = (value: unknown, at: string, min: number, max: number): number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? (value as number) : fail(at, `expected a whole number from ${min} to ${max}`);

/** An http(s) URL, as the contract's `z.url({ protocol: /^https?$/ })` accepts it. */
const httpUrl: Check<string> = (value, at) => {
  if (typeof value !== 'string' || !URL.canParse(value)) return fail(at, 'expected a URL');
  return /^https?:$/.test(new URL(value).protocol) ? value : fail(at, 'expected an http or https URL');
};

const optional = <T>(check: Check<T>, value: unknown, at: string): T | undefined => (value === undefined ? undefined : check(value, at));

function cameraSource(value: unknown, at: string): CameraSource {
  const v = record(value, at);
  const mainUrl = optional(httpUrl, v.mainUrl, `${at}.mainUrl`);
  const stillUrl = optional(httpUrl, v.stillUrl, `${at}.stillUrl`);
  return {
    cameraId: text(v.cameraId, `${at}.cameraId`),
    subUrl: httpUrl(v.subUrl, `${at}.subUrl`),
    ...(mainUrl === undefined ? {} : { mainUrl }),
    ...(stillUrl === undefined ? {} : { stillUrl }),
    online: flag(v.online, `${at}.online`),
  };
}

function bootArea(value: unknown, at: string): BootArea | null {
  if (value === null) return null;
  const v = record(value, at);
  return {
    col: integer(v.col, `${at}.col`, 1, GRID_MAX),
    row: integer(v.row, `${at}.row`, 1, GRID_MAX),
    colSpan: integer(v.colSpan, `${at}.colSpan`, 1, GRID_MAX),
    rowSpan: integer(v.rowSpan, `${at}.rowSpan`, 1, GRID_MAX),
  };
}

function bootCamera(value: unknown, at: string): BootCamera {
  const v = record(value, at);
  const terms = record(v.terms, `${at}.terms`);
  return {
    tileKey: text(v.tileKey, `${at}.tileKey`),
    source: cameraSource(v.source, `${at}.source`),
    terms: { order: integer(terms.order, `${at}.terms.order`, -1, BOOT_CAMERAS_MAX), visible: flag(terms.visible, `${at}.terms.visible`) },
    area: bootArea(v.area, `${at}.area`),
  };
}

/**
 * The camera part of a `wall:boot` answer, checked field by field, or why it is not one (the
 * first problem, with its path). Other fields are left for the app's own parse.
 */
export function readBootCameras(value: unknown): WallBootCameras | { error: string } {
  try {
    const v = record(value, 'answer');
    const decodeBudget = v.decodeBudget === null ? null : integer(v.decodeBudget, 'decodeBudget', 1, CAMERA_DECODE_BUDGET_MAX);
    const grid = record(v.grid, 'grid');
    const cols = integer(grid.cols, 'grid.cols', 1, GRID_MAX);
    const rows = integer(grid.rows, 'grid.rows', 1, GRID_MAX);
    if (!Array.isArray(v.cameras)) return fail('cameras', 'expected a list');
    if (v.cameras.length > BOOT_CAMERAS_MAX) return fail('cameras', `at most ${BOOT_CAMERAS_MAX}`);
    return { decodeBudget, grid: { cols, rows }, cameras: v.cameras.map((camera, i) => bootCamera(camera, `cameras.${i}`)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
