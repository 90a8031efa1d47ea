import type { Camera, CitizenReport, DossierCounts, EnvironmentReading, KpiDefinition, KpiPoint, SecurityEvent, SocialMention } from '../../src-shared/domain';
import type { HubTopic } from '../../src-shared/hub-protocol';
import type { SubsystemId } from '../../src-shared/subsystems';
import { newestRecordTime, recordTime } from '../format/age';
import { formatNumber } from '../format/numbers';
import { kpiUnitIn, withUnit } from '../format/units';
import { localized, unitNameIn } from '../i18n/data-text';
import type { Translate } from '../i18n/translate';
import { currentRecords, latestOf, type TopicTable } from '../stores/topic-table';
import { amendedDefinition, assessKpi, type KpiAssessment } from '../tiles/kpi/kpi-assessment';

/**
 * The console's "latest per subsystem" panel as plain data: one line per KPI series, plus a summary
 * line for each other topic (open citizen reports, AQI per station, the dossier on-time rate of the
 * latest day, open security events, negative mentions, cameras online). Pure, so it is tested
 * without React; the panel adds the age of each line on the shared clock.
 */
export interface DigestLine {
  /** Stable key; also `data-digest-line` for tests. */
  id: string;
  subsystem: SubsystemId;
  label: string;
  value: string;
  assessment: KpiAssessment;
  /** The topic whose stale threshold applies. */
  topic: HubTopic;
  /** Department time of the newest record behind the line; undefined: none yet, or the topic has no time. */
  time: string | undefined;
  /** A KPI definition's own stale threshold. */
  staleAfterSeconds?: number;
  /** The topic has no department time (the camera registry): the line shows no age. */
  timeless?: boolean;
}

export interface DigestInput {
  definitions: TopicTable<KpiDefinition>;
  series: TopicTable<KpiPoint>;
  reports: TopicTable<CitizenReport>;
  environment: TopicTable<EnvironmentReading>;
  dossiers: TopicTable<DossierCounts>;
  security: TopicTable<SecurityEvent>;
  mentions: TopicTable<SocialMention>;
  cameras: TopicTable<Camera>;
}

export interface DigestFormat {
  t: Translate;
  language: 'vi' | 'en';
  locale: string;
}

/** Stations listed per console group at most: the worst air first, so the list stays a glance. */
export const MAX_STATION_LINES = 8;

function kpiLines({ definitions, series }: DigestInput, { t, language, locale }: DigestFormat): DigestLine[] {
  const byKpi = new Map<string, KpiPoint[]>();
  for (const latest of currentRecords(series)) byKpi.set(latest.kpiId, [...(byKpi.get(latest.kpiId) ?? []), latest]);
  const ids = new Set([...definitions.keys(), ...byKpi.keys()]);
  const lines: DigestLine[] = [];
  for (const kpiId of [...ids].sort()) {
    const definition = latestOf(definitions, kpiId);
    // Province-wide first, then districts in name order.
    const points = (byKpi.get(kpiId) ?? []).sort((a, b) => (a.district ?? '').localeCompare(b.district ?? '', locale));
    const name = definition?.[language] ?? kpiId;
    const subsystem = definition?.subsystem ?? points[0]?.subsystem;
    if (!subsystem) continue;
    if (points.length === 0) {
      lines.push({ id: `kpi:${kpiId}`, subsystem, label: name, value: '—', assessment: 'neutral', topic: 'kpi', time: undefined, staleAfterSeconds: definition?.staleAfterSeconds });
      continue;
    }
    for (const point of points) {
      const shown = amendedDefinition(definition, point);
      lines.push({
        id: `kpi:${point.district ? `${kpiId}@${point.district}` : kpiId}`,
        subsystem,
        label: point.district ? t('kpi.inDistrict', { name, district: unitNameIn(point.district, language) }) : name,
        value: withUnit(formatNumber(point.value, shown?.decimals ?? 0, locale), shown ? kpiUnitIn(shown, language) : point.unit),
        assessment: shown ? assessKpi(point.value, shown) : 'neutral',
        topic: 'kpi',
        time: recordTime('kpi', point),
        staleAfterSeconds: definition?.staleAfterSeconds,
      });
    }
  }
  return lines;
}

function citizenReportLine({ reports }: DigestInput, { t }: DigestFormat): DigestLine | null {
  if (reports.size === 0) return null;
  const current = [...currentRecords(reports)];
  const open = current.filter((r) => r.status === 'received' || r.status === 'processing').length;
  return {
    id: 'citizen-report:open',
    subsystem: 'citizen-feedback',
    label: t('digest.reportsOpen', { n: current.length }),
    value: String(open),
    assessment: 'neutral',
    topic: 'citizen-report',
    time: newestRecordTime('citizen-report', current),
  };
}

function aqiAssessment(aqi: number): KpiAssessment {
  if (aqi <= 50) return 'good';
  return aqi > 100 ? 'bad' : 'neutral';
}

