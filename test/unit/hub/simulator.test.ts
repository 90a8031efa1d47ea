import { UNIT_KPI } from '../../../src-hub/demo/unit-kpi-feed';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HubTopic } from '../../../src-shared/hub-protocol';
import { SUBSYSTEM_IDS } from '../../../src-shared/subsystems';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { createDemoDepartments } from '../../../src-hub/demo/demo-departments';
import { DEMO_KPI_DEFINITIONS, DEMO_KPIS } from '../../../src-hub/demo/kpi-catalog';
import type { PostIngest } from '../../../src-hub/demo/outbox';
import { seededRandom } from '../../../src-hub/demo/random';
import { startSimulator, type RunningSimulator } from '../../../src-hub/demo/simulator';
import { postIngest, type IngestResponse } from '../../../src-hub/ingest/ingest-client';
import { startHub, type RunningHub } from '../../../src-hub/start-hub';
import { WALL_TOKEN } from '../../helpers/hub-fixtures';

// A RAM-backed folder where there is one: the simulator makes hundreds of commits, each one fsync'd.
const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'ioc-sim-'));
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Posted {
  topic: HubTopic;
  department: string;
  records: unknown[];
  answer: IngestResponse;
}

const departments = createDemoDepartments();

async function hub(name: string): Promise<RunningHub> {
  const running = await startHub({ port: 0, dbPath: join(dir, `${name}.db`), wallTokens: [WALL_TOKEN], departments, log: createMemoryLogger('hub') });
  cleanups.push(() => running.close());
  return running;
}

/** Records every post (through the real ingest API unless `fail` says otherwise). */
function recorder(fail: () => boolean = () => false): { post: PostIngest; posted: Posted[] } {
  const posted: Posted[] = [];
  const post: PostIngest = async (url, key, topic, records) => {
    const department = departments.find((d) => d.apiKey === key)?.id ?? '?';
    const answer: IngestResponse = fail() ? { status: 0, error: 'ECONNREFUSED' } : await postIngest(url, key, topic, records);
    posted.push({ topic, department, records: records as unknown[], answer });
    return answer;
  };
  return { post, posted };
}

function simulate(target: RunningHub, post: PostIngest, clock: { now: number }, seed = 1): RunningSimulator {
  const simulator = startSimulator(
    { hubUrl: target.url, departments, cameras: [], state: target.state, log: createMemoryLogger('sim'), random: seededRandom(seed), now: () => clock.now, seedPoints: 10, post },
    false,
  );
  cleanups.push(() => simulator.stop());
  return simulator;
}

/** Runs the simulation for `seconds` of its own time, one tick per `step` seconds. */
async function run(simulator: RunningSimulator, clock: { now: number }, seconds: number, step = 2): Promise<void> {
  for (let s = 0; s < seconds; s += step) {
    clock.now += step * 1000;
    await simulator.tick();
  }
}

