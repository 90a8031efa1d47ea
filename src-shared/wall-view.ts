import { z } from 'zod';
import { cameraTileSchema, idSchema, kpiTileSchema, layoutSchema, mapTileObjectSchema, severitySchema, wallSchema } from './domain';
import { mapViewRefSchema } from './map';

/**
 * What a wall shows right now, as the host decides it and every window paints it: the layout with
 * what operators pushed onto it, what is enlarged, a rule's takeover, the tours' positions and who
 * put it all there. The host owns it (it is durable and the console changes it); walls only paint.
 */

/** Content an operator (or an agenda, or a rule) puts into a tile in place of the layout's own. */
export const pushedContentSchema = z.discriminatedUnion('kind', [
  cameraTileSchema.pick({ kind: true, cameraId: true }),
  kpiTileSchema.pick({ kind: true, kpiId: true, district: true, chart: true }),
  mapTileObjectSchema.pick({ kind: true, view: true, layers: true, units: true }),
]);
export type PushedContent = z.infer<typeof pushedContentSchema>;

/** Where a camera tour stands; `msUntilAdvance` is counted from when the host sent it. */
export const tourViewSchema = z.object({
  cameraId: idSchema,
  upcomingCameraId: idSchema,
  /** Time left on the shown camera; null while paused or held. */
  msUntilAdvance: z.number().int().min(0).nullable(),
  /** 1-based. */
  position: z.number().int().min(1),
  count: z.number().int().min(1),
  paused: z.boolean(),
  held: z.boolean(),
});
export type TourView = z.infer<typeof tourViewSchema>;

/** Who put the wall's layout there, for the console ("Giao ban sáng thứ Hai · bước 2/5"). */
export const wallSourceSchema = z.object({
  kind: z.enum(['config', 'preset', 'agenda', 'schedule', 'operator', 'rule']),
  /** The preset, agenda, schedule or rule id. */
  id: idSchema.optional(),
  /** For an agenda: the 0-based step. */
  step: z.number().int().min(0).optional(),
});
export type WallSource = z.infer<typeof wallSourceSchema>;

/** A rule's hold on a wall, shown as a banner on it and on the console. */
export const takeoverViewSchema = z.object({
  id: z.string().min(1).max(200),
  ruleId: idSchema,
  ruleName: z.string().max(80),
  ruleNameEn: z.string().max(80).optional(),
  alertId: idSchema,
  alertText: z.string().max(500),
  alertTextEn: z.string().max(500).optional(),
  severity: severitySchema,
  district: z.string().max(80),
  startedAt: z.iso.datetime({ offset: true }),
  /** When it reverts by itself; null once pinned. */
  revertAt: z.iso.datetime({ offset: true }).nullable(),
  pinned: z.boolean(),
});
export type TakeoverView = z.infer<typeof takeoverViewSchema>;

/**
 * What an operator (or a rule) asked of a map tile: another view than the tile's own, and an alert
 * the map follows until it is cleared or the rule's takeover ends.
 */
export const mapStateSchema = z.object({
  view: mapViewRefSchema.optional(),
  followAlertId: idSchema.optional(),
});
export type MapState = z.infer<typeof mapStateSchema>;

/** The id of the tile that shows a camera put over the whole wall (not on its layout). */
export const FOCUS_TILE_ID = 'wall-focus';

export const wallViewSchema = z.object({
  wall: wallSchema,
  /** The layout with pushed content in place of its tiles'. */
  layout: layoutSchema,
  /** Tiles of `layout` that show pushed content. */
  pushedTileIds: z.array(idSchema).default([]),
  /** A camera shown over the whole wall that is not on the layout (tile id FOCUS_TILE_ID). */
  focus: cameraTileSchema.nullable().default(null),
  /** The tile shown over the whole wall: one of the layout's, or the focus tile. */
  enlargedTileId: idSchema.nullable().default(null),
  takeover: takeoverViewSchema.nullable().default(null),
  /** Every camera tour of the layout, by tile id. */
  tours: z.record(idSchema, tourViewSchema).default({}),
  /** Map tiles of the layout told to show another view or follow an alert, by tile id. */
  maps: z.record(idSchema, mapStateSchema).default({}),
  source: wallSourceSchema.default({ kind: 'config' }),
});
export type WallView = z.infer<typeof wallViewSchema>;