function environmentLines({ environment }: DigestInput, { t, language, locale }: DigestFormat): DigestLine[] {
  const readings = [...currentRecords(environment)].sort((a, b) => (b.aqi ?? -1) - (a.aqi ?? -1) || a.stationName.localeCompare(b.stationName, locale));
  return readings.slice(0, MAX_STATION_LINES).map((r): DigestLine => {
    const base = { id: `environment:${r.stationId}`, subsystem: 'environment' as const, topic: 'environment' as const, time: recordTime('environment', r) };
    const station = localized(r.stationName, r.stationNameEn, language);
    if (r.aqi !== undefined) return { ...base, label: t('digest.aqi', { station }), value: withUnit(String(r.aqi), 'AQI'), assessment: aqiAssessment(r.aqi) };
    if (r.pm25 !== undefined) return { ...base, label: t('digest.pm25', { station }), value: withUnit(formatNumber(r.pm25, 1, locale), 'µg/m³'), assessment: 'neutral' };
    return { ...base, label: t('digest.waterLevel', { station }), value: withUnit(formatNumber(r.waterLevelCm ?? 0, 0, locale), 'cm'), assessment: 'neutral' };
  });
}

/** "2025-11-24" as "24/11/2025", the way the room writes dates. */
function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The on-time rate of the latest day any unit has counted, over every unit's newest count for that
 * day: the day's figure as it stands, even just after midnight before units have sent the new day.
 */
export function dossierDay(dossiers: TopicTable<DossierCounts>): { date: string; onTime: number; resolved: number; counts: DossierCounts[] } | null {
  let date: string | undefined;
  for (const { versions } of dossiers.values()) for (const c of versions) if (date === undefined || c.date > date) date = c.date;
  if (date === undefined) return null;
  const counts: DossierCounts[] = [];
  for (const { versions } of dossiers.values()) {
    const ofDay = versions.findLast((c) => c.date === date);
    if (ofDay) counts.push(ofDay);
  }
  return { date, counts, onTime: counts.reduce((n, c) => n + c.onTime, 0), resolved: counts.reduce((n, c) => n + c.resolved, 0) };
}

function dossierLine({ dossiers }: DigestInput, { t, locale }: DigestFormat): DigestLine | null {
  const day = dossierDay(dossiers);
  if (!day) return null;
  const rate = day.resolved > 0 ? (day.onTime / day.resolved) * 100 : undefined;
  return {
    id: 'dossier-counts:on-time',
    subsystem: 'public-admin',
    label: t('digest.dossierOnTime', {
      date: formatDate(day.date),
      onTime: formatNumber(day.onTime, 0, locale),
      resolved: formatNumber(day.resolved, 0, locale),
      n: day.counts.length,
    }),
    value: rate === undefined ? '—' : withUnit(formatNumber(rate, 1, locale), '%'),
    assessment: 'neutral',
    topic: 'dossier-counts',
    time: newestRecordTime('dossier-counts', day.counts),
  };
}

function securityLine({ security }: DigestInput, { t }: DigestFormat): DigestLine | null {
  if (security.size === 0) return null;
  const events = [...currentRecords(security)];
  const open = events.filter((e) => e.status === 'detected');
  const critical = open.filter((e) => e.severity === 'critical').length;
  return {
    id: 'security-event:open',
    subsystem: 'infosec',
    label: t('digest.securityOpen'),
    value: critical > 0 ? t('digest.securityOpen.value', { n: open.length, critical }) : String(open.length),
    assessment: critical > 0 ? 'bad' : 'neutral',
    topic: 'security-event',
    time: newestRecordTime('security-event', events),
  };
}

function socialLine({ mentions }: DigestInput, { t, locale }: DigestFormat): DigestLine | null {
  if (mentions.size === 0) return null;
  const all = [...currentRecords(mentions)];
  const negative = all.filter((m) => m.sentiment === 'negative').length;
  return {
    id: 'social-mention:negative',
    subsystem: 'social-media',
    label: t('digest.negativeMentions', { n: all.length }),
    value: withUnit(formatNumber((negative / all.length) * 100, 1, locale), '%'),
    assessment: 'neutral',
    topic: 'social-mention',
    time: newestRecordTime('social-mention', all),
  };
}

function cameraLine({ cameras }: DigestInput, { t }: DigestFormat): DigestLine | null {
  if (cameras.size === 0) return null;
  const all = [...currentRecords(cameras)];
  const online = all.filter((c) => c.status === 'online').length;
  // The registry has no department time: the line shows no age.
  return { id: 'camera:online', subsystem: 'camera', label: t('digest.camerasOnline'), value: `${online}/${all.length}`, assessment: online === 0 ? 'bad' : 'neutral', topic: 'camera', time: undefined, timeless: true };
}

/** Every line of the panel, KPI series first within a subsystem, then the topic summaries. */
export function digestLines(input: DigestInput, format: DigestFormat): DigestLine[] {
  const summaries = [citizenReportLine, dossierLine, securityLine, socialLine, cameraLine].map((line) => line(input, format));
  return [...kpiLines(input, format), ...environmentLines(input, format), ...summaries.filter((line): line is DigestLine => line !== null)];
}
