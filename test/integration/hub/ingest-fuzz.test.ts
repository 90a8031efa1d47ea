import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_TOPIC_NAMES, type HubTopic } from '../../../src-shared/hub-protocol';
import { seededRandom, pick, type Random } from '../../../src-hub/demo/random';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startTestHub, tempDir, TEST_DEPARTMENTS, validRecord, type TestHub } from '../../helpers/hub-fixtures';

/**
 * 10,000 records that are each guaranteed invalid — a valid record with one mutation drawn from a
 * table of what each topic's schema forbids — plus malformed bodies. The hub must answer every one
 * with a reason, store none, stay up and leave its state exactly as it was.
 */

interface TopicFields {
  /** Required fields and the JSON type each must have. */
  required: Record<string, 'string' | 'number' | 'object'>;
  /** Strings with a maximum length. */
  maxLength: Record<string, number>;
  /** Numbers with bounds; `int` when a fraction is invalid too. */
  ranges: Record<string, { min?: number; max?: number; int?: boolean }>;
  enums: string[];
  dateTimes: string[];
}

const ID = 64;
const POINT = { 'location.point.lat': { min: -90, max: 90 }, 'location.point.lng': { min: -180, max: 180 } };
const FIELDS: Record<HubTopic, TopicFields> = {
  kpi: {
    required: { kpiId: 'string', subsystem: 'string', value: 'number', unit: 'string', time: 'string' },
    maxLength: { kpiId: ID, unit: 24, district: 80 },
    ranges: {},
    enums: ['subsystem'],
    dateTimes: ['time'],
  },
  'kpi-definition': {
    required: { id: 'string', subsystem: 'string', vi: 'string', en: 'string', unit: 'string' },
    maxLength: { id: ID, vi: 120, en: 120, unit: 24 },
    ranges: { decimals: { min: 0, max: 4, int: true }, staleAfterSeconds: { min: 1, max: 400 * 86_400, int: true } },
    enums: ['subsystem'],
    dateTimes: [],
  },
  alert: {
    required: { id: 'string', time: 'string', severity: 'string', subsystem: 'string', category: 'string', text: 'string', location: 'object', status: 'string' },
    maxLength: { id: ID, category: ID, text: 500, 'location.district': 80 },
    ranges: POINT,
    enums: ['severity', 'subsystem', 'status'],
    dateTimes: ['time'],
  },
  'citizen-report': {
    required: { id: 'string', category: 'string', title: 'string', location: 'object', channel: 'string', status: 'string', receivedAt: 'string' },
    maxLength: { id: ID, title: 300, 'location.district': 80, 'location.address': 200 },
    ranges: POINT,
    enums: ['channel', 'status'],
    dateTimes: ['receivedAt', 'resolvedAt'],
  },
  camera: {
    required: { id: 'string', name: 'string', subUrl: 'string' },
    maxLength: { id: ID, name: 120, district: 80 },
    ranges: { 'location.lat': { min: -90, max: 90 }, 'location.lng': { min: -180, max: 180 } },
    enums: ['status'],
    dateTimes: [],
  },
  environment: {
    required: { stationId: 'string', stationName: 'string', district: 'string', time: 'string' },
    maxLength: { stationId: ID, stationName: 120, district: 80 },
    ranges: { aqi: { min: 0, max: 999, int: true }, pm25: { min: 0, max: 2000 }, waterLevelCm: { min: -1000, max: 5000 } },
    enums: [],
    dateTimes: ['time'],
  },
  'security-event': {
    required: { id: 'string', time: 'string', severity: 'string', kind: 'string', target: 'string', status: 'string' },
    maxLength: { id: ID, target: 200, source: 200 },
    ranges: {},
    enums: ['severity', 'kind', 'status'],
    dateTimes: ['time'],
  },
  'social-mention': {
    required: { id: 'string', time: 'string', platform: 'string', text: 'string', sentiment: 'string' },
    maxLength: { id: ID, text: 1000, topic: 120, district: 80 },
    ranges: { score: { min: -1, max: 1 } },
    enums: ['platform', 'sentiment'],
    dateTimes: ['time'],
  },
  'dossier-counts': {
    required: { unitId: 'string', unitName: 'string', date: 'string', received: 'number', resolved: 'number', onTime: 'number', overdue: 'number', time: 'string' },
    maxLength: { unitId: ID, unitName: 160 },
    ranges: { received: { min: 0, int: true }, resolved: { min: 0, int: true }, onTime: { min: 0, int: true }, overdue: { min: 0, int: true } },
    enums: [],
    dateTimes: ['time'],
  },
};

type Json = Record<string, unknown>;

function setPath(record: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = record;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null || Array.isArray(node[part])) node[part] = {};
    node = node[part] as Json;
  }
  node[parts.at(-1)!] = value;
}

