import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KpiTile } from '../../../src-shared/domain';
import { HUB_TOPIC_NAMES, HUB_TOPICS, type HubTopic } from '../../../src-shared/hub-protocol';
import type { AppInfo } from '../../../src-shared/ipc';
import { TileFrame } from '../../../src-renderer/components/tile-frame';
import { STALE_CRITICAL_FACTOR } from '../../../src-renderer/constants';
import { recordTime, staleAfterSeconds, staleness, type TileFreshness } from '../../../src-renderer/format/age';
import { citizenReport, dossierCounts, environmentReading, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

/** What a host sends: every topic's default, then what the config file overrides. */
function configured(overrides: Partial<Record<HubTopic, number>> = {}): AppInfo['staleAfterSeconds'] {
  return { ...(Object.fromEntries(HUB_TOPIC_NAMES.map((topic) => [topic, HUB_TOPICS[topic].staleAfterSeconds])) as AppInfo['staleAfterSeconds']), ...overrides };
}

describe('stale thresholds', () => {
  it("uses the topic's protocol default until the host has said otherwise", () => {
    expect(staleAfterSeconds('kpi', undefined)).toBe(HUB_TOPICS.kpi.staleAfterSeconds);
    expect(staleAfterSeconds('alert', undefined)).toBe(HUB_TOPICS.alert.staleAfterSeconds);
    expect(staleAfterSeconds('environment', configured())).toBe(HUB_TOPICS.environment.staleAfterSeconds);
  });

  it("uses the host's configured value per topic over the default", () => {
    const info = configured({ kpi: 1, alert: 120 });
    expect(staleAfterSeconds('kpi', info)).toBe(1);
    expect(staleAfterSeconds('alert', info)).toBe(120);
    expect(staleAfterSeconds('dossier-counts', info)).toBe(HUB_TOPICS['dossier-counts'].staleAfterSeconds);
  });

  it("lets a KPI definition's own threshold override the configured one", () => {
    const monthly = { ...TEST_DEFINITION, staleAfterSeconds: 35 * 86_400 };
    expect(staleAfterSeconds('kpi', configured({ kpi: 60 }), monthly)).toBe(35 * 86_400);
    expect(staleAfterSeconds('kpi', configured({ kpi: 60 }), TEST_DEFINITION)).toBe(60);
  });

  it('is fresh below the threshold, stale from it, critical from the critical factor times it', () => {
    expect(staleness(599_999, 600)).toBe('fresh');
    expect(staleness(600_000, 600)).toBe('stale');
    expect(staleness(600_000 * STALE_CRITICAL_FACTOR - 1, 600)).toBe('stale');
    expect(staleness(600_000 * STALE_CRITICAL_FACTOR, 600)).toBe('critical');
    expect(staleness(Number.POSITIVE_INFINITY, 600)).toBe('critical');
  });

  it("counts age from the department's own time of the record", () => {
    const point = { ...kpiPoint(1), time: '2025-11-24T08:00:00+07:00' };
    expect(recordTime('kpi', point)).toBe(point.time);
    const report = { ...citizenReport('pa-1', 'resolved'), receivedAt: '2025-11-24T07:00:00+07:00', resolvedAt: '2025-11-24T09:00:00+07:00' };
    expect(recordTime('citizen-report', report)).toBe(report.resolvedAt);
    expect(recordTime('environment', environmentReading('st', 40))).toMatch(/^\d{4}-/);
    expect(recordTime('dossier-counts', { ...dossierCounts('u', '2025-11-24', 1, 2), time: '2025-11-24T17:00:00+07:00' })).toBe('2025-11-24T17:00:00+07:00');
  });
});

describe('a stale tile on the wall', () => {
  const tile: KpiTile = { id: 'k1', kind: 'kpi', kpiId: 'x', chart: 'line', area: { col: 1, row: 1, colSpan: 1, rowSpan: 1 } };
  const render = (freshness: TileFreshness, staleMark?: boolean): string =>
    renderToStaticMarkup(createElement(TileFrame, { tile, accent: '#fff', title: 'Chỉ số', ageText: 'cập nhật 12 phút trước', freshness, staleAfterSeconds: 600, staleMark, children: 'giá trị' }));

  it('shows no stale mark while fresh', () => {
    const html = render('fresh');
    expect(html).toContain('data-stale="fresh"');
    expect(html).not.toContain('tile__stale-mark');
    expect(html).not.toContain('Dữ liệu cũ');
  });

  it('marks stale data with an amber badge, the "dữ liệu cũ" strip and the threshold it passed', () => {
    const html = render('stale');
    expect(html).toContain('data-stale="stale"');
    expect(html).toContain('data-stale-mark="true"');
    expect(html).toMatch(/class="tile__age" data-staleness="stale"/);
    expect(html).toContain('Dữ liệu cũ');
    expect(html).toContain('quá 10 phút chưa có số liệu mới');
    expect(html).toMatch(/tile__stale-mark-hint">quá 10 phút</);
  });

  it('marks data far past its threshold as critical', () => {
    const html = render('critical');
    expect(html).toContain('data-stale="critical"');
    expect(html).toMatch(/class="tile__stale-mark" data-staleness="critical"/);
  });

  it('leaves the strip out for tiles that explain their own state (cameras)', () => {
    const html = render('stale', false);
    expect(html).toContain('data-stale="stale"');
    expect(html).not.toContain('tile__stale-mark');
  });
});
