import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { errorMessage } from '../../src-shared/node/log';

/**
 * A deployment's administrative units (`map.unitsFile`): a GeoJSON FeatureCollection of wards,
 * communes and special zones, each named as the data names it. Since 1 July 2025 the units change
 * by decree, so they are data the deployment supplies, never code. Checked once at start; a file
 * with any bad feature is refused whole, naming the feature, so a wall never shows half the units.
 */

/** Far more than any province's wards as detailed polygons; stops a wrong file from filling memory. */
export const UNITS_FILE_MAX_BYTES = 20 * 1024 * 1024;

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
/** [longitude, latitude], optionally an altitude after them. */
const position = z.tuple([longitude, latitude], z.number());
const ring = z
  .array(position)
  .min(4)
  .refine((points) => {
    const [first, last] = [points[0], points.at(-1)];
    return !first || !last || (first[0] === last[0] && first[1] === last[1]);
  }, 'ring is not closed (its last position must repeat its first)');
const polygonRings = z.array(ring).min(1);

const geometry = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('Polygon'), coordinates: polygonRings }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonRings).min(1) }),
    z.object({ type: z.literal('Point'), coordinates: position }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `geometry type ${JSON.stringify((issue.input as { type?: unknown } | undefined)?.type)} is not allowed: a unit is a Polygon, MultiPolygon or Point` : undefined,
  },
);

const name = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => value.trim() === value, 'name has spaces at its start or end');

const feature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  // Other properties (codes, populations) are the deployment's and are served as they are.
  properties: z.looseObject({ name }),
  geometry,
});

const collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(feature).min(1).max(10_000),
});

export type UnitsCollection = z.infer<typeof collection>;
export type UnitFeature = UnitsCollection['features'][number];

export type LoadedUnits = { ok: true; units: UnitsCollection } | { ok: false; reason: string };

/** Where an issue is, said the way an operator finds it in the file: the feature's index and name. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [first, index, ...rest] = issue.path;
  if (first !== 'features' || typeof index !== 'number') {
    const field = issue.path.map(String).join('.');
    return `${field ? `field "${field}": ` : ''}${issue.message}`;
  }
  const rawName = (raw as { features?: Array<{ properties?: { name?: unknown } } | null> }).features?.[index]?.properties?.name;
  const named = typeof rawName === 'string' ? ` (${JSON.stringify(rawName.slice(0, 80))})` : '';
  const field = rest.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
  return `feature ${index}${named}${field ? `, field "${field}"` : ''}: ${issue.message}`;
}

/** Checks a parsed document; names are NFC from here on, so "Phường" typed either way is one unit. */
export function parseUnits(raw: unknown): LoadedUnits {
  const parsed = collection.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, 3).map((issue) => describeIssue(issue, raw));
    return { ok: false, reason: shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '') };
  }
  const seen = new Map<string, number>();
  const features: UnitFeature[] = [];
  for (const [index, unit] of parsed.data.features.entries()) {
    const normal = unit.properties.name.normalize('NFC');
    const earlier = seen.get(normal);
    if (earlier !== undefined) return { ok: false, reason: `feature ${index} (${JSON.stringify(normal)}), field "properties.name": the same name as feature ${earlier}; each unit must have its own name` };
    seen.set(normal, index);
    features.push({ ...unit, properties: { ...unit.properties, name: normal } });
  }
  return { ok: true, units: { type: 'FeatureCollection', features } };
}

/** Reads and checks the file. Never throws: a bad file is a reason for the config errors. */
export function loadUnitsFile(file: string): LoadedUnits {
  let text: string;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, reason: 'it is not a file' };
    if (stat.size > UNITS_FILE_MAX_BYTES) return { ok: false, reason: `it is ${(stat.size / 1024 / 1024).toFixed(1)} MB; at most ${UNITS_FILE_MAX_BYTES / 1024 / 1024} MB (simplify the shapes)` };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no such file' : `cannot read it: ${errorMessage(error)}` };
  }
  let raw: unknown;
  try {
    // Tools on Windows often start UTF-8 files with a byte-order mark, which JSON does not allow.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON: ${errorMessage(error)}` };
  }
  return parseUnits(raw);
}

/** Whether a unit is drawn as an area or marked as a point (its seat). */
export const isPointUnit = (unit: UnitFeature): boolean => unit.geometry.type === 'Point';
