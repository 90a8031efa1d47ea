// Source edits the camera lab builds throwaway copies with (camera-lab.ts sourceBuild): each is a
// change proposed for src-renderer, applied to a copy so its effect is measured before anyone adopts it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`edit of ${file} did not apply: ${from.slice(0, 60)}`);
  writeFileSync(path, text.replace(from, to));
}

/** The loading ring stands still for its first second: most tiles are live by then, and no frame is drawn for it. */
export function lateSpinner(root: string): void {
  edit(
    root,
    'src-renderer/styles/tile-camera.css',
    '  border-top-color: #fff;\n  animation: spin 1s linear infinite;',
    '  border-top-color: #fff;\n  /*\n   * Still for its first second, when most tiles go live: under software compositing 16 turning rings\n   * cost the streams starting beneath them ~130 of ~520 ms to first frame (scripts/bench/camera-lab-run.ts).\n   */\n  animation: spin 1s linear 1s infinite;',
  );
}

/** Camera players start when the layout and the registry are in, before the wall's React tree mounts. */
export function prestart(root: string): void {
  writeFileSync(
    join(root, 'src-renderer/tiles/camera/camera-source.ts'),
    `import type { Camera } from '../../../src-shared/domain';
import type { CameraSource } from './camera-player';

/** Where a camera streams from, as its player needs it. */
export const cameraSource = (camera: Camera): CameraSource => ({
  cameraId: camera.id,
  subUrl: camera.subUrl,
  ...(camera.mainUrl ? { mainUrl: camera.mainUrl } : {}),
  ...(camera.stillUrl ? { stillUrl: camera.stillUrl } : {}),
  online: camera.status !== 'offline',
});
`,
  );
  writeFileSync(
    join(root, 'src-renderer/tiles/camera/prestart.ts'),
    `import { useAppInfoStore } from '../../stores/app-info-store';
import { useCameraStore } from '../../stores/camera-store';
import { latestOf } from '../../stores/topic-table';
import { useWallStore } from '../../stores/wall-store';
import { cameraSource } from './camera-source';
import { defaultDecodeBudget } from './decode-budget';
import { playerPool, type EarlyLease } from './player-pool';

/** The wall's camera tiles with their sources, once the layout, the registry and the budget are known. */
function earlyLeases(): EarlyLease[] | null {
  const info = useAppInfoStore.getState().info;
  const view = useWallStore.getState().view;
  const table = useCameraStore.getState().table;
  if (!info || !view || table.size === 0) return null;
  // The configured budget before any stream starts, so none is started only to be suspended.
  playerPool.setBudget(info.cameraDecodeBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  return view.layout.tiles.flatMap((tile, order) => {
    if (tile.kind !== 'camera') return [];
    const camera = latestOf(table, tile.cameraId);
    return camera ? [{ tileKey: tile.id, source: cameraSource(camera), terms: { order, visible: true } }] : [];
  });
}

/**
 * Starts the wall's camera streams as soon as its layout, the camera registry and the app info are
 * in, while the wall's own chunk and React tree are still on their way: each camera tile's player
 * is leased now, and the tile takes that same player, already loading, when it mounts. If any of
 * them never arrives, nothing starts early and the tiles start their players as before.
 */
export function prestartCameras(): void {
  const leases = earlyLeases();
  if (leases) {
    playerPool.prestart(leases);
    return;
  }
  const check = (): void => {
    const ready = earlyLeases();
    if (!ready) return;
    unsubscribe.forEach((stop) => stop());
    playerPool.prestart(ready);
  };
  const unsubscribe = [useAppInfoStore.subscribe(check), useWallStore.subscribe(check), useCameraStore.subscribe(check)];
}
`,
  );
  const view = 'src-renderer/tiles/camera/camera-view.tsx';
  edit(root, view, "import type { CameraSource } from './camera-player';\n", '');
  edit(root, view, "import type { LeaseTerms } from './player-pool';", "import { cameraSource } from './camera-source';\nimport type { LeaseTerms } from './player-pool';");
  edit(
    root,
    view,
    `const sourceOf = (camera: Camera): CameraSource => ({
  cameraId: camera.id,
  subUrl: camera.subUrl,
  ...(camera.mainUrl ? { mainUrl: camera.mainUrl } : {}),
  ...(camera.stillUrl ? { stillUrl: camera.stillUrl } : {}),
  online: camera.status !== 'offline',
});

`,
    '',
  );
  edit(root, view, 'useMemo(() => sourceOf(camera), [camera])', 'useMemo(() => cameraSource(camera), [camera])');
  const pool = 'src-renderer/tiles/camera/player-pool.ts';
  edit(root, pool, "import { CAMERA_PARK_GRACE_MS } from '../../constants';", "import { CAMERA_PARK_GRACE_MS, CAMERA_PRESTART_HOLD_MS } from '../../constants';");
  edit(
    root,
    pool,
    'interface Lease {',
    `/** A player started before its tile mounted (prestart.ts). */
export interface EarlyLease {
  tileKey: string;
  source: CameraSource;
  terms: LeaseTerms;
}

interface Lease {`,
  );
  edit(
    root,
    pool,
    `  private rebalanceQueued = false;`,
    `  private readonly early = new Map<string, { lease: PlayerLease; timer: ReturnType<typeof setTimeout> }>();
  private holder: HTMLElement | null = null;
  private rebalanceQueued = false;`,
  );
  edit(
    root,
    pool,
    `  acquire(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease {
`,
    `  acquire(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease {
    const early = this.takeEarly(tileKey, source, terms);
    if (early) return early;
`,
  );
  edit(
    root,
    pool,
    `  stats(): PoolStats {`,
    `  /**
   * Leases players for tiles that are about to mount, so their streams load while the wall renders.
   * Each waits in a hidden holder (in the document, so it keeps playing) until its tile's acquire
   * takes it; one whose tile never comes is released like any other.
   */
  prestart(leases: readonly EarlyLease[]): void {
    const leased = new Set([...this.leases.values()].map((l) => l.tileKey));
    for (const { tileKey, source, terms } of leases) {
      if (leased.has(tileKey) || this.early.has(tileKey)) continue;
      const lease = this.acquire(tileKey, source, terms);
      this.holderElement().append(lease.player.element);
      const timer = setTimeout(() => {
        this.early.delete(tileKey);
        lease.release();
      }, CAMERA_PRESTART_HOLD_MS);
      this.early.set(tileKey, { lease, timer });
    }
  }

  stats(): PoolStats {`,
  );
  edit(
    root,
    pool,
    `  clear(): void {
`,
    `  clear(): void {
    this.early.forEach(({ timer }) => clearTimeout(timer));
    this.early.clear();
`,
  );
  edit(
    root,
    pool,
    `  private takeParked(`,
    `  private takeEarly(tileKey: string, source: CameraSource, terms: LeaseTerms): PlayerLease | null {
    const early = this.early.get(tileKey);
    if (!early) return null;
    this.early.delete(tileKey);
    clearTimeout(early.timer);
    if (early.lease.player.cameraId !== source.cameraId) {
      early.lease.release();
      return null;
    }
    early.lease.player.setSource(source);
    early.lease.update(terms);
    return early.lease;
  }

  private holderElement(): HTMLElement {
    if (!this.holder) {
      this.holder = document.createElement('div');
      this.holder.hidden = true;
      this.holder.dataset.cameraPrestart = '';
      document.body.append(this.holder);
    }
    return this.holder;
  }

  private takeParked(`,
  );
  edit(
    root,
    'src-renderer/constants.ts',
    'export const CAMERA_PARK_GRACE_MS = 1_500;',
    'export const CAMERA_PARK_GRACE_MS = 1_500;\n/** A player started before its tile mounted waits this long for the tile (prestart.ts). */\nexport const CAMERA_PRESTART_HOLD_MS = 5_000;',
  );
  edit(
    root,
    'src-renderer/main.tsx',
    `startBridge(route).catch(`,
    `// A wall loads its camera code alongside the bridge, and starts the streams once the layout and
// the camera registry are in, instead of after its chunk and React tree (tiles take the players).
if (route.app === 'wall') void import('./tiles/camera/prestart').then((m) => m.prestartCameras());

startBridge(route).catch(`,
  );
}

