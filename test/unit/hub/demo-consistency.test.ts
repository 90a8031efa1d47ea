import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiKey, type Alert, type Camera, type EnvironmentReading } from '../../../src-shared/domain';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import type { HubMessage, HubMessageOf, HubTopic } from '../../../src-shared/hub-protocol';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { unitNamesIn } from '../../../src-shared/unit-names';
import { DEMO_UNIT_SEATS, DEMO_UNITS, UNIT_NAME_MAX, demoPointIn, unitInText } from '../../../src-shared/demo/demo-units';
import { ALERT_TEMPLATES, CATEGORY_UNITS, RAISED_BY_READINGS, REPORTS_OUTCOME } from '../../../src-hub/demo/alert-templates';
import { createDemoDepartments } from '../../../src-hub/demo/demo-departments';
import { AQI_ALERT_ABOVE, createEnvironmentFeed, DEMO_STATIONS } from '../../../src-hub/demo/environment-feed';
import { seededRandom } from '../../../src-hub/demo/random';
import { startSimulator } from '../../../src-hub/demo/simulator';
import { UNIT_KPI } from '../../../src-hub/demo/unit-kpi-feed';
import { loadClipCatalog } from '../../../src-hub/hls/clip-catalog';
import { startHub, type RunningHub } from '../../../src-hub/start-hub';
import { digestLines, type DigestInput } from '../../../src-renderer/console/digest-lines';
import { translator } from '../../../src-renderer/i18n/translate';
import { tableFrom } from '../../../src-renderer/stores/topic-table';
import { WALL_TOKEN } from '../../helpers/hub-fixtures';

/**
 * The demo agrees with itself: it runs the simulator against a real hub through the ingest API for
 * half an hour of its own time, then reads what a wall and the console would show, with the
 * renderer's own code, and checks that one quantity never shows two values, alerts' statuses match
 * their texts, and every unit is named one way.
 */
const ROOT = join(__dirname, '..', '..', '..');
const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'ioc-demo-'));
const departments = createDemoDepartments();
const format = { t: translator('vi'), language: 'vi' as const, locale: 'vi-VN' };
const cameras: Camera[] = loadClipCatalog(join(ROOT, 'assets')).map((clip) => ({
  id: clip.id,
  name: clip.name,
  district: clip.district,
  ...(clip.location ? { location: clip.location } : {}),
  subUrl: `http://127.0.0.1:1/hls/${clip.id}/sub/index.m3u8`,
  status: 'online',
}));

let hub: RunningHub;
/** Every message the hub stored, in seq order (the log, not only what it retains). */
const stored: HubMessage[] = [];

beforeAll(async () => {
  hub = await startHub({ port: 0, dbPath: join(dir, 'demo.db'), wallTokens: [WALL_TOKEN], departments, log: createMemoryLogger('hub') });
  // Ends before the real now: the hub refuses records from the future.
  const clock = { now: Date.now() - 35 * 60_000 };
  const simulator = startSimulator(
    { hubUrl: hub.url, departments, cameras, state: hub.state, log: createMemoryLogger('sim'), random: seededRandom(11), now: () => clock.now, seedPoints: 20, alertEverySeconds: 6 },
    false,
  );
  let seen = 0;
  for (let s = 0; s < 30 * 60; s += 2) {
    clock.now += 2000;
    await simulator.tick();
    const all = hub.state.messages().sort((a, b) => a.seq - b.seq);
    stored.push(...all.filter((m) => m.seq > seen));
    seen = Math.max(seen, ...all.map((m) => m.seq));
  }
  await simulator.stop();
}, 120_000);

afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

function table<T extends HubTopic>(topic: T) {
  return tableFrom(topic, hub.state.messages().filter((m): m is HubMessageOf<T> => m.topic === topic).sort((a, b) => a.seq - b.seq));
}

function digest(): Map<string, string> {
  const input: DigestInput = {
    definitions: table('kpi-definition'),
    series: table('kpi'),
    reports: table('citizen-report'),
    environment: table('environment'),
    dossiers: table('dossier-counts'),
    security: table('security-event'),
    mentions: table('social-mention'),
    cameras: table('camera'),
  };
  return new Map(digestLines(input, format).map((line) => [line.id, line.value]));
}

