// The camera bench's closing table: per tile count and load, the few figures a note quotes, each as
// IOC Wall against the plain hls.js grid, picked out of the full results above it.
import type { decodeFigures, Figures } from './camera-grid-page';
import type { SwitchFigures } from './camera-switch';

export const LOADS = ['quiet', 'oneCoreBusy'] as const;
export type Load = (typeof LOADS)[number];

export interface GridSide extends Figures {
  memoryPerTileMiB: number | null;
  /** IOC only: its decode budget against the tiles that decoded. */
  decode?: ReturnType<typeof decodeFigures>;
}

export interface SwitchPair {
  iocWall: SwitchFigures;
  plainHlsJs: SwitchFigures;
}

export interface GridResult {
  tiles: number;
  quiet: { iocWall: GridSide; plainHlsJs: GridSide };
  oneCoreBusy: { cpuHogCores: number | null; iocWall: GridSide; plainHlsJs: GridSide };
}

export interface SwitchResult {
  tiles: number;
  changedTiles: number;
  quiet: SwitchPair;
  oneCoreBusy: SwitchPair & { cpuHogCores: number | null };
}

const pair = <T>(ioc: T, plain: T): { iocWall: T; plainHlsJs: T } => ({ iocWall: ioc, plainHlsJs: plain });

export function summaryTable(grid: GridResult[], switches: SwitchResult[]) {
  return {
    grid: grid.flatMap((r) =>
      LOADS.map((load) => {
        const { iocWall: ioc, plainHlsJs: plain } = r[load];
        return {
          tiles: r.tiles,
          load,
          firstFrameP50Ms: pair(ioc.firstFrameMs.p50, plain.firstFrameMs.p50),
          droppedPercent: pair(ioc.droppedPercent, plain.droppedPercent),
          memoryPerTileMiB: pair(ioc.memoryPerTileMiB, plain.memoryPerTileMiB),
          ...(load === 'oneCoreBusy' ? { cpuHogCores: r.oneCoreBusy.cpuHogCores } : {}),
        };
      }),
    ),
    presetSwitch: switches.flatMap((r) =>
      LOADS.map((load) => {
        const { iocWall: ioc, plainHlsJs: plain } = r[load];
        return {
          tiles: r.tiles,
          changedTiles: r.changedTiles,
          load,
          toLastNewTileFrameP50Ms: pair(ioc.toLastNewTileFrameMs.p50, plain.toLastNewTileFrameMs.p50),
          toLastNewTileFrameP95Ms: pair(ioc.toLastNewTileFrameMs.p95, plain.toLastNewTileFrameMs.p95),
          incomplete: pair(ioc.incomplete, plain.incomplete),
        };
      }),
    ),
  };
}
