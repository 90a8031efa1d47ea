import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HUB_TOPIC_NAMES, type HubMessage } from '../../../src-shared/hub-protocol';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { TEST_DEPARTMENTS, validRecord, WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { useTestHub } from '../../helpers/use-test-hub';
import { fetchHubState } from '../../helpers/hub-state';

const ENV = TEST_DEPARTMENTS.environment;
const IOC = TEST_DEPARTMENTS.ioc;
let hub: TestHub;
useTestHub((started) => (hub = started));

async function raw(path: string, init: RequestInit & { key?: string; contentType?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.key) headers.Authorization = `Bearer ${init.key}`;
  if (init.contentType) headers['Content-Type'] = init.contentType;
  const response = await fetch(`${hub.url}${path}`, { method: 'POST', ...init, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function stored(messages: HubMessage[], seq: number): HubMessage | undefined {
  return messages.find((m) => m.seq === seq);
}

describe('ingest API: formats', () => {
  it('stores a JSON array and a { records } object with consecutive seqs, visible in /api/v1/state', async () => {
    const before = hub.state.seq;
    const records = [validRecord('environment', 1), validRecord('environment', 2)];
    const a = await postIngest(hub.url, ENV.apiKey, 'environment', records);
    expect(a.status).toBe(200);
    expect(a.result?.accepted).toEqual([{ index: 0, seq: before + 1 }, { index: 1, seq: before + 2 }]);
    const b = await raw('/api/v1/ingest/environment', { key: ENV.apiKey, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ records: [validRecord('environment', 3)] }) });
    expect(b.status).toBe(200);
    expect(b.body).toEqual({ topic: 'environment', accepted: [{ index: 0, seq: before + 3 }], rejected: [] });
    const state = await hub.snapshot();
    expect(state.seq).toBe(before + 3);
    expect(stored(state.messages, before + 2)?.payload).toEqual(records[1]);
  });

  it('reads CSV with dotted nested fields, empty cells left out, numbers coerced only where the schema wants one', async () => {
    const csv = [
      'kpiId,subsystem,value,unit,target,time,district',
      `env-pm25,environment,12.5,µg/m³,,${new Date().toISOString()},123`,
      `env-pm25,environment,"1e1",µg/m³,25,${new Date().toISOString()},"Phú Mỹ, KCN"`,
    ].join('\r\n');
    const kpi = await postIngest(hub.url, ENV.apiKey, 'kpi', csv);
    expect(kpi.status).toBe(200);
    const state = await hub.snapshot();
    const [first, second] = kpi.result!.accepted.map((a) => stored(state.messages, a.seq)?.payload);
    // "123" is a district (a string field): it stays text; value is a number field: it becomes 12.5.
    expect(first).toMatchObject({ value: 12.5, district: '123' });
    expect(first).not.toHaveProperty('target');
    expect(second).toMatchObject({ value: 10, target: 25, district: 'Phú Mỹ, KCN' });

    const reports = [
      'id,category,title,location.district,location.point.lat,location.point.lng,channel,status,receivedAt,resolvedAt',
      `pakn-csv-1,ngap-nuoc,Ngập đường,TP. Bà Rịa,10.49,107.17,zalo,received,${new Date(Date.now() - 60_000).toISOString()},`,
    ].join('\n');
    const report = await postIngest(hub.url, IOC.apiKey, 'citizen-report', reports);
    expect(report.status).toBe(200);
    const saved = hub.state.latest('citizen-report', 'pakn-csv-1')?.payload;
    expect(saved?.location).toEqual({ district: 'TP. Bà Rịa', point: { lat: 10.49, lng: 107.17 } });
    expect(saved).not.toHaveProperty('resolvedAt');
  });

  it('rejects a CSV cell that is not a number where one is expected, naming the field', async () => {
    const csv = `kpiId,subsystem,value,unit,time\nenv-pm25,environment,12 µg,µg/m³,${new Date().toISOString()}\n`;
    const answer = await postIngest(hub.url, ENV.apiKey, 'kpi', csv);
    expect(answer.status).toBe(422);
    expect(answer.result?.rejected).toEqual([{ index: 0, errors: [expect.objectContaining({ field: 'value' })] }]);
  });

  it('answers 400 for an unparseable body, saying where', async () => {
    const badJson = await raw('/api/v1/ingest/kpi', { key: ENV.apiKey, contentType: 'application/json', body: '[{"kpiId": "a",\n "value": }]' });
    expect(badJson.status).toBe(400);
    expect(String(badJson.body.error)).toMatch(/not valid JSON: [\s\S]*\(line 2, column 11\)$/);
    const notList = await raw('/api/v1/ingest/kpi', { key: ENV.apiKey, contentType: 'application/json', body: '{"kpiId": "a"}' });
    expect(notList.status).toBe(400);
    expect(String(notList.body.error)).toMatch(/array of records/);
    const ragged = await postIngest(hub.url, ENV.apiKey, 'kpi', 'kpiId,value\na,1\nb,2,3\n');
    expect(ragged.status).toBe(400);
    expect(ragged.error).toMatch(/line 3/);
    const unknownColumn = await postIngest(hub.url, ENV.apiKey, 'kpi', 'kpiId,valeu\na,1\n');
    expect(unknownColumn).toEqual({ status: 400, error: expect.stringMatching(/"valeu" is not a field of topic "kpi"/) });
    const objectColumn = await postIngest(hub.url, IOC.apiKey, 'alert', 'id,location\na,x\n');
    expect(objectColumn.error).toMatch(/"location" is not a single value/);
  });
});

describe('ingest API: who may write what', () => {
  const kpi = JSON.stringify([validRecord('kpi', 50)]);

  it('needs a known key (Bearer or X-Api-Key): 401 otherwise', async () => {
    expect((await raw('/api/v1/ingest/kpi', { contentType: 'application/json', body: kpi })).status).toBe(401);
    expect((await raw('/api/v1/ingest/kpi', { key: `${ENV.apiKey}x`, contentType: 'application/json', body: kpi })).status).toBe(401);
    expect((await raw('/api/v1/ingest/kpi', { key: WALL_TOKEN, contentType: 'application/json', body: kpi })).status).toBe(401);
    const viaHeader = await raw('/api/v1/ingest/kpi', { headers: { 'X-Api-Key': ENV.apiKey }, contentType: 'application/json', body: kpi });
    expect(viaHeader.status).toBe(200);
  });

  it('answers 403 naming the topic, or the subsystem, a department may not write — and stores nothing', async () => {
    const seq = hub.state.seq;
    const topic = await postIngest(hub.url, ENV.apiKey, 'alert', [validRecord('alert', 60)]);
    expect(topic.status).toBe(403);
    expect(topic.error).toMatch(/may not write topic "alert"/);
    const health = { ...validRecord('kpi', 61), kpiId: 'health-er-visits', subsystem: 'health' as const };
    const subsystem = await postIngest(hub.url, ENV.apiKey, 'kpi', [validRecord('kpi', 62), health]);
    expect(subsystem.status).toBe(403);
    expect(subsystem.error).toMatch(/may not write subsystem health/);
    expect(hub.state.seq).toBe(seq);
  });

  it('answers 404 for an unknown topic listing the valid ones, 405 for a wrong method, 415 for another content type', async () => {
    const unknown = await raw('/api/v1/ingest/weather', { key: ENV.apiKey, contentType: 'application/json', body: kpi });
    expect(unknown.status).toBe(404);
    expect(unknown.body.topics).toEqual(HUB_TOPIC_NAMES);
    const get = await fetch(`${hub.url}/api/v1/ingest/kpi`, { headers: { Authorization: `Bearer ${ENV.apiKey}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const text = await raw('/api/v1/ingest/kpi', { key: ENV.apiKey, contentType: 'text/plain', body: kpi });
    expect(text.status).toBe(415);
    const none = await fetch(`${hub.url}/api/v1/ingest/kpi`, { method: 'POST', headers: { Authorization: `Bearer ${ENV.apiKey}` }, body: new Uint8Array([1, 2]) });
    expect(none.status).toBe(415);
  });

  it('answers 413 over the 5 MB body limit and over 10,000 records', async () => {
    const seq = hub.state.seq;
    const big = JSON.stringify([{ ...validRecord('kpi', 70), unit: 'x'.repeat(6 * 1024 * 1024) }]);
    const tooBig = await raw('/api/v1/ingest/kpi', { key: ENV.apiKey, contentType: 'application/json', body: big });
    expect(tooBig.status).toBe(413);
    // Chunked, without a Content-Length: the limit holds while reading too.
    const stream = new Blob([big]).stream();
    const chunked = await fetch(`${hub.url}/api/v1/ingest/kpi`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ENV.apiKey}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const many = await postIngest(hub.url, ENV.apiKey, 'kpi', Array.from({ length: 10_001 }, () => ({})));
    expect(many.status).toBe(413);
    expect(many.error).toMatch(/10001 records/);
    expect(hub.state.seq).toBe(seq);
  });
});

describe('ingest API: a batch with bad records', () => {
  it('answers 422 naming each bad record and field, and keeps the good ones', async () => {
    const seq = hub.state.seq;
    const future = new Date(Date.now() + 10 * 60_000).toISOString();
    const batch = [
      validRecord('alert', 100),
      { ...validRecord('alert', 101), severity: 'catastrophic' },
      validRecord('alert', 102),
      { ...validRecord('alert', 103), location: { district: 7 }, time: undefined },
      { ...validRecord('alert', 104), time: future },
      { ...validRecord('alert', 105), colour: 'red' },
    ];
    const answer = await postIngest(hub.url, IOC.apiKey, 'alert', batch);
    expect(answer.status).toBe(422);
    expect(answer.result?.accepted).toEqual([{ index: 0, seq: seq + 1 }, { index: 2, seq: seq + 2 }]);
    const fields = Object.fromEntries(answer.result!.rejected.map((r) => [r.index, r.errors.map((e) => e.field).sort()]));
    expect(fields).toEqual({ 1: ['severity'], 3: ['location.district', 'time'], 4: ['time'], 5: ['colour'] });
    expect(answer.result!.rejected.find((r) => r.index === 4)?.errors[0]?.message).toMatch(/future/);

    const state = await hub.snapshot();
    expect(state.seq).toBe(seq + 2);
    expect(stored(state.messages, seq + 1)?.payload).toEqual(batch[0]);
    expect(stored(state.messages, seq + 2)?.payload).toEqual(batch[2]);
    expect(state.messages.filter((m) => m.topic === 'alert').map((m) => (m.payload as { id: string }).id)).not.toContain('canh-bao-101');
  });
});

describe('ingest API: resending', () => {
  it('acknowledges a resent batch with the earlier seqs, marked duplicate, and stores nothing twice', async () => {
    const older = { ...validRecord('kpi', 200), time: new Date(Date.now() - 120_000).toISOString() };
    const newer = { ...validRecord('kpi', 200), value: 99 };
    const batch = [older, newer, validRecord('security-event', 200), newer];
    const first = await postIngest(hub.url, IOC.apiKey, 'kpi', batch.filter((_, i) => i !== 2));
    expect(first.status).toBe(200);
    const [a, b, c] = first.result!.accepted;
    // The same record twice in one batch is stored once.
    expect(c).toEqual({ index: 2, seq: b!.seq, duplicate: true });
    const seq = hub.state.seq;

    const again = await postIngest(hub.url, IOC.apiKey, 'kpi', batch.filter((_, i) => i !== 2));
    expect(again.status).toBe(200);
    expect(again.result!.accepted).toEqual([
      { index: 0, seq: a!.seq, duplicate: true },
      { index: 1, seq: b!.seq, duplicate: true },
      { index: 2, seq: b!.seq, duplicate: true },
    ]);
    expect(hub.state.seq).toBe(seq);
    // A changed record is a new version, not a duplicate.
    const changed = await postIngest(hub.url, IOC.apiKey, 'kpi', [{ ...newer, value: 100 }]);
    expect(changed.result!.accepted).toEqual([{ index: 0, seq: seq + 1 }]);
  });
});

describe('state routes', () => {
  it('serves /api/v1/state only to a wall token, and /healthz to anyone', async () => {
    expect((await fetch(`${hub.url}/api/v1/state`)).status).toBe(401);
    expect((await fetch(`${hub.url}/api/v1/state`, { headers: { Authorization: `Bearer ${ENV.apiKey}` } })).status).toBe(401);
    const state = await fetchHubState(hub.url, WALL_TOKEN);
    expect(state.hubId).toBe(hub.hubId);
    expect(state.seq).toBe(hub.state.seq);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as unknown;
    expect(health).toEqual({ ok: true, hubId: hub.hubId, seq: hub.state.seq });
  });

  it('answers /api/v1/state from one encoding per state, gzipped to a client that takes gzip', async () => {
    expect((await postIngest(hub.url, ENV.apiKey, 'environment', [validRecord('environment', 77)])).status).toBe(200);
    const before = hub.catchUps().snapshotEncodings;
    const ask = (encoding: string): Promise<{ encoding: string | undefined; body: Buffer }> =>
      new Promise((resolve, reject) => {
        const req = request(`${hub.url}/api/v1/state`, { headers: { Authorization: `Bearer ${WALL_TOKEN}`, 'Accept-Encoding': encoding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (chunk: Buffer) => parts.push(chunk));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(parts) }));
        });
        req.on('error', reject);
        req.end();
      });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ask(i % 2 ? 'gzip, deflate' : 'identity')));
    expect(hub.catchUps().snapshotEncodings - before).toBe(1);
    const plain = answers.filter((a) => a.encoding === undefined);
    const zipped = answers.filter((a) => a.encoding === 'gzip');
    expect([plain.length, zipped.length]).toEqual([10, 10]);
    const state = JSON.parse(plain[0]!.body.toString()) as { seq: number };
    expect(state.seq).toBe(hub.state.seq);
    expect(JSON.parse(gunzipSync(zipped[0]!.body).toString())).toEqual(state);
  });
});
