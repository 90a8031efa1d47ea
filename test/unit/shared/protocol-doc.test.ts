import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  HUB_CAPABILITIES,
  HUB_TOPIC_NAMES,
  HUB_TOPICS,
  hubAlertAckResultSchema,
  hubAlertAckSchema,
  hubAuthSchema,
  hubClosingSchema,
  hubLiveSchema,
  hubMessageSchema,
  hubReplaySchema,
  hubResyncRequestSchema,
  hubSnapshotChunkHeaderSchema,
  hubSnapshotSchema,
  ingestResultSchema,
  isHubTopic,
  topicSpec,
  type HubTopic,
} from '../../../src-shared/hub-protocol';
import { SNAPSHOT_CHUNK_BYTES } from '../../../src-hub/walls/catch-up';
import { DEFAULT_RESYNC_LIMITS } from '../../../src-hub/walls/resync-limit';

/**
 * docs/protocol.md cannot drift from the code: every example block is marked with
 * `<!-- example: KIND [STATUS] -->` and parsed here with the schema the hub and walls use, every
 * topic has a `hub:message` example, and the topic table states hub-topics.ts's numbers.
 */

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'protocol.md'), 'utf8');

interface Example {
  kind: string;
  status: number | undefined;
  lang: string;
  body: string;
  line: number;
}

const lineOf = (index: number): number => DOC.slice(0, index).split('\n').length;

/** Every fenced block, with the example marker right above it (if any). */
function blocks(): Array<Example & { marked: boolean }> {
  const found: Array<Example & { marked: boolean }> = [];
  const fence = /(?:<!--\s*example:\s*([^\s>]+)(?:\s+(\d{3}))?\s*-->\s*\n)?```(\w*)\n([\s\S]*?)\n```/g;
  for (const match of DOC.matchAll(fence)) {
    found.push({ kind: match[1] ?? '', status: match[2] ? Number(match[2]) : undefined, lang: match[3] ?? '', body: match[4] ?? '', line: lineOf(match.index), marked: match[1] !== undefined });
  }
  return found;
}

const examples = blocks().filter((b) => b.marked);

/** The error answers of the ingest API: `{ error }` plus details. */
const ingestErrorSchema = z.looseObject({ error: z.string().min(1) });

const SCHEMAS: Record<string, z.ZodType> = {
  'hub:message': hubMessageSchema,
  'hub:snapshot': hubSnapshotSchema,
  'hub:replay': hubReplaySchema,
  'hub:live': hubLiveSchema,
  'hub:auth': hubAuthSchema,
  'hub:resync': hubResyncRequestSchema,
  'hub:snapshot-chunk-header': hubSnapshotChunkHeaderSchema,
  'hub:closing': hubClosingSchema,
  'hub:acknowledge-alert': hubAlertAckSchema,
  'hub:acknowledge-alert-result': hubAlertAckResultSchema,
  'ingest-result': ingestResultSchema,
  'ingest-error': ingestErrorSchema,
};

function schemaFor(kind: string): z.ZodType {
  const [base, topic] = kind.split(':') as [string, string | undefined];
  if ((base === 'ingest-body' || base === 'ingest-csv') && isHubTopic(topic)) return topicSpec(topic).schema;
  const schema = SCHEMAS[kind];
  if (!schema) throw new Error(`docs/protocol.md: unknown example kind "${kind}"`);
  return schema;
}

/** The records of a JSON ingest body: an array, or `{ records: [...] }`. */
function bodyRecords(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  return z.object({ records: z.array(z.unknown()).min(1) }).parse(json).records;
}

/** A CSV body read by the documented rules: dotted names nest, empty cells are absent, numbers are numbers. */
function csvRecords(text: string): Array<Record<string, unknown>> {
  const [header, ...rows] = parse(text) as string[][];
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    header!.forEach((name, i) => {
      const cell = row[i] ?? '';
      if (cell === '') return;
      const path = name.split('.');
      let node = record;
      path.slice(0, -1).forEach((part) => (node = (node[part] ??= {}) as Record<string, unknown>));
      node[path.at(-1)!] = /^[+-]?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    });
    return record;
  });
}

function check(schema: z.ZodType, value: unknown, where: string): void {
  const result = schema.safeParse(value);
  expect(result.success, `${where}: ${result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))}`).toBe(true);
}

