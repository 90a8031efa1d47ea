import type { DossierCounts } from '../../src-shared/domain';
import { iso, localDate, type Feed, type FeedContext } from './feed';
import type { Random } from './random';

/** Units with a one-stop desk (bộ phận một cửa) and their usual dossiers per working day. */
const UNITS = [
  { unitId: 'ubnd-tp-vung-tau', unitName: 'UBND TP. Vũng Tàu', perDay: 420 },
  { unitId: 'ubnd-tp-ba-ria', unitName: 'UBND TP. Bà Rịa', perDay: 260 },
  { unitId: 'ubnd-tx-phu-my', unitName: 'UBND TX. Phú Mỹ', perDay: 240 },
  { unitId: 'ubnd-h-chau-duc', unitName: 'UBND H. Châu Đức', perDay: 150 },
  { unitId: 'ubnd-h-xuyen-moc', unitName: 'UBND H. Xuyên Mộc', perDay: 140 },
  { unitId: 'ubnd-h-long-dien', unitName: 'UBND H. Long Điền', perDay: 130 },
  { unitId: 'ubnd-h-dat-do', unitName: 'UBND H. Đất Đỏ', perDay: 90 },
  { unitId: 'ubnd-h-con-dao', unitName: 'UBND H. Côn Đảo', perDay: 25 },
  { unitId: 'so-xay-dung', unitName: 'Sở Xây dựng', perDay: 110 },
  { unitId: 'so-tu-phap', unitName: 'Sở Tư pháp', perDay: 180 },
  { unitId: 'so-kh-dt', unitName: 'Sở Kế hoạch và Đầu tư', perDay: 95 },
] as const;

type Unit = (typeof UNITS)[number];

/**
 * The hub keeps 31 versions per unit (hub-topics.ts), meant as a month of days, so today's counts
 * are updated hourly rather than every minute.
 */
const EVERY_MS = 3_600_000;
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

/** Daily dossier counts (hồ sơ TTHC) per unit from the public-administration centre. */
export function createDossierFeed(ctx: FeedContext): Feed {
  const { random, emit } = ctx;
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
  let nextAt = ctx.startedAt;
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + EVERY_MS;
      for (const unit of UNITS) {
        let day = today.get(unit.unitId);
        if (day?.date !== localDate(now)) {
          day = { date: localDate(now), rates: rates(random) };
          today.set(unit.unitId, day);
        }
        emit('ubnd-pvhcc', 'dossier-counts', counts(unit, now, Math.max(0.05, dayShare(now)), day.rates));
      }
    },
  };
}
