import { readBootCameras, type BootArea, type WallBootCameras } from '../../src-shared/wall-boot';
import { CAMERA_BOOT_FIRST_FRAMES_WAIT_MS } from '../constants';
import type { CameraPlayer } from '../tiles/camera/camera-player';
import { defaultDecodeBudget } from '../tiles/camera/decode-budget';
import { playerPool } from '../tiles/camera/player-pool';

/**
 * A grid laid out like the wall's (camera-boot.css: the top bar's height, the grid's padding and
 * gaps), holding each early player in its tile's place until the tile mounts and takes it. It goes
 * away once it holds no player, or once the wall has painted: a player whose tile is not on the
 * wall after all (the layout changed meanwhile) goes back to the pool's hidden holder, where the
 * pool lets it go if no tile takes it.
 */
function bootGrid(grid: WallBootCameras['grid']): HTMLElement {
  const element = document.createElement('div');
  element.className = 'camera-boot';
  element.dataset.cameraBoot = '';
  element.setAttribute('aria-hidden', 'true');
  element.style.gridTemplateColumns = `repeat(${grid.cols}, minmax(0, 1fr))`;
  element.style.gridTemplateRows = `repeat(${grid.rows}, minmax(0, 1fr))`;
  document.body.append(element);
  const end = (): void => {
    observer.disconnect();
    element.querySelectorAll<HTMLElement>('.camera-player').forEach((player) => playerPool.holdElement(player));
    element.remove();
  };
  const observer = new MutationObserver(() => {
    if (!element.querySelector('.camera-player')) end();
    // The tiles take their players in the wall's first commit; what is left a frame later stays unclaimed.
    else if (document.querySelector('.wall')) requestAnimationFrame(() => element.isConnected && end());
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return element;
}

function placeIn(grid: HTMLElement, player: CameraPlayer, area: BootArea | null): void {
  const cell = document.createElement('div');
  cell.className = 'camera-boot__cell';
  cell.style.gridColumn = area ? `${area.col} / span ${area.colSpan}` : '1 / -1';
  cell.style.gridRow = area ? `${area.row} / span ${area.rowSpan}` : '1 / -1';
  cell.append(player.element);
  grid.append(cell);
}

/** Resolves once every player has a first frame, has failed, or is not decoding at all. */
function firstFrames(players: readonly CameraPlayer[]): Promise<void> {
  const settled = (player: CameraPlayer): boolean => {
    const { health, suspended } = player.snapshot();
    return health.state !== 'loading' || suspended !== null;
  };
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    const check = (): void => {
      if (!players.every(settled)) return;
      stops.forEach((stop) => stop());
      resolve();
    };
    players.forEach((player) => stops.push(player.subscribe(check)));
    check();
  });
}

/**
 * A wall's first step, before React, the stores and the contract have loaded: play the camera
 * tiles named by the boot answer (boot-request.ts) where their tiles will be. Resolves when their
 * first frames are in (or CAMERA_BOOT_FIRST_FRAMES_WAIT_MS has passed): the app loads after that,
 * because its loading and first render hold the main thread that the players need to append their
 * first segments (issue 13: with the app loading alongside, 9 tiles took 1.15 s from first segment
 * to first picture, a plain hls.js grid 0.63 s). Each player is taken over by its tile when the
 * wall mounts (player-pool.ts). Without a usable answer it resolves at once and the app starts the
 * cameras itself.
 */
export async function startWallCameras(raw: unknown): Promise<void> {
  if (raw === null) return;
  const result = typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (result.ok !== true) {
    console.warn(`[boot] the host did not give the camera list: ${typeof result.error === 'string' ? result.error.slice(0, 300) : 'not an answer'}`);
    return;
  }
  const boot = readBootCameras(result.value);
  if ('error' in boot) {
    console.warn(`[boot] the host's camera list does not match the contract: ${boot.error}`);
    return;
  }
  // The budget before any stream starts, so none is started only to be suspended.
  playerPool.setBudget(boot.decodeBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  playerPool.prestart(boot.cameras);
  const shown = boot.cameras.filter((camera) => camera.terms.visible);
  if (shown.length === 0) return;
  const grid = bootGrid(boot.grid);
  const players = shown.flatMap(({ tileKey, area }) => {
    const player = playerPool.earlyPlayer(tileKey);
    if (player) placeIn(grid, player, area);
    return player ? [player] : [];
  });
  // The pool decides who decodes on its next turn (a microtask): wait for it before judging who is loading.
  await Promise.resolve();
  await Promise.race([firstFrames(players), new Promise((resolve) => setTimeout(resolve, CAMERA_BOOT_FIRST_FRAMES_WAIT_MS))]);
}
