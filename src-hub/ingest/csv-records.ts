import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { topicSpec, type HubTopic } from '../../src-shared/hub-protocol';
import { errorMessage } from '../../src-shared/node/log';
import { fieldKind, fieldSchema, type FieldKind } from './schema-fields';

export type CsvRecords = { ok: true; records: Array<Record<string, unknown>> } | { ok: false; error: string };

interface Column {
  path: string[];
  kind: FieldKind;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false)$/i;

/**
 * A cell as the value its field expects. Only text that is unmistakably a number (or true/false)
 * becomes one; anything else stays text, so the schema reports "expected number" on that field
 * instead of the hub inventing a value.
 */
function cellValue(cell: string, kind: FieldKind): unknown {
  const trimmed = cell.trim();
  if (kind === 'number' && NUMBER.test(trimmed)) return Number(trimmed);
  if (kind === 'boolean' && BOOLEAN.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return cell;
}

function columnsOf(schema: z.ZodType, topic: HubTopic, header: readonly string[]): Column[] | string {
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    if (!name) return `CSV header: column ${i + 1} has no name`;
    if (seen.has(name)) return `CSV header: column "${name}" appears twice`;
    seen.add(name);
    const path = name.split('.');
    const field = path.some((p) => p === '') ? undefined : fieldSchema(schema, path);
    if (!field) return `CSV header: "${name.slice(0, 120)}" is not a field of topic "${topic}"`;
    const kind = fieldKind(field);
    if (kind === 'object' || kind === 'array') return `CSV header: "${name}" is not a single value; name its fields, e.g. "${name}.…"`;
    columns.push({ path, kind });
  }
  return columns;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((segment) => {
    const next = node[segment];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else node = node[segment] = {};
  });
  node[path.at(-1)!] = value;
}

/**
 * Records from a CSV body: a header row of field names (dotted for nested fields, e.g.
 * `location.district`), then one record per row; an empty cell leaves the field out. Header names
 * are checked against the topic's schema, which also keeps keys like `__proto__` out.
 */
export function csvRecords(topic: HubTopic, text: string): CsvRecords {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true });
  } catch (error) {
    return { ok: false, error: `CSV: ${errorMessage(error)}` };
  }
  const [header, ...body] = rows;
  if (!header) return { ok: false, error: 'CSV: no header row' };
  const columns = columnsOf(topicSpec(topic).schema, topic, header);
  if (typeof columns === 'string') return { ok: false, error: columns };
  const records = body.map((row) => {
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = row[i] ?? '';
      if (cell !== '') setPath(record, column.path, cellValue(cell, column.kind));
    });
    return record;
  });
  return { ok: true, records };
}
