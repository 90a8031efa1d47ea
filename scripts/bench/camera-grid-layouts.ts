// The camera bench's walls: the n-tile grids of the demo cameras, and the two layouts per tile count
// that the preset-switch figures alternate between, with the presets and the wall that show them.
import type { Layout, Preset, Tile, Wall } from '../../src-shared/domain';

/** The demo hub's cameras (assets/cameras/cameras.json): eight, so larger grids repeat them. */
export const DEMO_CAMERAS = ['bai-sau-thuy-van', 'tuong-chua-kito-nui-nho', 'nga-tu-gieng-nuoc', 'cau-co-may', 'cho-ba-ria', 'ql51-phu-my', 'cang-cai-mep', 'con-dao-cau-tau-914'];

const cameraOf = (i: number): string => DEMO_CAMERAS[i % DEMO_CAMERAS.length]!;

function gridLayout(id: string, name: string, cameras: readonly string[], tileId: (i: number) => string): Layout {
  const n = cameras.length;
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const tiles: Tile[] = cameras.map((cameraId, i) => ({
    id: tileId(i),
    kind: 'camera',
    cameraId,
    area: { col: (i % cols) + 1, row: Math.floor(i / cols) + 1, colSpan: 1, rowSpan: 1 },
  }));
  return { id, name, cols, rows, tiles };
}

export function cameraLayout(n: number): Layout {
  return gridLayout(`bench-${n}`, `Bench ${n}`, Array.from({ length: n }, (_, i) => cameraOf(i)), (i) => `t${i}`);
}

/** A camera's sub-stream playlist on the demo hub: what an IOC tile of a grid this size plays. */
export const subStreamUrl = (hubUrl: string, cameraId: string): string => `${hubUrl}/hls/${cameraId}/sub/index.m3u8`;

/** The sub-stream playlists of an n-tile grid, in tile order: the same streams for both pages. */
export const streamUrls = (hubUrl: string, n: number): string[] => Array.from({ length: n }, (_, i) => subStreamUrl(hubUrl, cameraOf(i)));

/*
 * The two layouts a preset switch alternates between. The wall's player pool hands a camera's
 * player to the next layout's tile for the same camera, so a camera that merely moves shows no
 * stream start at all; to time real starts, every tile that changes gets a camera that was on
 * neither its place nor anywhere else on the wall before. With eight cameras: the even places keep
 * one of four cameras in both layouts, the odd places show two cameras in A and two others in B.
 * Half the tiles change, each to a stream the page is not playing (the plain page changes the same
 * places to the same streams).
 */
const KEPT = DEMO_CAMERAS.slice(0, 4);
const ONLY_A = DEMO_CAMERAS.slice(4, 6);
const ONLY_B = DEMO_CAMERAS.slice(6, 8);

function switchCameras(n: number, side: 'a' | 'b'): string[] {
  const changing = side === 'a' ? ONLY_A : ONLY_B;
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? KEPT[(i / 2) % KEPT.length]! : changing[((i - 1) / 2) % changing.length]!));
}

export interface SwitchSet {
  n: number;
  wall: Wall;
  /** A then B; the wall starts on A. */
  layouts: [Layout, Layout];
  presets: [Preset, Preset];
  /** Tile places (0-based, reading order) whose camera differs between A and B. */
  changed: number[];
  /** The plain page's streams for A and B, in tile order. */
  urls(hubUrl: string): [string[], string[]];
}

/** Tile ids differ between the layouts (a0…, b0…), so a tile found after a switch is the new layout's. */
export function switchSet(n: number): SwitchSet {
  const wallId = `switch-${n}`;
  const sides = ['a', 'b'] as const;
  const cameras = sides.map((side) => switchCameras(n, side)) as [string[], string[]];
  const layouts = sides.map((side, k) => gridLayout(`${wallId}-${side}`, `Switch ${n} ${side.toUpperCase()}`, cameras[k]!, (i) => `${side}${i}`)) as [Layout, Layout];
  return {
    n,
    wall: { id: wallId, name: `Switch ${n}`, layoutId: layouts[0].id },
    layouts,
    presets: layouts.map((layout) => ({ id: layout.id, name: layout.name, layouts: { [wallId]: layout.id } })) as [Preset, Preset],
    changed: cameras[0].flatMap((camera, i) => (camera === cameras[1][i] ? [] : [i])),
    urls: (hubUrl) => cameras.map((list) => list.map((camera) => subStreamUrl(hubUrl, camera))) as [string[], string[]],
  };
}
