import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HubMessage } from '../../../src-shared/hub-protocol';
import type { KpiPoint } from '../../../src-shared/domain';
import { DEMO_KPI_DEFINITIONS } from '../../../src-hub/demo/kpi-catalog';
import { postIngest } from '../../../src-hub/ingest/ingest-client';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { tempDir, TEST_DEPARTMENTS, WALL_TOKEN } from '../../helpers/hub-fixtures';
import { fetchHubState } from '../../helpers/hub-state';
import { waitFor } from '../../helpers/wait-for';

/** The built hub (`out/main/hub.js`, as `npm run hub` runs it) as a real process: crashes, restarts, config errors. */

const ROOT = join(__dirname, '../../..');
const HUB_JS = join(ROOT, 'out/main/hub.js');
if (!existsSync(HUB_JS)) throw new Error(`${HUB_JS} is missing: run "npx electron-vite build" (npm test does) first`);

const temp = tempDir();
const running: HubProcess[] = [];
afterEach(async () => {
  for (const hub of running.splice(0)) await hub.kill();
});
afterAll(() => temp.remove());

function writeConfig(name: string, config: Record<string, unknown>): string {
  const file = join(temp.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function hubConfig(name: string): string {
  return writeConfig(name, { port: 0, dbPath: `${name}.db`, wallTokens: [WALL_TOKEN], departments: [TEST_DEPARTMENTS.environment, TEST_DEPARTMENTS.ioc] });
}

async function start(args: string[]): Promise<HubProcess> {
  const hub = await startHubProcess(args);
  running.push(hub);
  return hub;
}

/** Runs the hub expecting it to exit; resolves with its exit code and output. */
function runToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [HUB_JS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

let serial = 0;
function kpiBatch(size: number): KpiPoint[] {
  return Array.from({ length: size }, () => ({
    kpiId: 'env-aqi-vung-tau',
    subsystem: 'environment' as const,
    value: (serial += 1),
    unit: 'AQI',
    time: new Date(Date.now() - 1000).toISOString(),
    district: `điểm đo ${serial}`,
  }));
}

describe('hub process', () => {
  it('keeps every acknowledged record, and its hub id, through a SIGKILL right after an acknowledgement', async () => {
    const config = hubConfig('durable');
    const hub = await start([`--config=${config}`]);
    const acknowledged = new Map<number, KpiPoint>();
    let acks = 0;
    const poster = async (): Promise<void> => {
      for (;;) {
        const batch = kpiBatch(40);
        const answer = await postIngest(hub.url, TEST_DEPARTMENTS.environment.apiKey, 'kpi', batch);
        if (answer.status !== 200) return;
        answer.result!.accepted.forEach((a) => acknowledged.set(a.seq, batch[a.index]!));
        acks += 1;
        // The crash: no clean shutdown, the very moment the 12th acknowledgement is in.
        if (acks === 12) hub.child.kill('SIGKILL');
      }
    };
    await Promise.all([poster(), poster(), poster(), poster()]);
    await hub.kill();
    expect(acknowledged.size).toBeGreaterThanOrEqual(12 * 40);

    const again = await start([`--config=${config}`]);
    expect(again.hubId).toBe(hub.hubId);
    const state = await fetchHubState(again.url, WALL_TOKEN);
    const bySeq = new Map<number, HubMessage>(state.messages.map((m) => [m.seq, m]));
    const missing = [...acknowledged].filter(([seq, payload]) => JSON.stringify(bySeq.get(seq)?.payload) !== JSON.stringify(payload));
    expect(missing.map(([seq]) => seq)).toEqual([]);
    expect(again.readySeq).toBeGreaterThanOrEqual(Math.max(...acknowledged.keys()));
    // Seqs stay consecutive after the crash: the next record follows the last committed one.
    const next = await postIngest(again.url, TEST_DEPARTMENTS.environment.apiKey, 'kpi', kpiBatch(1));
    expect(next.result!.accepted[0]!.seq).toBe(again.readySeq + 1);
  });

  it('moves a corrupt database aside, says so naming the file, and starts over with a new hub id', async () => {
    const config = hubConfig('corrupt');
    const first = await start([`--config=${config}`]);
    await first.stop();
    const db = join(temp.dir, 'corrupt.db');
    // A clean stop leaves no WAL behind, so the damage below is all there is.
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('corrupt.db')), first.output()).toEqual(['corrupt.db']);
    writeFileSync(db, Buffer.from('this is not an SQLite database '.repeat(200)));
    const hub = await start([`--config=${config}`]);
    expect(hub.hubId).not.toBe(first.hubId);
    expect(hub.readySeq).toBe(0);
    expect(hub.output()).toMatch(new RegExp(`hub database ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is corrupt .*moved it to .*corrupt\\.db\\.corrupt-`));
    expect(readdirSync(temp.dir).filter((f) => f.startsWith('corrupt.db.corrupt-'))).toHaveLength(1);
    expect((await postIngest(hub.url, TEST_DEPARTMENTS.environment.apiKey, 'kpi', kpiBatch(2))).status).toBe(200);
  });

  it('exits with code 2 and one clear error naming the file and field for a malformed config', async () => {
    const bad = writeConfig('bad', { port: 'eighty', dbPath: 'x.db', wallTokens: [], departments: [{ id: 'so-y-te', name: 'Sở Y tế', apiKey: 'short', topics: ['weather'] }] });
    const result = await runToExit([`--config=${bad}`]);
    expect(result.code).toBe(2);
    expect(result.output).toContain(`hub config ${bad}`);
    for (const field of ['port', 'wallTokens', 'departments.0.apiKey', 'departments.0.topics.0']) expect(result.output).toContain(`${field}:`);
    expect(result.output).not.toContain('IOC hub ready');
    const notJson = join(temp.dir, 'not-json.json');
    writeFileSync(notJson, '{ "port": 1,');
    expect(await runToExit([`--config=${notJson}`])).toMatchObject({ code: 2, output: expect.stringContaining(`hub config ${notJson}: not valid JSON`) });
    expect(await runToExit([`--config=${join(temp.dir, 'absent.json')}`])).toMatchObject({ code: 2, output: expect.stringContaining('cannot read it') });
  });

  it('runs the demo without a config: one ready line, simulated departments posting through ingest, a clean SIGTERM, data kept across restarts', async () => {
    const db = join(temp.dir, 'demo', 'demo-hub.db');
    const args = [`--db=${db}`, '--port=0', '--token=demo-test-token'];
    const demo = await start(args);
    const state = await waitFor(async () => {
      const s = await fetchHubState(demo.url, 'demo-test-token');
      const topics = new Set(s.messages.map((m) => m.topic));
      return ['alert', 'camera', 'dossier-counts', 'environment', 'kpi', 'kpi-definition'].every((t) => topics.has(t as HubMessage['topic'])) ? s : undefined;
    }, 'demo data of every department');
    // The catalogue's KPIs and the one the demo measures per unit, for the map (unit-kpi-feed.ts).
    expect(state.messages.filter((m) => m.topic === 'kpi-definition')).toHaveLength(DEMO_KPI_DEFINITIONS.length + 1);
    await demo.stop();
    expect(demo.child.exitCode).toBe(0);
    // Closed, not killed: the database was checkpointed and its WAL removed.
    expect(readdirSync(join(temp.dir, 'demo'))).toEqual(['demo-hub.db']);
    await waitFor(() => demo.output().includes('hub stopped'), 'the last log line');
    expect(demo.output().match(/IOC hub ready at/g)).toHaveLength(1);

    const again = await start(args);
    expect(again.hubId).toBe(demo.hubId);
    expect(again.readySeq).toBeGreaterThanOrEqual(state.seq);
    await waitFor(() => /resuming on the hub/.test(again.output()), 'the simulator resuming');
  });
});
