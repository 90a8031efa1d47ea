import { describe, expect, it } from 'vitest';
import type { Camera, Layout } from '../../../src-shared/domain';
import { BOOT_CAMERAS_MAX, bootCamerasOf, readBootCameras, wallBootCamerasOf, type CameraSource, type WallBootCameras } from '../../../src-shared/wall-boot';
import { wallBootCamerasSchema } from '../../../src-shared/wall-boot-schema';
import type { WallView } from '../../../src-shared/wall-view';

/**
 * The wall's first script checks the camera part of its boot answer by hand (zod is not loaded yet);
 * the contract's schema says the same in zod. These hold the two to one another: every answer one
 * accepts the other accepts with the same value, and every broken one both refuse.
 */

const good: WallBootCameras = {
  decodeBudget: 9,
  grid: { cols: 3, rows: 2 },
  cameras: [
    {
      tileKey: 'cam-1',
      source: { cameraId: 'cam-1', subUrl: 'http://media.local:8080/cam-1/sub.m3u8', mainUrl: 'https://media.local/cam-1/main.m3u8', stillUrl: 'http://media.local/cam-1.jpg', online: true },
      terms: { order: 0, visible: true },
      area: { col: 1, row: 1, colSpan: 2, rowSpan: 1 },
    },
    { tileKey: 'tour', source: { cameraId: 'cam-2', subUrl: 'http://media.local/cam-2/sub.m3u8', online: false }, terms: { order: -1, visible: true }, area: null },
  ],
};

const clone = (): WallBootCameras => structuredClone(good);
type Break = [string, (answer: Record<string, unknown> & WallBootCameras) => void];

const breaks: Break[] = [
  ['no grid', (a) => delete (a as Partial<WallBootCameras>).grid],
  ['grid of 0 columns', (a) => (a.grid.cols = 0)],
  ['grid of 13 rows', (a) => (a.grid.rows = 13)],
  ['budget of 0', (a) => (a.decodeBudget = 0)],
  ['budget of 65', (a) => (a.decodeBudget = 65)],
  ['budget of 2.5', (a) => (a.decodeBudget = 2.5)],
  ['budget as text', (a) => ((a as Record<string, unknown>).decodeBudget = '9')],
  ['cameras not a list', (a) => ((a as Record<string, unknown>).cameras = { 0: a.cameras[0] })],
  ['too many cameras', (a) => (a.cameras = Array.from({ length: BOOT_CAMERAS_MAX + 1 }, () => a.cameras[0]!))],
  ['empty tile key', (a) => (a.cameras[0]!.tileKey = '')],
  ['tile key of 65 characters', (a) => (a.cameras[0]!.tileKey = 'k'.repeat(65))],
  ['no camera id', (a) => delete (a.cameras[0]!.source as Partial<CameraSource>).cameraId],
  ['a sub stream that is not a URL', (a) => (a.cameras[0]!.source.subUrl = 'cam-1/sub.m3u8')],
  ['a sub stream over ftp', (a) => (a.cameras[0]!.source.subUrl = 'ftp://media.local/cam-1/sub.m3u8')],
  ['a main stream as javascript:', (a) => (a.cameras[0]!.source.mainUrl = 'javascript:alert(1)')],
  ['a still as data:', (a) => (a.cameras[0]!.source.stillUrl = 'data:image/png;base64,AAAA')],
  ['online as text', (a) => ((a.cameras[0]!.source as unknown as Record<string, unknown>).online = 'yes')],
  ['no terms', (a) => delete (a.cameras[0] as Partial<WallBootCameras['cameras'][0]>).terms],
  ['order below -1', (a) => (a.cameras[0]!.terms.order = -2)],
  ['order of 1.5', (a) => (a.cameras[0]!.terms.order = 1.5)],
  ['visible missing', (a) => delete (a.cameras[0]!.terms as Partial<{ visible: boolean }>).visible],
  ['area missing (null is "the whole grid", absent is an error)', (a) => delete (a.cameras[0] as Partial<WallBootCameras['cameras'][0]>).area],
  ['area at column 0', (a) => (a.cameras[0]!.area!.col = 0)],
  ['area spanning 13 rows', (a) => (a.cameras[0]!.area!.rowSpan = 13)],
];

