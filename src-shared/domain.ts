import { z } from 'zod';
import { subsystemIdSchema } from './subsystems';

/**
 * Domain types shared by the host (main / browser-mode server), the hub and the renderer.
 * Each type is a zod schema first, so every boundary parses with the same rules it is typed by.
 */

export const languageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof languageSchema>;

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (max 64)');

/** A place on the wall grid, 1-based like CSS grid lines so layouts read the way they render. */
export const gridAreaSchema = z.object({
  col: z.number().int().min(1),
  row: z.number().int().min(1),
  colSpan: z.number().int().min(1).default(1),
  rowSpan: z.number().int().min(1).default(1),
});
export type GridArea = z.infer<typeof gridAreaSchema>;

export const TILE_KINDS = ['camera', 'kpi', 'ticker', 'text'] as const;
export const tileKindSchema = z.enum(TILE_KINDS);
export type TileKind = z.infer<typeof tileKindSchema>;

const tileBase = { id: idSchema, area: gridAreaSchema };

export const cameraTileSchema = z.object({ ...tileBase, kind: z.literal('camera'), cameraId: idSchema });
export const kpiTileSchema = z.object({
  ...tileBase,
  kind: z.literal('kpi'),
  kpiId: idSchema,
  chart: z.enum(['line', 'gauge']).default('line'),
});
export const tickerTileSchema = z.object({ ...tileBase, kind: z.literal('ticker'), title: z.string().max(80).optional() });
export const textTileSchema = z.object({
  ...tileBase,
  kind: z.literal('text'),
  title: z.string().max(80).optional(),
  text: z.string().max(2000),
});

export const tileSchema = z.discriminatedUnion('kind', [cameraTileSchema, kpiTileSchema, tickerTileSchema, textTileSchema]);
export type Tile = z.infer<typeof tileSchema>;
export type CameraTile = z.infer<typeof cameraTileSchema>;
export type KpiTile = z.infer<typeof kpiTileSchema>;
export type TickerTile = z.infer<typeof tickerTileSchema>;
export type TextTile = z.infer<typeof textTileSchema>;

function overlaps(a: GridArea, b: GridArea): boolean {
  return a.col < b.col + b.colSpan && b.col < a.col + a.colSpan && a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan;
}

/** A grid of tiles. Tiles must fit the grid and must not overlap: a hidden tile is a silent bug. */
export const layoutSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(80),
    cols: z.number().int().min(1).max(12),
    rows: z.number().int().min(1).max(12),
    tiles: z.array(tileSchema).max(144),
  })
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.tiles.forEach((tile, i) => {
      if (seen.has(tile.id)) ctx.addIssue({ code: 'custom', path: ['tiles', i, 'id'], message: `duplicate tile id "${tile.id}"` });
      seen.add(tile.id);
      const { col, row, colSpan, rowSpan } = tile.area;
      if (col + colSpan - 1 > layout.cols || row + rowSpan - 1 > layout.rows) {
        ctx.addIssue({ code: 'custom', path: ['tiles', i, 'area'], message: `tile "${tile.id}" does not fit a ${layout.cols}×${layout.rows} grid` });
      }
      layout.tiles.slice(0, i).forEach((other) => {
        if (overlaps(other.area, tile.area)) {
          ctx.addIssue({ code: 'custom', path: ['tiles', i, 'area'], message: `tile "${tile.id}" overlaps tile "${other.id}"` });
        }
      });
    });
  });
export type Layout = z.infer<typeof layoutSchema>;

/**
 * Where a wall should go. `index` counts displays left-to-right, top-to-bottom from 0;
 * `displayId` is Electron's id, stable only while the display stays plugged in.
 */
export const displayPinSchema = z.object({
  index: z.number().int().min(0).optional(),
  displayId: z.number().int().optional(),
});
export type DisplayPin = z.infer<typeof displayPinSchema>;

export const wallSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  layoutId: idSchema,
  display: displayPinSchema.optional(),
});
export type Wall = z.infer<typeof wallSchema>;

/** A layout per wall for one briefing meeting, e.g. "Giao ban sáng thứ Hai". */
export const presetSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  layouts: z.record(idSchema, idSchema),
});
export type Preset = z.infer<typeof presetSchema>;

export const geoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

export const cameraSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(120),
  district: z.string().max(80).optional(),
  location: geoPointSchema.optional(),
  /** Low-resolution stream for small tiles. */
  subUrl: z.url({ protocol: /^https?$/ }),
  /** Full-resolution stream for enlarged tiles; falls back to subUrl. */
  mainUrl: z.url({ protocol: /^https?$/ }).optional(),
  status: z.enum(['online', 'offline']).default('online'),
});
export type Camera = z.infer<typeof cameraSchema>;

/** What a KPI stream measures; sent once per connection so tiles can label values. */
export const kpiDefinitionSchema = z.object({
  id: idSchema,
  subsystem: subsystemIdSchema,
  vi: z.string().min(1).max(120),
  en: z.string().min(1).max(120),
  unit: z.string().max(24),
  decimals: z.number().int().min(0).max(4).default(0),
  target: z.number().finite().optional(),
  /** Whether a higher value is good, so a tile can colour the value against the target. */
  higherIsBetter: z.boolean().default(true),
});
export type KpiDefinition = z.infer<typeof kpiDefinitionSchema>;

export const kpiPointSchema = z.object({
  kpiId: idSchema,
  value: z.number().finite(),
  /** ISO-8601 time the department measured the value (not when the wall received it). */
  time: z.iso.datetime({ offset: true }),
  district: z.string().max(80).optional(),
});
export type KpiPoint = z.infer<typeof kpiPointSchema>;

export const severitySchema = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** One line of the alert ticker. */
export const feedItemSchema = z.object({
  id: idSchema,
  time: z.iso.datetime({ offset: true }),
  severity: severitySchema,
  subsystem: subsystemIdSchema,
  text: z.string().min(1).max(500),
  district: z.string().max(80).optional(),
});
export type FeedItem = z.infer<typeof feedItemSchema>;

/** A wall together with the layout it shows now: what a wall window needs to paint. */
export const wallViewSchema = z.object({ wall: wallSchema, layout: layoutSchema });
export type WallView = z.infer<typeof wallViewSchema>;
