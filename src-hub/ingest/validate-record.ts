import type { z } from 'zod';
import { topicSpec, type HubTopic } from '../../src-shared/hub-protocol';
import { toNfc } from './nfc';
import { isDateTimeField, walkFields } from './schema-fields';

export interface IngestIssue {
  field: string;
  message: string;
}

export type RecordCheck = { ok: true; payload: unknown } | { ok: false; issues: IngestIssue[] };

/** How far ahead of the hub's clock a department's time may be: clock skew, not the future. */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Issues reported per record: enough to fix it, bounded so a junk batch gives a bounded answer. */
const MAX_ISSUES = 20;
const MAX_FIELD_CHARS = 120;
/** The field name of an issue about the record as a whole. */
export const WHOLE_RECORD = '(record)';

function fieldName(path: readonly PropertyKey[]): string {
  const name = path.map(String).join('.');
  if (!name) return WHOLE_RECORD;
  return name.length > MAX_FIELD_CHARS ? `${name.slice(0, MAX_FIELD_CHARS)}…` : name;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * Checks one ingested record against its topic: the topic's zod schema, no fields the schema does
 * not have (a misspelt column would otherwise vanish silently), and no time more than five minutes
 * ahead of the hub's clock. Returns the parsed payload (defaults filled in, every string in NFC) or
 * every problem found.
 */
export function validateRecord(topic: HubTopic, given: unknown, now: number): RecordCheck {
  // Normalised before anything else, so length limits, keys and duplicates all see the NFC text.
  const record = toNfc(given);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, issues: [{ field: WHOLE_RECORD, message: `expected an object, got ${describe(record)}` }] };
  }
  const schema: z.ZodType = topicSpec(topic).schema;
  const issues: IngestIssue[] = [];
  walkFields(schema, record, ({ path, schema: field }) => {
    if (!field) issues.push({ field: fieldName(path), message: `unknown field for topic "${topic}"` });
  });
  const parsed = schema.safeParse(record);
  if (!parsed.success) {
    parsed.error.issues.forEach((issue) => issues.push({ field: fieldName(issue.path), message: issue.message }));
  } else {
    walkFields(schema, parsed.data, ({ path, schema: field, value }) => {
      if (field && isDateTimeField(field) && typeof value === 'string' && Date.parse(value) > now + MAX_FUTURE_MS) {
        issues.push({ field: fieldName(path), message: `${value} is more than 5 minutes in the future` });
      }
    });
  }
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES) };
  return { ok: true, payload: parsed.data };
}
