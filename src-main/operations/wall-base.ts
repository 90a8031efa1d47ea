import { z } from 'zod';
import { idSchema, severitySchema, type Layout, type Tile } from '../../src-shared/domain';
import { mapStateSchema, pushedContentSchema, wallSourceSchema, type PushedContent } from '../../src-shared/wall-view';

/**
 * What a wall shows when no rule has taken it over: its layout, what operators pushed onto its
 * tiles, what is enlarged, and who put it there. Durable (host state), so it has a schema.
 */
export const wallBaseSchema = z.object({
  layoutId: idSchema,
  /** Pushed content by tile id of the layout; cleared when the layout changes. */
  pushes: z.record(idSchema, pushedContentSchema),
  /** Map tiles told to show another view or follow an alert; cleared with the pushes when the layout changes. */
  maps: z.record(idSchema, mapStateSchema).default({}),
  /** Shown over the whole wall: a tile of the layout, or a camera that is not on it. */
  enlarged: z.union([z.object({ tileId: idSchema }), z.object({ cameraId: idSchema })]).nullable(),
  source: wallSourceSchema,
});
export type WallBase = z.infer<typeof wallBaseSchema>;

/** What a takeover banner and the console say about the alert behind it, kept while the takeover lasts. */
export const alertSummarySchema = z.object({
  text: z.string().max(500),
  textEn: z.string().max(500).optional(),
  severity: severitySchema,
  district: z.string().max(80),
  cameraId: idSchema.optional(),
});
export type AlertSummary = z.infer<typeof alertSummarySchema>;

/** The tile a pushed content becomes: the layout tile's id and place, the pushed kind and fields. */
export function pushedTile(tile: Tile, content: PushedContent): Tile {
  switch (content.kind) {
    case 'camera':
      return { id: tile.id, area: tile.area, kind: 'camera', cameraId: content.cameraId };
    case 'kpi':
      return { id: tile.id, area: tile.area, kind: 'kpi', kpiId: content.kpiId, chart: content.chart, ...(content.district ? { district: content.district } : {}) };
    case 'map':
      return { id: tile.id, area: tile.area, kind: 'map', view: content.view, layers: content.layers, ...(content.units ? { units: content.units } : {}) };
  }
}

/** A base that shows the layout as configured, from `source`. */
export function plainBase(layoutId: string, source: WallBase['source']): WallBase {
  return { layoutId, pushes: {}, maps: {}, enlarged: null, source };
}

/** The layout's tiles with the pushes that still fit it (a push to a tile the layout lacks is ignored). */
export function applyPushes(layout: Layout, pushes: Readonly<Record<string, PushedContent>>): { layout: Layout; pushedTileIds: string[] } {
  const pushedTileIds: string[] = [];
  const tiles = layout.tiles.map((tile) => {
    const content = pushes[tile.id];
    if (!content) return tile;
    pushedTileIds.push(tile.id);
    return pushedTile(tile, content);
  });
  return { layout: pushedTileIds.length === 0 ? layout : { ...layout, tiles }, pushedTileIds };
}
