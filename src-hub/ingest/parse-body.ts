import type { HubTopic } from '../../src-shared/hub-protocol';
import { errorMessage } from '../../src-shared/node/log';
import { csvRecords } from './csv-records';
import { jsonErrorOffset } from './json-error-offset';

export type BodyFormat = 'json' | 'csv';
export type ParsedBody = { ok: true; records: unknown[] } | { ok: false; error: string };

/** The body format a Content-Type names, or undefined for one the hub does not take. */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  if (media === 'application/json') return 'json';
  if (media === 'text/csv') return 'csv';
  return undefined;
}

/** The parser's message with the line and column of the fault, for a department reading its own file. */
function withLineAndColumn(message: string, text: string): string {
  if (/line \d+/.test(message)) return message;
  const before = text.slice(0, jsonErrorOffset(text));
  const line = before.split('\n').length;
  return `${message} (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

function jsonRecords(text: string): ParsedBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `body is not valid JSON: ${withLineAndColumn(errorMessage(error), text)}` };
  }
  if (Array.isArray(body)) return { ok: true, records: body };
  if (typeof body === 'object' && body !== null && Array.isArray((body as { records?: unknown }).records)) {
    return { ok: true, records: (body as { records: unknown[] }).records };
  }
  return { ok: false, error: 'body must be a JSON array of records or an object { "records": [...] }' };
}

/** The records of an ingest body, or why there are none; records are not yet validated. */
export function parseBody(topic: HubTopic, format: BodyFormat, body: Buffer): ParsedBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, error: 'body is not valid UTF-8' };
  }
  const parsed = format === 'json' ? jsonRecords(text) : csvRecords(topic, text);
  if (!parsed.ok) return parsed;
  if (parsed.records.length === 0) return { ok: false, error: 'body holds no records' };
  return parsed;
}
