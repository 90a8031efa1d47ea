import { z } from 'zod';
import { mapLayerSchema, mapViewRefSchema } from './map';
import { subsystemIdSchema } from './subsystems';

/**
 * Domain types shared by the host (main / browser-mode server), the hub and the renderer.
 * Each type is a zod schema first, so every boundary parses with the same rules it is typed by.
 */

export const languageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (max 64)');

/**
 * The optional English form of a name or text written in Vietnamese: shown when the UI is in
 * English, the Vietnamese one otherwise (src-shared/bilingual.ts). Same limits as the Vietnamese.
 */
export const englishText = (max: number) => z.string().min(1).max(max).optional();

/** A place on the wall grid, 1-based like CSS grid lines so layouts read the way they render. */
export const gridAreaSchema = z.object({
  col: z.number().int().min(1),
  row: z.number().int().min(1),
  colSpan: z.number().int().min(1).default(1),
  rowSpan: z.number().int().min(1).default(1),
});
export type GridArea = z.infer<typeof gridAreaSchema>;

export const TILE_KINDS = ['camera', 'camera-tour', 'kpi', 'ticker', 'text', 'map'] as const;
export const tileKindSchema = z.enum(TILE_KINDS);
export type TileKind = z.infer<typeof tileKindSchema>;

const tileBase = { id: idSchema, area: gridAreaSchema };

export const cameraTileSchema = z.object({ ...tileBase, kind: z.literal('camera'), cameraId: idSchema });
/** A tile that cycles through cameras, e.g. the district's crossroads, one every `dwellSeconds`. */
export const cameraTourTileSchema = z.object({
  ...tileBase,
  kind: z.literal('camera-tour'),
  title: z.string().max(80).optional(),
  titleEn: englishText(80),
  cameraIds: z.array(idSchema).min(2).max(64),
  dwellSeconds: z.number().int().min(3).max(3600).default(20),
  /** An open alert naming one of the tour's cameras holds the tour on that camera until it closes. */
  pauseOnAlert: z.boolean().default(true),
});
export const kpiTileSchema = z.object({
  ...tileBase,
  kind: z.literal('kpi'),
  kpiId: idSchema,
  /** Shows one district's series of a KPI measured per district; absent: the province-wide series. */
  district: z.string().min(1).max(80).optional(),
  chart: z.enum(['line', 'gauge']).default('line'),
});
export const tickerTileSchema = z.object({ ...tileBase, kind: z.literal('ticker'), title: z.string().max(80).optional(), titleEn: englishText(80) });
export const textTileSchema = z.object({
  ...tileBase,
  kind: z.literal('text'),
  title: z.string().max(80).optional(),
  titleEn: englishText(80),
  text: z.string().max(2000),
  textEn: englishText(2000),
});

export const severitySchema = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof severitySchema>;
/** Severities in order, for "at least warning" and "most severe first". */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, critical: 2 };
/**
 * A map of the province with live layers (src-renderer/tiles/map). `units` names the KPI drawn
 * per unit (its `kpiId@unit` series); `follow` flies the map to each new alert at or above
 * `minSeverity` and back home after `returnAfterSeconds` or when the alert is acknowledged.
 */
/** The map tile's fields; `mapTileSchema` adds the checks across fields (zod cannot pick from a refined object). */
export const mapTileObjectSchema = z
  .object({
    ...tileBase,
    kind: z.literal('map'),
    title: z.string().max(80).optional(),
    titleEn: englishText(80),
    view: mapViewRefSchema.default('province'),
    layers: z.array(mapLayerSchema).max(5).default(['cameras', 'alerts', 'reports', 'stations']),
    units: z.object({ kpiId: idSchema }).strict().optional(),
    follow: z
      .object({
        minSeverity: severitySchema.default('critical'),
        returnAfterSeconds: z.number().int().min(5).max(3600).default(30),
      })
      .strict()
      .optional(),
  })
  .strict();
export const mapTileSchema = mapTileObjectSchema.superRefine((tile, ctx) => {
    if (new Set(tile.layers).size !== tile.layers.length) ctx.addIssue({ code: 'custom', path: ['layers'], message: 'a layer is named twice' });
    if (tile.layers.includes('units') && !tile.units) ctx.addIssue({ code: 'custom', path: ['units'], message: 'the "units" layer needs units.kpiId: the KPI drawn per unit' });
  });

export const tileSchema = z.discriminatedUnion('kind', [cameraTileSchema, cameraTourTileSchema, kpiTileSchema, tickerTileSchema, textTileSchema, mapTileSchema]);
export type Tile = z.infer<typeof tileSchema>;
export type CameraTile = z.infer<typeof cameraTileSchema>;
export type CameraTourTile = z.infer<typeof cameraTourTileSchema>;
export type KpiTile = z.infer<typeof kpiTileSchema>;
export type TickerTile = z.infer<typeof tickerTileSchema>;
export type TextTile = z.infer<typeof textTileSchema>;
export type MapTile = z.infer<typeof mapTileSchema>;