describe('the boot answer’s camera part: the hand check and the contract agree', () => {
  it('accept a good answer with the same value (extra fields left for the app)', () => {
    const answer = { ...clone(), view: { anything: true } };
    const byHand = readBootCameras(answer);
    expect(byHand).toEqual(good);
    expect(wallBootCamerasSchema.parse(answer)).toEqual(byHand);
  });

  it('accept a wall with no cameras and the page’s own budget', () => {
    const answer = { decodeBudget: null, grid: { cols: 1, rows: 1 }, cameras: [] };
    expect(readBootCameras(answer)).toEqual(answer);
    expect(wallBootCamerasSchema.safeParse(answer).success).toBe(true);
  });

  it.each(breaks)('both refuse %s, the hand check saying where', (_name, breakIt) => {
    const answer = clone() as Record<string, unknown> & WallBootCameras;
    breakIt(answer);
    const byHand = readBootCameras(answer);
    expect(byHand).toHaveProperty('error');
    expect((byHand as { error: string }).error).toMatch(/^[a-zA-Z.0-9]+: /);
    expect(wallBootCamerasSchema.safeParse(answer).success).toBe(false);
  });

  it('refuses what is not an answer at all', () => {
    for (const value of [null, undefined, 42, 'text', []]) expect(readBootCameras(value)).toHaveProperty('error');
  });
});

const camera = (id: string, status: Camera['status'] = 'online'): Camera => ({
  id,
  name: `Camera ${id}`,
  district: 'Phường Vũng Tàu',
  location: { lat: 10.35, lng: 107.08 },
  status,
  subUrl: `http://media.local/${id}/sub.m3u8`,
});

const layout: Layout = {
  id: 'cams',
  name: 'Camera',
  cols: 3,
  rows: 2,
  tiles: [
    { id: 'a', kind: 'camera', title: 'A', cameraId: 'cam-a', area: { col: 1, row: 1, colSpan: 2, rowSpan: 1 } },
    { id: 'k', kind: 'text', title: 'Ghi chú', text: 'x', area: { col: 3, row: 1, colSpan: 1, rowSpan: 1 } },
    { id: 't', kind: 'camera-tour', title: 'Tour', cameraIds: ['cam-b', 'cam-c'], dwellSeconds: 10, area: { col: 1, row: 2, colSpan: 1, rowSpan: 1 } },
    { id: 'gone', kind: 'camera', title: 'Gone', cameraId: 'cam-unknown', area: { col: 2, row: 2, colSpan: 1, rowSpan: 1 } },
  ],
} as Layout;

const viewOf = (patch: Partial<WallView> = {}): WallView =>
  ({ wall: { id: '1', name: 'Wall 1' }, layout, pushedTileIds: [], focus: null, enlargedTileId: null, takeover: null, tours: {}, maps: {}, source: { kind: 'config' }, ...patch }) as WallView;

describe('which cameras a wall starts before its app, and where', () => {
  const cameras = new Map(['cam-a', 'cam-b', 'cam-c'].map((id) => [id, camera(id, id === 'cam-c' ? 'offline' : 'online')]));
  const cameraOf = (id: string): Camera | undefined => cameras.get(id);

  it('camera tiles and tours, in reading order, each in its area; a camera the registry lacks is left to its tile', () => {
    const boot = wallBootCamerasOf(viewOf(), cameraOf, null);
    expect(boot.grid).toEqual({ cols: 3, rows: 2 });
    expect(boot.cameras.map((c) => [c.tileKey, c.source.cameraId, c.terms, c.area])).toEqual([
      ['a', 'cam-a', { order: 0, visible: true }, { col: 1, row: 1, colSpan: 2, rowSpan: 1 }],
      ['t', 'cam-b', { order: 2, visible: true }, { col: 1, row: 2, colSpan: 1, rowSpan: 1 }],
    ]);
  });

  it('a tour on the camera the host says it shows, offline as the registry says', () => {
    const boot = bootCamerasOf(viewOf({ tours: { t: { cameraId: 'cam-c' } } as unknown as WallView['tours'] }), cameraOf);
    expect(boot.find((c) => c.tileKey === 't')?.source).toMatchObject({ cameraId: 'cam-c', online: false });
  });

  it('an enlarged tile decodes first over the whole grid; the tiles under it are not visible', () => {
    const boot = bootCamerasOf(viewOf({ enlargedTileId: 't' }), cameraOf);
    expect(boot.find((c) => c.tileKey === 't')).toMatchObject({ terms: { order: -1, visible: true }, area: null });
    expect(boot.find((c) => c.tileKey === 'a')).toMatchObject({ terms: { order: 0, visible: false } });
  });

  it('what the host sends passes both checks', () => {
    const boot = wallBootCamerasOf(viewOf({ enlargedTileId: 'a' }), cameraOf, 12);
    expect(readBootCameras(boot)).toEqual(boot);
    expect(wallBootCamerasSchema.parse(boot)).toEqual(boot);
  });
});