describe('the demo shows one value per quantity', () => {
  it('on the console: each derived KPI and the records it counts say the same', () => {
    const lines = digest();
    const expectSame = (kpi: string, records: string): void => {
      expect(lines.get(kpi), kpi).toBeDefined();
      expect(lines.get(kpi), `${kpi} vs ${records}`).toBe(lines.get(records));
    };
    expectSame('kpi:social-negative-share', 'social-mention:negative');
    expectSame('kpi:tthc-on-time-rate', 'dossier-counts:on-time');
    // The station's line and the KPI both read "AQI 46": the index named first, as AQI is written.
    expectSame('kpi:env-aqi-vung-tau', 'environment:qt-vung-tau-thang-tam');
    // Every camera of the registry is online, and the rate says 100%.
    expect(lines.get('camera:online')).toBe(`${cameras.length}/${cameras.length}`);
    expect(lines.get('kpi:camera-online-rate')).toBe('100,0%');
    // The province's open reports are the sum over its units, to the report.
    const units = DEMO_UNITS.map((unit) => Number(lines.get(`kpi:${UNIT_KPI.id}@${unit}`)?.split(' ')[0]));
    expect(units.every(Number.isFinite)).toBe(true);
    expect(lines.get('kpi:feedback-open')).toBe(`${units.reduce((a, b) => a + b, 0)} phản ánh`);
  });

  it('at every moment, not only at the end: each KPI point equals the records sent with it', () => {
    const kpis = stored.filter((m): m is HubMessageOf<'kpi'> => m.topic === 'kpi');
    // Each round of units is followed by their sum, at the same time.
    const rounds = new Map<string, number>();
    for (const { payload } of kpis.filter((m) => m.payload.kpiId === UNIT_KPI.id)) rounds.set(payload.time, (rounds.get(payload.time) ?? 0) + payload.value);
    const totals = kpis.filter((m) => m.payload.kpiId === 'feedback-open');
    expect(totals.length).toBeGreaterThan(100);
    for (const { payload } of totals) expect(payload.value, payload.time).toBe(rounds.get(payload.time));
    // Each AQI point is the station's reading of that time.
    const readings = new Map(stored.filter((m): m is HubMessageOf<'environment'> => m.topic === 'environment' && m.payload.stationId === 'qt-vung-tau-thang-tam').map((m) => [m.payload.time, m.payload.aqi]));
    const aqi = kpis.filter((m) => m.payload.kpiId === 'env-aqi-vung-tau');
    expect(aqi.length).toBeGreaterThan(150);
    for (const { payload } of aqi) expect(payload.value).toBe(readings.get(payload.time));
  });

  it('keeps the negative-news share near its target, as the KPI it replaced did', () => {
    const shares = stored.filter((m): m is HubMessageOf<'kpi'> => m.topic === 'kpi' && m.payload.kpiId === 'social-negative-share').map((m) => m.payload.value);
    expect(shares.length).toBeGreaterThan(200);
    const late = shares.slice(-50);
    expect(Math.max(...late)).toBeLessThan(20);
    expect(new Set(late).size).toBeGreaterThan(1);
  });
});