describe('docs/protocol.md', () => {
  it('marks every JSON block as an example, so none escapes these checks', () => {
    const unmarked = blocks().filter((b) => b.lang === 'json' && !b.marked);
    expect(unmarked.map((b) => `line ${b.line}`)).toEqual([]);
    expect(examples.length).toBeGreaterThan(20);
  });

  it('has examples that the shared schemas accept', () => {
    for (const example of examples) {
      const where = `docs/protocol.md line ${example.line} (${example.kind})`;
      const schema = schemaFor(example.kind);
      if (example.kind.startsWith('ingest-csv:')) {
        expect(example.lang, where).toBe('csv');
        const records = csvRecords(example.body);
        expect(records.length, where).toBeGreaterThan(0);
        records.forEach((record, i) => check(z.strictObject((schema as z.ZodObject).shape), record, `${where} row ${i}`));
        continue;
      }
      expect(example.lang, where).toBe('json');
      const json: unknown = JSON.parse(example.body);
      if (example.kind.startsWith('ingest-body:')) bodyRecords(json).forEach((record, i) => check(schema, record, `${where} record ${i}`));
      else check(schema, json, where);
    }
  });

  it('shows a hub:message for every topic, and every wall event', () => {
    const messageTopics = examples.filter((e) => e.kind === 'hub:message').map((e) => hubMessageSchema.parse(JSON.parse(e.body)).topic);
    expect([...new Set(messageTopics)].sort()).toEqual([...HUB_TOPIC_NAMES].sort());
    const kinds = new Set(examples.map((e) => e.kind));
    for (const kind of ['hub:snapshot', 'hub:snapshot-chunk-header', 'hub:replay', 'hub:live', 'hub:auth', 'hub:resync', 'hub:acknowledge-alert', 'hub:closing']) expect(kinds, kind).toContain(kind);
  });

  it("states the hub's limits on catch-ups as the hub has them", () => {
    const { burst, perSecond, floodLimit, floodWindowMs } = DEFAULT_RESYNC_LIMITS;
    expect(DOC).toContain(`${burst} catch-ups back to back per connection, then ${perSecond} per second`);
    expect(DOC).toContain(`more than ${floodLimit} resyncs over that rate within ${floodWindowMs / 1000} s`);
    expect(DOC).toContain(`chunk\` events of at most ${SNAPSHOT_CHUNK_BYTES / 1024} KB`);
  });

  it('names the capabilities a wall may announce as the code does', () => {
    const auth = hubAuthSchema.parse(JSON.parse(examples.find((e) => e.kind === 'hub:auth')!.body));
    expect(auth.capabilities).toEqual(Object.values(HUB_CAPABILITIES));
    for (const name of Object.values(HUB_CAPABILITIES)) expect(DOC).toContain(`\`${name}\``);
  });

  it('shows both answers to an acknowledgement, and the acknowledged alert walls receive', () => {
    const results = examples.filter((e) => e.kind === 'hub:acknowledge-alert-result').map((e) => hubAlertAckResultSchema.parse(JSON.parse(e.body)));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const alerts = examples.filter((e) => e.kind === 'hub:message').map((e) => hubMessageSchema.parse(JSON.parse(e.body)));
    const acknowledged = alerts.find((m) => m.topic === 'alert' && m.payload.status === 'acknowledged' && m.payload.acknowledged);
    expect(acknowledged, 'an acknowledged alert example').toBeDefined();
    const request = hubAlertAckSchema.parse(JSON.parse(examples.find((e) => e.kind === 'hub:acknowledge-alert')!.body));
    expect(acknowledged!.payload).toMatchObject({ id: request.alertId, acknowledged: { by: request.by, at: request.time } });
    const ok = results.flatMap((r) => (r.ok ? [r.seq] : []));
    expect([acknowledged!.seq], 'the ok answer names the seq walls receive').toEqual(ok);
  });

  it('shows each ingest answer with the status it goes with', () => {
    const results = examples.filter((e) => e.kind === 'ingest-result');
    expect(results.map((e) => e.status).sort()).toEqual([200, 422]);
    for (const example of results) {
      const result = ingestResultSchema.parse(JSON.parse(example.body));
      expect(result.rejected.length > 0, `line ${example.line}`).toBe(example.status === 422);
      expect(result.accepted.some((a) => a.duplicate) || example.status === 200).toBe(true);
    }
    const errors = examples.filter((e) => e.kind === 'ingest-error').map((e) => e.status);
    expect(errors.sort()).toEqual([400, 401, 403, 404, 413, 415, 429]);
    for (const status of [200, 400, 401, 403, 404, 405, 408, 413, 415, 422, 429, 500, 503]) expect(DOC, `status ${status}`).toMatch(new RegExp(`\\*\\*${status}\\*\\*|\\| ${status} \\|`));
    const notFound = examples.find((e) => e.kind === 'ingest-error' && e.status === 404)!;
    expect((JSON.parse(notFound.body) as { topics: string[] }).topics).toEqual(HUB_TOPIC_NAMES);
  });

  it('says text is stored in NFC, and every example is', () => {
    expect(DOC).toMatch(/\*\*Text is stored in Unicode NFC\.\*\*/);
    for (const example of examples) expect(example.body, `docs/protocol.md line ${example.line}`).toBe(example.body.normalize('NFC'));
  });

  it("states each topic's retention and stale threshold as hub-topics.ts has them", () => {
    const table = DOC.slice(DOC.indexOf('<!-- topic-table -->')).split('\n\n')[0]!;
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const documented = new Map(
      rows.map((row) => {
        const cells = row.split('|').map((c) => c.trim());
        const topic = cells[1]!.replaceAll('`', '') as HubTopic;
        const number = (cell: string): number => Number(/\d+/.exec(cell)?.[0]);
        return [topic, { historyLimit: number(cells[4]!), keyLimit: number(cells[5]!), staleAfterSeconds: number(cells[6]!) }];
      }),
    );
    expect([...documented.keys()]).toEqual(HUB_TOPIC_NAMES);
    for (const topic of HUB_TOPIC_NAMES) {
      const { historyLimit, keyLimit, staleAfterSeconds } = HUB_TOPICS[topic];
      expect(documented.get(topic), topic).toEqual({ historyLimit, keyLimit, staleAfterSeconds });
    }
  });

  it("documents every field of every topic's payload", () => {
    // Split at headings: each "### " section of §2 holds one topic's field table.
    const sections = DOC.split(/\n(?=#{2,3} )/);
    for (const topic of HUB_TOPIC_NAMES) {
      const section = sections.find((text) => text.startsWith(`### `) && text.split('\n')[0]!.includes(`\`${topic}\``));
      expect(section, `section for ${topic}`).toBeDefined();
      const named = new Set([...section!.matchAll(/^\| `([A-Za-z0-9]+)/gm)].map((m) => m[1]));
      const fields = Object.keys((topicSpec(topic).schema as z.ZodObject).shape);
      expect(fields.filter((f) => !named.has(f)), `undocumented fields of ${topic}`).toEqual([]);
      expect([...named].filter((f) => !fields.includes(f!)), `documented fields ${topic} does not have`).toEqual([]);
    }
  });
});