function overlaps(a: GridArea, b: GridArea): boolean {
  return a.col < b.col + b.colSpan && b.col < a.col + a.colSpan && a.row < b.row + b.rowSpan && b.row < a.row + a.rowSpan;
}

/** A grid of tiles. Tiles must fit the grid and must not overlap: a hidden tile is a silent bug. */
export const layoutSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(80),
    nameEn: englishText(80),
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
 * Where a wall (or the console) should go on first sight of the displays. Any of:
 * - `displayId`: Electron's id, exact while that display is plugged in;
 * - `name`: the monitor's name as the OS reports it (Electron's `display.label`, the EDID name
 *   where the OS gives one, e.g. "DELL P2419H"); a wall pinned by name waits until such a display
 *   is there;
 * - `index`: a position in reading order (left to right, then top to bottom, from 0).
 * A pin is only the initial choice: once a wall is on a display, the host holds on to that
 * display's identity (id, else name and position after a replug), so a monitor switched off or
 * asleep leaves its wall waiting instead of shifting the other walls along, and gets it back.
 */
export const displayPinSchema = z.object({
  index: z.number().int().min(0).optional(),
  displayId: z.number().int().optional(),
  name: z.string().min(1).max(120).optional(),
});
export type DisplayPin = z.infer<typeof displayPinSchema>;

export const wallSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  nameEn: englishText(80),
  layoutId: idSchema,
  display: displayPinSchema.optional(),
});
export type Wall = z.infer<typeof wallSchema>;

/** A layout per wall for one briefing meeting, e.g. "Giao ban sáng thứ Hai". */
export const presetSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(80),
  nameEn: englishText(80),
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
  /**
   * Full-resolution stream for enlarged tiles; falls back to subUrl. Either may be a multi-variant
   * playlist: the player caps its level to the tile's size.
   */
  mainUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** A JPEG or PNG still of the camera, shown before the first frame and on tiles over the decode budget. */
  stillUrl: z.url({ protocol: /^https?$/ }).optional(),
  status: z.enum(['online', 'offline']).default('online'),
});
export type Camera = z.infer<typeof cameraSchema>;

/** What a KPI stream measures; sent once per connection so tiles can label values. */
export const kpiDefinitionSchema = z.object({
  id: idSchema,
  subsystem: subsystemIdSchema,
  vi: z.string().min(1).max(120),
  en: z.string().min(1).max(120),
  /** Short names for small tiles ("Hồ sơ đúng hạn"), used where the full name does not fit. */
  shortVi: z.string().min(1).max(40).optional(),
  shortEn: englishText(40),
  unit: z.string().max(24),
  /** The unit in English ("dossiers" for "hồ sơ"); absent where the unit reads the same ("%", "µg/m³"). */
  unitEn: z.string().max(24).optional(),
  decimals: z.number().int().min(0).max(4).default(0),
  target: z.number().finite().optional(),
  /** Whether a higher value is good, so a tile can colour the value against the target. */
  higherIsBetter: z.boolean().default(true),
  /** Overrides the kpi topic's stale threshold, e.g. for a monthly indicator. */
  staleAfterSeconds: z.number().int().min(1).max(400 * 86_400).optional(),
});
export type KpiDefinition = z.infer<typeof kpiDefinitionSchema>;

/** Where something happened: the district always, an address and a map point when known. */
export const locationSchema = z.object({
  district: z.string().min(1).max(80),
  address: z.string().max(200).optional(),
  point: geoPointSchema.optional(),
});
export type Location = z.infer<typeof locationSchema>;

const isoTime = z.iso.datetime({ offset: true });

/** One measured value of a KPI. A KPI measured per district sends one point per district. */
export const kpiPointSchema = z.object({
  kpiId: idSchema,
  subsystem: subsystemIdSchema,
  value: z.number().finite(),
  unit: z.string().max(24),
  target: z.number().finite().optional(),
  /** ISO-8601 time the department measured the value (not when the wall received it). */
  time: isoTime,
  district: z.string().min(1).max(80).optional(),
});
export type KpiPoint = z.infer<typeof kpiPointSchema>;

/**
 * The state key of a KPI series: the province-wide series has no district part. The district is
 * compared in NFC: the hub stores records in NFC, and a layout's tile may name its district as its
 * author's keyboard typed it.
 */
export function kpiKey(kpiId: string, district?: string): string {
  return district ? `${kpiId}@${district.normalize('NFC')}` : kpiId;
}


