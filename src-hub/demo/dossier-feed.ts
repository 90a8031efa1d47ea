import type { DossierCounts } from '../../src-shared/domain';
import { derivedPoint, percent } from './derived-kpi';
import { iso, localDate, type Feed, type FeedContext } from './feed';
import { DERIVED_KPIS } from './kpi-catalog';
import type { Random } from './random';

/** Units with a one-stop desk (bộ phận một cửa) and their usual dossiers per working day. */
const UNITS = [
  { unitId: 'ubnd-p-vung-tau', unitName: 'UBND phường Vũng Tàu', perDay: 180 },
  { unitId: 'ubnd-p-tam-thang', unitName: 'UBND phường Tam Thắng', perDay: 120 },
  { unitId: 'ubnd-p-phuoc-thang', unitName: 'UBND phường Phước Thắng', perDay: 90 },
  { unitId: 'ubnd-p-ba-ria', unitName: 'UBND phường Bà Rịa', perDay: 150 },
  { unitId: 'ubnd-p-phu-my', unitName: 'UBND phường Phú Mỹ', perDay: 110 },
  { unitId: 'ubnd-p-tan-phuoc', unitName: 'UBND phường Tân Phước', perDay: 70 },
  { unitId: 'ubnd-x-long-hai', unitName: 'UBND xã Long Hải', perDay: 60 },
  { unitId: 'ubnd-x-dat-do', unitName: 'UBND xã Đất Đỏ', perDay: 55 },
  { unitId: 'ubnd-x-xuyen-moc', unitName: 'UBND xã Xuyên Mộc', perDay: 65 },
  { unitId: 'ubnd-x-ngai-giao', unitName: 'UBND xã Ngãi Giao', perDay: 70 },
  { unitId: 'ubnd-dk-con-dao', unitName: 'UBND đặc khu Côn Đảo', perDay: 25 },
  { unitId: 'so-xay-dung', unitName: 'Sở Xây dựng', perDay: 110 },
  { unitId: 'so-tu-phap', unitName: 'Sở Tư pháp', perDay: 180 },
  { unitId: 'so-tai-chinh', unitName: 'Sở Tài chính', perDay: 95 },
] as const;

type Unit = (typeof UNITS)[number];

/**
 * Today's counts are re-sent every minute as they grow (the hub keeps one record per unit and day,
 * hub-topics.ts), and with them the two KPIs taken from them (kpi-catalog.ts DERIVED_KPIS).
 */
const EVERY_MS = 60_000;
const DAY_MS = 86_400_000;

/** Share of a working day's dossiers received by `time` (desks open 7:30–17:00, Vietnam time). */
function dayShare(time: number): number {
  const hour = ((time / 3_600_000 + 7) % 24 + 24) % 24;
  return Math.min(1, Math.max(0, (hour - 7.5) / 9.5));
}

interface DayRates {
  volume: number;
  resolved: number;
  onTime: number;
  overdue: number;
}

function rates(random: Random): DayRates {
  return { volume: 0.85 + random() * 0.3, resolved: 0.75 + random() * 0.2, onTime: 0.93 + random() * 0.07, overdue: 0.5 + random() };
}

/** Counts at `time`; one day's rates stay fixed so the counts only grow through the day. */
function counts(unit: Unit, time: number, share: number, r: DayRates): DossierCounts {
  const received = Math.round(unit.perDay * share * r.volume);
  const resolved = Math.round(received * r.resolved);
  const onTime = Math.round(resolved * r.onTime);
  const overdue = Math.round((resolved - onTime) * r.overdue);
  return { unitId: unit.unitId, unitName: unit.unitName, date: localDate(time), received, resolved, onTime, overdue, time: iso(time) };
}

/** The province's figures of one moment, over every unit's counts of that moment. */
function totals(all: readonly DossierCounts[]): { received: number; resolved: number; onTime: number } {
  return all.reduce((sum, c) => ({ received: sum.received + c.received, resolved: sum.resolved + c.resolved, onTime: sum.onTime + c.onTime }), { received: 0, resolved: 0, onTime: 0 });
}

/**
 * Daily dossier counts (hồ sơ TTHC) per unit from the public-administration centre, and the
 * province's KPIs of today taken from them: dossiers received, and resolved on time over resolved.
 * So the wall's gauge and the console's "Hồ sơ đúng hạn ngày …" line are one figure.
 */
export function createDossierFeed(ctx: FeedContext): Feed {
  const { random, emit } = ctx;
  const { dossiersOnTime, dossiersReceived } = DERIVED_KPIS;
  if (ctx.seedHistory) {
    for (const unit of UNITS) {
      if (ctx.state.keys('dossier-counts').some((key) => key.startsWith(`${unit.unitId}@`))) continue;
      for (let day = 30; day >= 1; day -= 1) {
        // Yesterday and before: the full day, reported at the close of the desk.
        const time = ctx.startedAt - day * DAY_MS;
        emit('ubnd-pvhcc', 'dossier-counts', counts(unit, time, 1, rates(random)));
      }
    }
  }
  /** Per unit, the day being counted and its rates. */
  const today = new Map<string, { date: string; rates: DayRates }>();
  const ratesOf = (unitId: string, time: number): DayRates => {
    let day = today.get(unitId);
    if (day?.date !== localDate(time)) {
      day = { date: localDate(time), rates: rates(random) };
      today.set(unitId, day);
    }
    return day.rates;
  };
  const countsAt = (time: number): DossierCounts[] => UNITS.map((unit) => counts(unit, time, Math.max(0.05, dayShare(time)), ratesOf(unit.unitId, time)));
  const sendKpis = (all: readonly DossierCounts[], time: number): void => {
    const sum = totals(all);
    emit('ubnd-pvhcc', 'kpi', derivedPoint(dossiersReceived, sum.received, time));
    emit('ubnd-pvhcc', 'kpi', derivedPoint(dossiersOnTime, percent(sum.onTime, sum.resolved), time));
  };
  // The KPIs' history over the last hour, from today's counts as they grew (the counts themselves
  // are one record per unit and day: only the latest is kept).
  if (ctx.seedHistory && !ctx.state.latest('kpi', dossiersOnTime.id)) {
    for (let i = 60; i >= 1; i -= 1) {
      const time = ctx.startedAt - i * EVERY_MS;
      if (localDate(time) === localDate(ctx.startedAt)) sendKpis(countsAt(time), time);
    }
  }
  let nextAt = ctx.startedAt;
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + EVERY_MS;
      const all = countsAt(now);
      all.forEach((c) => emit('ubnd-pvhcc', 'dossier-counts', c));
      sendKpis(all, now);
    },
  };
}