const WRONG_FOR: Record<'string' | 'number' | 'object', unknown[]> = {
  string: [42, -1.5, true, false, {}, { text: 'x' }, [], ['a'], null],
  number: ['12', 'mười hai', '', true, {}, [], [1], null],
  object: ['TP. Vũng Tàu', 7, true, [], [{ district: 'x' }], null],
};
const BAD_DATE_TIMES = ['2026-13-45T99:00:00Z', 'yesterday', '2026-11-23', '2026-11-23 08:00', '23/11/2026 08:00', '', 1_700_000_000_000, '2026-11-23T25:00:00+07:00'];
const BAD_ENUMS = ['catastrophic', 'UNKNOWN', '', ' open', 'Open', 'null', '0', 'weather'];

type Mutation = (record: Json, fields: TopicFields, random: Random) => Json | unknown;

const MUTATIONS: Record<string, Mutation> = {
  wrongType: (r, f, random) => {
    const [field, type] = pick(Object.entries(f.required), random);
    setPath(r, field, pick(WRONG_FOR[type], random));
    return r;
  },
  missing: (r, f, random) => {
    delete r[pick(Object.keys(f.required), random)];
    return r;
  },
  outOfRange: (r, f, random) => {
    const entries = Object.entries(f.ranges);
    if (entries.length === 0) return MUTATIONS.wrongType!(r, f, random);
    const [field, range] = pick(entries, random);
    const options = [
      ...(range.min !== undefined ? [range.min - 1 - Math.floor(random() * 1000)] : []),
      ...(range.max !== undefined ? [range.max + 1 + Math.floor(random() * 1e6)] : []),
      ...(range.int ? [(range.min ?? 0) + 0.5] : []),
    ];
    setPath(r, field, pick(options, random));
    return r;
  },
  badDate: (r, f, random) => {
    if (f.dateTimes.length === 0) return MUTATIONS.missing!(r, f, random);
    const field = f.dateTimes[0]!;
    const future = new Date(Date.now() + (1 + random() * 400) * 86_400_000).toISOString();
    r[field] = random() < 0.25 ? future : pick(BAD_DATE_TIMES, random);
    return r;
  },
  hugeString: (r, f, random) => {
    const [field, max] = pick(Object.entries(f.maxLength), random);
    setPath(r, field, 'Ầ'.repeat(max + 1 + Math.floor(random() * 3000)));
    return r;
  },
  unknownEnum: (r, f, random) => {
    if (f.enums.length === 0) return MUTATIONS.hugeString!(r, f, random);
    r[pick(f.enums, random)] = pick(BAD_ENUMS, random);
    return r;
  },
  nullish: (r, f, random) => {
    if (random() < 0.3) return null;
    r[pick(Object.keys(f.required), random)] = null;
    return r;
  },
  arrays: (r, f, random) => {
    if (random() < 0.3) return [r];
    const field = pick(Object.keys(f.required), random);
    r[field] = [r[field]];
    return r;
  },
  prototypePollution: (r, _f, random) => {
    const body = JSON.stringify(r).slice(1);
    const key = pick(['"__proto__":{"polluted":"yes","isAdmin":true}', '"constructor":{"prototype":{"polluted":"yes"}}', '"prototype":{"polluted":"yes"}'], random);
    const polluted = JSON.parse(`{${key},${body}`) as Json;
    if (random() < 0.5 && typeof polluted.location === 'object') {
      polluted.location = JSON.parse(`{"__proto__":{"polluted":"yes"},${JSON.stringify(polluted.location).slice(1)}`) as unknown;
    }
    return polluted;
  },
};
const KINDS = Object.keys(MUTATIONS);

function fuzzedRecord(topic: HubTopic, n: number, random: Random): unknown {
  const record = JSON.parse(JSON.stringify(validRecord(topic, n))) as Json;
  return MUTATIONS[pick(KINDS, random)]!(record, FIELDS[topic], random);
}

const temp = tempDir();
let hub: TestHub;
const IOC = TEST_DEPARTMENTS.ioc;

beforeAll(async () => {
  hub = await startTestHub({ dir: temp.dir });
  // Some state to keep unchanged: one valid record per topic.
  for (const topic of HUB_TOPIC_NAMES) expect((await postIngest(hub.url, IOC.apiKey, topic, [validRecord(topic, 0)])).status).toBe(200);
});
afterAll(async () => {
  await hub.close();
  temp.remove();
});