describe('demo alerts', () => {
  const alerts = (): Alert[] => stored.filter((m): m is HubMessageOf<'alert'> => m.topic === 'alert').map((m) => m.payload);

  it('have the status their text says: a text that reports an outcome is never new', () => {
    const all = alerts();
    expect(all.length).toBeGreaterThan(100);
    const saysDone = /đã được xử lý|^Đã chặn|đã xử lý xong/iu;
    const done = all.filter((a) => saysDone.test(a.text));
    expect(done.length).toBeGreaterThan(3);
    for (const alert of done) expect(alert.status, alert.text).toBe('resolved');
    // And the templates that say so are exactly those raised resolved.
    expect(ALERT_TEMPLATES.filter((t) => saysDone.test(t.text)).map((t) => t.category).sort()).toEqual([...REPORTS_OUTCOME].sort());
  });

  it('never raise an incident that is already open as a second alert', () => {
    const open = new Map<string, Alert>();
    for (const alert of alerts()) {
      const key = `${alert.category}|${alert.location.district}|${alert.cameraId ?? ''}`;
      const held = [...open.values()].find((a) => a.id !== alert.id && `${a.category}|${a.location.district}|${a.cameraId ?? ''}` === key);
      if (alert.status === 'open' && !open.has(alert.id)) expect(held, `${alert.id} repeats ${held?.id}`).toBeUndefined();
      if (alert.status === 'resolved') open.delete(alert.id);
      else open.set(alert.id, alert);
    }
  });

  it('say AQI over 100 only when the station read it (in the half hour run)', () => {
    const aqiAlerts = stored.filter((m): m is HubMessageOf<'alert'> => m.topic === 'alert' && m.payload.category === 'aqi-vuot-nguong');
    const readings = stored.filter((m): m is HubMessageOf<'environment'> => m.topic === 'environment');
    for (const { payload } of aqiAlerts.filter((m) => m.payload.status === 'open')) {
      const station = DEMO_STATIONS.find((s) => s.name === payload.location.address)!;
      const reading = readings.find((r) => r.payload.stationId === station.id && r.payload.time === payload.time);
      expect(reading?.payload.aqi).toBeGreaterThan(AQI_ALERT_ABOVE);
      expect(payload.location.district).toBe(station.district);
    }
    expect([...RAISED_BY_READINGS]).toEqual(['aqi-vuot-nguong']);
  });

  it('raise the AQI alert when a station crosses 100 and resolve it when it falls back, once each', () => {
    const sent: { topic: HubTopic; payload: unknown }[] = [];
    // A generator that pushes every station's drift up (random 1), then down (random 0).
    let level = 1;
    const start = Date.parse('2026-11-24T01:00:00Z');
    const feed = createEnvironmentFeed({ random: () => level, emit: (_d, topic, payload) => sent.push({ topic, payload }), state: new HubStateModel(), seedHistory: false, startedAt: start }, 0);
    let t = start;
    const step = (n: number): void => {
      for (let i = 0; i < n; i += 1) feed.tick((t += 10_000));
    };
    const kcn = (): EnvironmentReading[] => sent.filter((s) => s.topic === 'environment').map((s) => s.payload as EnvironmentReading).filter((r) => r.stationId === 'qt-phu-my-kcn');
    const aqiAlerts = (): Alert[] => sent.filter((s) => s.topic === 'alert').map((s) => s.payload as Alert);
    step(12);
    const high = kcn().find((r) => (r.aqi ?? 0) > AQI_ALERT_ABOVE)!;
    expect(high).toBeDefined();
    // Raised once, at the first reading over the threshold, for the station's unit; not again while high.
    const raised = aqiAlerts().filter((a) => a.location.address === 'Trạm quan trắc KCN Phú Mỹ I');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ status: 'open', time: high.time, category: 'aqi-vuot-nguong', text: 'Chỉ số AQI vượt ngưỡng 100 tại trạm quan trắc phường Phú Mỹ', location: { district: 'Phường Phú Mỹ' } });
    level = 0;
    step(30);
    const after = aqiAlerts().filter((a) => a.id === raised[0]!.id);
    expect(after.map((a) => a.status)).toEqual(['open', 'resolved']);
    // Resolved on the reading that fell back (the one sent just before it), not earlier.
    const at = sent.findIndex((s) => s.topic === 'alert' && (s.payload as Alert).status === 'resolved');
    const before = sent.slice(0, at).filter((s) => s.topic === 'environment' && (s.payload as EnvironmentReading).stationId === 'qt-phu-my-kcn');
    expect((before.at(-1)!.payload as EnvironmentReading).aqi).toBeLessThanOrEqual(90);
    expect((before.at(-2)!.payload as EnvironmentReading).aqi).toBeGreaterThan(90);
    // Côn Đảo's clean air never crosses: no alert there.
    expect(aqiAlerts().some((a) => a.location.district === 'Đặc khu Côn Đảo')).toBe(false);
  });

  it('happen only where they can: a river where it runs, a crowded beach on the coast', () => {
    for (const alert of alerts()) {
      const allowed = CATEGORY_UNITS[alert.category];
      if (allowed && !alert.cameraId) expect(allowed, alert.text).toContain(alert.location.district);
    }
  });
});

describe('units', () => {
  it('are named one way across every topic, the camera registry and the map seats', () => {
    const names = unitNamesIn(stored);
    for (const camera of cameras) if (camera.district) names.add(camera.district);
    for (const m of stored) if (m.topic === 'social-mention' && m.payload.district) names.add(m.payload.district);
    expect([...names].filter((name) => !DEMO_UNITS.includes(name))).toEqual([]);
    // Every unit is used, and each has somewhere on land for its events.
    expect([...names].sort()).toEqual([...DEMO_UNITS].sort());
    for (const unit of DEMO_UNITS) expect(demoPointIn(unit, seededRandom(1)), unit).toBeDefined();
  });

  it('use one form: the kind of unit, capitalised, then the name, at most 24 characters', () => {
    for (const { name } of DEMO_UNIT_SEATS) {
      expect(name).toMatch(/^(Phường|Xã|Đặc khu) \p{Lu}/u);
      expect(name.length).toBeLessThanOrEqual(UNIT_NAME_MAX);
      expect(name).toBe(name.normalize('NFC'));
    }
    expect(new Set(DEMO_UNITS).size).toBe(DEMO_UNITS.length);
  });

  it('are written in lower case inside a sentence, as Vietnamese does', () => {
    expect(unitInText('Phường Vũng Tàu')).toBe('phường Vũng Tàu');
    expect(unitInText('Đặc khu Côn Đảo')).toBe('đặc khu Côn Đảo');
    expect(unitInText('Xã Long Hải')).toBe('xã Long Hải');
    expect(unitInText('Cảng Cái Mép')).toBe('Cảng Cái Mép');
    const texts = stored.flatMap((m) => (m.topic === 'alert' ? [m.payload.text] : m.topic === 'social-mention' ? [m.payload.text] : []));
    expect(texts.filter((text) => / (Phường|Xã|Đặc khu) /u.test(text))).toEqual([]);
    expect(texts.some((text) => text.includes(' phường '))).toBe(true);
  });

  it('seed per-unit KPI series for every unit, keyed as the map reads them', () => {
    for (const unit of DEMO_UNITS) expect(hub.state.latest('kpi', kpiKey(UNIT_KPI.id, unit)), unit).toBeDefined();
  });
});
