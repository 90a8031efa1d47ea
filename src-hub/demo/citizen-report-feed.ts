import type { CitizenReport } from '../../src-shared/domain';
import { DEMO_UNITS, demoPointIn, withPoint } from '../../src-shared/demo/demo-units';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { pick } from './random';

/** What citizens of the province report, with a title per kind; `{d}` is the unit (demo-units.ts). */
const REPORT_KINDS = [
  { category: 'ngap-nuoc', title: 'Đường ngập sau mưa, xe máy chết máy hàng loạt ({d})' },
  { category: 'rac-thai', title: 'Rác thải sinh hoạt tồn đọng nhiều ngày tại khu dân cư ({d})' },
  { category: 'chieu-sang', title: 'Đèn chiếu sáng công cộng không hoạt động ({d})' },
  { category: 'trat-tu-do-thi', title: 'Lấn chiếm vỉa hè để kinh doanh ({d})' },
  { category: 'giao-thong', title: 'Ổ gà lớn trên tuyến đường chính gây nguy hiểm ({d})' },
  { category: 'tieng-on', title: 'Tiếng ồn từ quán karaoke sau 22 giờ ({d})' },
  { category: 'o-nhiem', title: 'Mùi hôi từ cơ sở sản xuất gần khu dân cư ({d})' },
  { category: 'cay-xanh', title: 'Cây xanh nghiêng đổ có nguy cơ gây tai nạn ({d})' },
] as const;

const CHANNELS = ['hotline', 'app', 'app', 'zalo', 'web', 'email', 'direct'] as const;

interface Tracked {
  report: CitizenReport;
  nextChangeAt: number;
}

/**
 * Citizen reports (phản ánh kiến nghị) from the reception centre: new ones arrive at random, and
 * each moves received → processing → resolved (a few are rejected) over minutes, as cases do.
 */
export function createCitizenReportFeed(ctx: FeedContext, meanSeconds: number): Feed {
  const { random, emit } = ctx;
  const tracked: Tracked[] = [];
  let counter = 0;
  let nextAt = ctx.startedAt + nextArrival(random, meanSeconds / 2);
  const later = (now: number): number => now + (20 + random() * 120) * 1000;

  for (const key of ctx.state.keys('citizen-report')) {
    const held = ctx.state.latest('citizen-report', key)?.payload;
    if (held && (held.status === 'received' || held.status === 'processing')) tracked.push({ report: held, nextChangeAt: later(ctx.startedAt) });
  }

  const receive = (now: number): void => {
    const kind = pick(REPORT_KINDS, random);
    const district = pick(DEMO_UNITS, random);
    counter += 1;
    const report: CitizenReport = {
      id: `pakn-${ctx.startedAt.toString(36)}-${counter}`,
      category: kind.category,
      title: kind.title.replace('{d}', district),
      // Most reports come with a place (the app and Zalo share one); a hotline call often does not.
      location: { district, ...(random() < 0.85 ? withPoint(demoPointIn(district, random)) : {}) },
      channel: pick(CHANNELS, random),
      status: 'received',
      receivedAt: iso(now),
    };
    emit('tt-pakn', 'citizen-report', report);
    tracked.push({ report, nextChangeAt: later(now) });
  };

  return {
    tick(now) {
      if (now >= nextAt) {
        receive(now);
        nextAt = now + nextArrival(random, meanSeconds);
      }
      for (let i = tracked.length - 1; i >= 0; i -= 1) {
        const item = tracked[i]!;
        if (now < item.nextChangeAt) continue;
        const { report } = item;
        if (report.status === 'received') {
          item.report = { ...report, status: 'processing' };
          item.nextChangeAt = later(now) + 60_000;
        } else {
          const rejected = random() < 0.06;
          item.report = rejected ? { ...report, status: 'rejected' } : { ...report, status: 'resolved', resolvedAt: iso(now) };
          tracked.splice(i, 1);
        }
        emit('tt-pakn', 'citizen-report', item.report);
      }
    },
  };
}