describe('demo simulator', () => {
  it('has at least one KPI stream for each of the ten subsystems', () => {
    const covered = new Set(DEMO_KPI_DEFINITIONS.map((k) => k.subsystem));
    expect([...SUBSYSTEM_IDS].filter((s) => !covered.has(s))).toEqual([]);
  });

  it('feeds an empty hub through the ingest API: seeded history, every topic, valid and permitted data only', async () => {
    const target = await hub('fresh');
    const { post, posted } = recorder();
    // Simulated time ends before the real now: the hub refuses records from the future.
    const clock = { now: Date.now() - 12 * 60_000 };
    const simulator = simulate(target, post, clock);
    await run(simulator, clock, 600);

    expect(posted.filter((p) => p.answer.status !== 200).map((p) => `${p.department} ${p.topic}: ${p.answer.status} ${p.answer.error ?? JSON.stringify(p.answer.result?.rejected[0])}`)).toEqual([]);
    const topics = new Set(target.state.messages().map((m) => m.topic));
    expect([...topics].sort()).toEqual(['alert', 'citizen-report', 'dossier-counts', 'environment', 'kpi', 'kpi-definition', 'security-event', 'social-mention']);
    // Each department posts only its own topics.
    const byDepartment = new Set(posted.map((p) => `${p.department}:${p.topic}`));
    expect(byDepartment).toContain('so-tnmt:environment');
    expect(byDepartment).toContain('tt-pakn:citizen-report');
    expect(byDepartment).toContain('ioc-van-hanh:alert');

    for (const kpi of DEMO_KPIS) {
      const values = posted.flatMap((p) => (p.topic === 'kpi' ? (p.records as Array<{ kpiId: string; value: number; unit: string }>) : [])).filter((r) => r.kpiId === kpi.definition.id);
      // Ticks come every 2 s, so a KPI due every 3 s is sent every 4 s.
      const period = Math.ceil(kpi.everySeconds / 2) * 2;
      expect(values.length, kpi.definition.id).toBeGreaterThanOrEqual(10 + 600 / period - 2);
      const numbers = values.map((v) => v.value);
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(kpi.min);
      expect(Math.max(...numbers)).toBeLessThanOrEqual(kpi.max);
      if (kpi.counter) expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size, `${kpi.definition.id} moves`).toBeGreaterThan(3);
      expect(target.state.latest('kpi', kpi.definition.id)?.payload).toMatchObject({ subsystem: kpi.definition.subsystem, unit: kpi.definition.unit });
    }

    // Citizen reports move received → processing → resolved (or rejected).
    const reports = posted.flatMap((p) => (p.topic === 'citizen-report' ? (p.records as Array<{ id: string; status: string }>) : []));
    const history = new Map<string, string[]>();
    reports.forEach((r) => history.set(r.id, [...(history.get(r.id) ?? []), r.status]));
    expect([...history.values()].some((h) => h.join('>') === 'received>processing>resolved')).toBe(true);
    for (const h of history.values()) expect(['received', 'received>processing', 'received>processing>resolved', 'received>processing>rejected']).toContain(h.join('>'));
    const alerts = target.state.keys('alert');
    expect(alerts.length).toBeGreaterThan(20);
    // Each alert, station and KPI comes with its English, place names given their English rank.
    const english = alerts.map((id) => target.state.latest('alert', id)!.payload);
    expect(english.filter((a) => !a.textEn)).toEqual([]);
    expect(english.some((a) => /\b(Ward|Commune|Special Zone|City|Town|District)\b/.test(a.textEn ?? ''))).toBe(true);
    expect(target.state.keys('environment').every((id) => target.state.latest('environment', id)?.payload.stationNameEn)).toBe(true);
    expect(target.state.latest('kpi-definition', 'tthc-received-today')?.payload).toMatchObject({ unitEn: 'dossiers', shortEn: 'Dossiers received' });
  });

  it('keeps records through a hub outage and delivers them once it answers again, without crashing', async () => {
    const target = await hub('outage');
    let down = true;
    const { post, posted } = recorder(() => down);
    const clock = { now: Date.now() - 5 * 60_000 };
    const simulator = simulate(target, post, clock, 2);
    await run(simulator, clock, 60);
    expect(target.state.seq).toBe(0);
    const waiting = simulator.pending();
    expect(waiting).toBeGreaterThan(100);
    // Backoff: not every tick retries.
    expect(posted.length).toBeLessThan(60 / 2 * 9);
    down = false;
    await run(simulator, clock, 60);
    expect(simulator.pending()).toBe(0);
    expect(target.state.seq).toBeGreaterThanOrEqual(waiting);
    // The catalogue's KPIs and the one measured per unit (unit-kpi-feed.ts).
    expect(target.state.keys('kpi-definition')).toHaveLength(DEMO_KPI_DEFINITIONS.length + 1);
  });

  it('resumes on a hub that has history: no second seeding, registries acknowledged as duplicates', async () => {
    const target = await hub('resume');
    const clock = { now: Date.now() - 10 * 60_000 };
    const first = simulate(target, recorder().post, clock, 3);
    await run(first, clock, 20);
    await first.stop();
    const restartedAt = clock.now;
    const { post, posted } = recorder();
    const second = simulate(target, post, clock, 4);
    await run(second, clock, 20);
    const kpiTimes = posted.flatMap((p) => (p.topic === 'kpi' ? (p.records as Array<{ time: string }>) : [])).map((r) => Date.parse(r.time));
    expect(Math.min(...kpiTimes)).toBeGreaterThanOrEqual(restartedAt);
    const definitions = posted.filter((p) => p.topic === 'kpi-definition');
    expect(definitions.flatMap((p) => p.answer.result!.accepted.map((a) => a.duplicate))).toEqual([...DEMO_KPI_DEFINITIONS, UNIT_KPI].map(() => true));
  });
});