/** An incident or alert raised by a subsystem; a later record with the same id updates its status. */
export const alertSchema = z.object({
  id: idSchema,
  time: isoTime,
  severity: severitySchema,
  subsystem: subsystemIdSchema,
  /** Short machine category, e.g. "ngap-nuoc", "un-tac-giao-thong", "aqi-vuot-nguong". */
  category: idSchema,
  text: z.string().min(1).max(500),
  /** The text in English, for an English UI; the wall shows `text` where it is absent. */
  textEn: englishText(500),
  location: locationSchema,
  /** The camera that watches the incident, if any: camera tours stop on it while the alert is open. */
  cameraId: idSchema.optional(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  /** Who took the alert at the IOC, and when: set by the hub from an operator's acknowledgement. */
  acknowledged: z.object({ by: z.string().min(1).max(120), at: isoTime }).optional(),
});
export type Alert = z.infer<typeof alertSchema>;
/** One line of the alert ticker: an alert as the ticker shows it. */
export type FeedItem = Alert;

/** A citizen report (phản ánh kiến nghị) and where it stands. */
export const citizenReportSchema = z
  .object({
    id: idSchema,
    category: idSchema,
    title: z.string().min(1).max(300),
    location: locationSchema,
    channel: z.enum(['hotline', 'app', 'web', 'zalo', 'email', 'direct']),
    status: z.enum(['received', 'processing', 'resolved', 'rejected']),
    receivedAt: isoTime,
    resolvedAt: isoTime.optional(),
  })
  .superRefine((report, ctx) => {
    if (report.status === 'resolved' && !report.resolvedAt) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'a resolved report needs resolvedAt' });
    }
    if (report.resolvedAt && Date.parse(report.resolvedAt) < Date.parse(report.receivedAt)) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolvedAt is before receivedAt' });
    }
  });
export type CitizenReport = z.infer<typeof citizenReportSchema>;

/** One reading of an environment monitoring station; each measure is optional, at least one is sent. */
export const environmentReadingSchema = z
  .object({
    stationId: idSchema,
    stationName: z.string().min(1).max(120),
    /** The station's name in English, for an English UI; `stationName` where absent. */
    stationNameEn: englishText(120),
    district: z.string().min(1).max(80),
    /** Where the station stands, for the map's station layer. */
    point: geoPointSchema.optional(),
    time: isoTime,
    aqi: z.number().int().min(0).max(999).optional(),
    /** µg/m³ */
    pm25: z.number().min(0).max(2000).optional(),
    /** Water level in centimetres above the station's datum. */
    waterLevelCm: z.number().min(-1000).max(5000).optional(),
  })
  .refine((r) => r.aqi !== undefined || r.pm25 !== undefined || r.waterLevelCm !== undefined, {
    message: 'a reading needs at least one of aqi, pm25, waterLevelCm',
  });
export type EnvironmentReading = z.infer<typeof environmentReadingSchema>;

/** An information-security event seen by the province's SOC. */
export const securityEventSchema = z.object({
  id: idSchema,
  time: isoTime,
  severity: severitySchema,
  kind: z.enum(['malware', 'ddos', 'intrusion', 'phishing', 'scan', 'defacement', 'data-leak', 'other']),
  /** The province system that was targeted, e.g. "Cổng dịch vụ công". */
  target: z.string().min(1).max(200),
  source: z.string().max(200).optional(),
  status: z.enum(['detected', 'blocked', 'resolved']),
});
export type SecurityEvent = z.infer<typeof securityEventSchema>;

/** A social-media mention about the province, with its sentiment. */
export const socialMentionSchema = z.object({
  id: idSchema,
  time: isoTime,
  platform: z.enum(['facebook', 'zalo', 'youtube', 'tiktok', 'news', 'forum', 'other']),
  text: z.string().min(1).max(1000),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  /** -1 (most negative) … 1 (most positive), when the classifier gives one. */
  score: z.number().min(-1).max(1).optional(),
  topic: z.string().max(120).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  district: z.string().min(1).max(80).optional(),
});
export type SocialMention = z.infer<typeof socialMentionSchema>;

/** Public-administration dossier counts (hồ sơ TTHC) of one unit for one day. */
export const dossierCountsSchema = z
  .object({
    unitId: idSchema,
    unitName: z.string().min(1).max(160),
    /** The day counted, YYYY-MM-DD (local date). */
    date: z.iso.date(),
    received: z.number().int().min(0),
    resolved: z.number().int().min(0),
    onTime: z.number().int().min(0),
    overdue: z.number().int().min(0),
    time: isoTime,
  })
  .superRefine((c, ctx) => {
    if (c.onTime > c.resolved) ctx.addIssue({ code: 'custom', path: ['onTime'], message: 'onTime exceeds resolved' });
  });
export type DossierCounts = z.infer<typeof dossierCountsSchema>;