describe('ingest fuzz', () => {
  it('every valid base record is accepted, so each mutation is what makes a record invalid', async () => {
    for (const topic of HUB_TOPIC_NAMES) {
      const answer = await postIngest(hub.url, IOC.apiKey, topic, [validRecord(topic, 1)]);
      expect(answer.status, topic).toBe(200);
    }
  });

  it('rejects 10,000 fuzzed records with a reason each, stores none and leaves the state unchanged', async () => {
    const random = seededRandom(20261123);
    const before = await hub.snapshot();
    const BATCH = 500;
    let total = 0;
    for (let b = 0; total < 10_000; b += 1) {
      const topic = HUB_TOPIC_NAMES[b % HUB_TOPIC_NAMES.length]!;
      const batch = Array.from({ length: BATCH }, (_, i) => fuzzedRecord(topic, 1000 + total + i, random));
      const answer = await postIngest(hub.url, IOC.apiKey, topic, batch);
      expect(answer.status, `batch ${b} (${topic}): ${answer.error ?? ''} ${JSON.stringify(answer.result?.accepted.slice(0, 2))}`).toBe(422);
      expect(answer.result!.accepted, `accepted in batch ${b} (${topic}): ${JSON.stringify(answer.result!.accepted.map((a) => batch[a.index])).slice(0, 400)}`).toEqual([]);
      expect(answer.result!.rejected.map((r) => r.index)).toEqual(batch.map((_, i) => i));
      for (const rejection of answer.result!.rejected) {
        expect(rejection.errors.length).toBeGreaterThan(0);
        for (const error of rejection.errors) expect(error.message.length).toBeGreaterThan(0);
      }
      total += batch.length;
    }
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    const after = await hub.snapshot();
    expect({ ...after, time: '' }).toEqual({ ...before, time: '' });
  });

  it('rejects fuzzed CSV rows cell by cell', async () => {
    const random = seededRandom(7);
    const time = new Date(Date.now() - 60_000).toISOString();
    const bad: Record<string, string[]> = {
      kpiId: ['', 'ba lô', 'x'.repeat(65), '-leading'],
      subsystem: ['', 'weather', 'Health'],
      value: ['', 'abc', '1,5', '12 %', 'NaN', 'Infinity', '0x10'],
      unit: ['', 'đơn vị rất dài vượt quá giới hạn cho phép'],
      time: ['', 'hôm qua', '2026-11-23', new Date(Date.now() + 86_400_000).toISOString()],
    };
    const columns = Object.keys(bad);
    const rows = Array.from({ length: 500 }, (_, i) => {
      const good: Record<string, string> = { kpiId: `fuzz-${i}`, subsystem: 'health', value: '12.5', unit: '%', time };
      const column = pick(columns, random);
      good[column] = pick(bad[column]!, random);
      return columns.map((c) => `"${good[c]!.replaceAll('"', '""')}"`).join(',');
    });
    const before = hub.state.seq;
    const answer = await postIngest(hub.url, IOC.apiKey, 'kpi', [columns.join(','), ...rows].join('\n'));
    expect(answer.status).toBe(422);
    expect(answer.result!.accepted).toEqual([]);
    expect(answer.result!.rejected).toHaveLength(500);
    expect(hub.state.seq).toBe(before);
  });

  it('answers malformed bodies with 400 (or 413/415) and stays up', async () => {
    const before = await hub.snapshot();
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const bodies: Array<[string, BodyInit, number]> = [
      ['application/json', '', 400],
      ['application/json', '[', 400],
      ['application/json', '[{"kpiId": "a",', 400],
      ['application/json', '{"records": {"kpiId": "a"}}', 400],
      ['application/json', '"records"', 400],
      ['application/json', '42', 400],
      ['application/json', 'null', 400],
      ['application/json', '[]', 400],
      ['application/json', '{"records": []}', 400],
      ['application/json', '\uFEFF', 400],
      ['application/json', "[{'kpiId': 'single quotes'}]", 400],
      ['application/json', '[NaN]', 400],
      ['application/json', deep.slice(0, 200_000), 400],
      // Valid JSON, absurdly deep: each record is refused without walking it.
      ['application/json', deep, 422],
      ['application/json', `{"records": [{"kpiId": ${deep}, "location": ${deep}}]}`, 422],
      ['application/json', new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), 400],
      ['application/json', new Uint8Array(4096).map((_, i) => (i * 97) % 256), 400],
      ['text/csv', '', 400],
      ['text/csv', 'kpiId,value\n"unclosed,1\n', 400],
      ['text/csv', 'kpiId,kpiId\na,b\n', 400],
      ['text/csv', '__proto__.polluted,kpiId\nyes,a\n', 400],
      ['text/csv', 'constructor.prototype.polluted\nyes\n', 400],
      ['text/csv', ',value\na,1\n', 400],
      ['text/csv', 'location.point\nx\n', 400],
      ['text/csv', new Uint8Array([0x61, 0x0a, 0xc3, 0x28]), 400],
      ['application/xml', '<records/>', 415],
      ['multipart/form-data; boundary=x', '--x--', 415],
    ];
    for (const [contentType, body, status] of bodies) {
      const response = await fetch(`${hub.url}/api/v1/ingest/kpi`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${IOC.apiKey}`, 'Content-Type': contentType },
        body,
      });
      const answer = (await response.json()) as { error?: string; rejected?: unknown[] };
      expect(response.status, `${contentType} ${String(body).slice(0, 40)}`).toBe(status);
      expect(answer.error ?? answer.rejected?.length, `${contentType} ${String(body).slice(0, 40)}`).toBeTruthy();
    }
    expect(({} as Json).polluted).toBeUndefined();
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    const after = await hub.snapshot();
    expect({ ...after, time: '' }).toEqual({ ...before, time: '' });
  });
});
