import type { z } from 'zod';

/**
 * Reading a topic's zod schema as a list of fields, so ingest follows the contract instead of
 * guessing: which CSV columns are numbers, which JSON keys are not fields at all, which strings are
 * times. Only the schema kinds domain.ts uses are understood; anything else counts as "other".
 */
interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  format?: string;
  values?: unknown[];
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'other';

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch']);

function defOf(schema: z.ZodType): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/** The schema under optional/default/… wrappers and pipes: what the value itself must be. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 32; depth += 1) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else break;
  }
  return current;
}

/** The schema of a nested field, e.g. ['location', 'point', 'lat']; undefined when there is none. */
export function fieldSchema(schema: z.ZodType, path: readonly string[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    const shape: Record<string, z.ZodType> | undefined = current ? defOf(unwrap(current)).shape : undefined;
    current = shape && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
  }
  return current;
}

export function fieldKind(schema: z.ZodType): FieldKind {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'string':
    case 'enum':
      return 'string';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'literal': {
      const kinds = new Set((def.values ?? []).map((v) => typeof v));
      return kinds.size === 1 && (kinds.has('string') || kinds.has('number') || kinds.has('boolean')) ? ([...kinds][0] as FieldKind) : 'other';
    }
    default:
      return 'other';
  }
}

/** Whether the field holds an ISO date-time (a department's time of measurement, receipt, …). */
export function isDateTimeField(schema: z.ZodType): boolean {
  const def = defOf(unwrap(schema));
  return def.type === 'string' && def.format === 'datetime';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface FieldVisit {
  path: string[];
  /** undefined: the field is not in the schema. */
  schema: z.ZodType | undefined;
  value: unknown;
}

/**
 * Every field present in `value`, depth first, with its schema. Unknown fields are reported but not
 * entered, so a hostile record cannot make the walk deeper than the schema is.
 */
export function walkFields(schema: z.ZodType, value: unknown, visit: (field: FieldVisit) => void, path: string[] = []): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'object' && def.shape && isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const child = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      const childPath = [...path, key];
      visit({ path: childPath, schema: child, value: value[key] });
      if (child) walkFields(child, value[key], visit, childPath);
    }
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    value.forEach((item, i) => {
      const childPath = [...path, String(i)];
      visit({ path: childPath, schema: element, value: item });
      walkFields(element, item, visit, childPath);
    });
  }
}
