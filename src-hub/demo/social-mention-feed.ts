import type { SocialMention } from '../../src-shared/domain';
import { DEMO_UNITS, unitInText } from '../../src-shared/demo/demo-units';
import { topicSpec } from '../../src-shared/hub-topics';
import { kpiDepartment } from './demo-departments';
import { derivedPoint, percent } from './derived-kpi';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { DERIVED_KPIS } from './kpi-catalog';
import { pick, type Random } from './random';

type Sentiment = SocialMention['sentiment'];

/** A mention's text; `{d}` is its unit in running text, `units` where it can be said at all (default: any). */
interface MentionText {
  text: string;
  units?: readonly string[];
}

/** Units Quốc lộ 51 runs through. */
const ON_QL51 = ['Phường Phú Mỹ', 'Phường Tân Phước', 'Phường Bà Rịa', 'Phường Phước Thắng'];
/** Units on the sea, with beaches and fish markets. */
const COASTAL = ['Phường Vũng Tàu', 'Phường Tam Thắng', 'Xã Long Hải', 'Đặc khu Côn Đảo'];

const MENTIONS: Readonly<Record<Sentiment, readonly MentionText[]>> = {
  positive: [
    { text: 'Du khách khen bãi biển Vũng Tàu sạch đẹp dịp cuối tuần', units: ['Phường Vũng Tàu'] },
    { text: 'Thủ tục cấp giấy phép xây dựng tại {d} nhanh, cán bộ nhiệt tình' },
    { text: 'Người dân hài lòng với tuyến đường mới thông xe ở {d}' },
  ],
  neutral: [
    { text: 'Lịch cắt điện dự kiến tại {d} trong tuần tới' },
    { text: 'Thông tin tuyển sinh lớp 10 năm học mới tại {d}' },
    { text: 'Giá hải sản tại chợ {d} ổn định', units: COASTAL },
  ],
  negative: [
    { text: 'Phàn nàn về kẹt xe kéo dài trên Quốc lộ 51 qua {d}', units: ON_QL51 },
    { text: 'Người dân bức xúc vì ngập nước sau mưa tại {d}' },
    { text: 'Bình luận tiêu cực về việc chậm trả kết quả hồ sơ tại {d}' },
  ],
};
const PLATFORMS = ['facebook', 'facebook', 'zalo', 'news', 'tiktok', 'youtube', 'forum'] as const;
/** Mentions seeded into an empty hub (about 20 minutes), so the negative-news chart has a history on the first paint. */
const SEED_MENTIONS = 150;
/** The seeded KPI starts once this many mentions are counted: a share of five mentions is noise, not news. */
const SEED_KPI_FROM = 30;

function sentimentOf(random: Random): Sentiment {
  const r = random();
  return r < 0.35 ? 'positive' : r < 0.93 ? 'neutral' : 'negative';
}

/**
 * Mentions of the province on social media, with the classifier's sentiment and score, and the
 * KPI that counts them: the share of negative mentions among those the hub keeps (the topic's key
 * limit), which is exactly the set a wall holds. So the negative-news tile and the console's
 * "tin tiêu cực (N tin gần nhất)" line show one number, not two.
 */
export function createSocialMentionFeed(ctx: FeedContext, meanSeconds: number): Feed {
  const { random, emit } = ctx;
  const kept = topicSpec('social-mention').keyLimit;
  const definition = DERIVED_KPIS.negativeShare;
  /** Sentiments of the mentions the hub keeps, oldest first. */
  const window: Sentiment[] = [];
  for (const key of ctx.state.keys('social-mention')) {
    const held = ctx.state.latest('social-mention', key)?.payload;
    if (held) window.push(held.sentiment);
  }
  let counter = 0;

  const mention = (time: number, withKpi = true): void => {
    const sentiment = sentimentOf(random);
    const said = pick(MENTIONS[sentiment], random);
    const district = pick(said.units ?? DEMO_UNITS, random);
    const magnitude = Math.round((0.3 + random() * 0.7) * 100) / 100;
    counter += 1;
    const record: SocialMention = {
      id: `mxh-${ctx.startedAt.toString(36)}-${counter}`,
      time: iso(time),
      platform: pick(PLATFORMS, random),
      text: said.text.replace('{d}', unitInText(district)),
      sentiment,
      score: sentiment === 'positive' ? magnitude : sentiment === 'negative' ? -magnitude : Math.round((random() - 0.5) * 40) / 100,
      district,
    };
    emit('so-tttt', 'social-mention', record);
    window.push(sentiment);
    if (window.length > kept) window.splice(0, window.length - kept);
    if (!withKpi) return;
    const negative = window.filter((s) => s === 'negative').length;
    emit(kpiDepartment(definition.subsystem), 'kpi', derivedPoint(definition, percent(negative, window.length), time));
  };

  if (ctx.seedHistory && window.length === 0) {
    // Arrival times back from the start, then sent oldest first.
    const times: number[] = [];
    let at = ctx.startedAt;
    for (let i = 0; i < SEED_MENTIONS; i += 1) {
      at -= nextArrival(random, meanSeconds);
      times.unshift(Math.round(at));
    }
    times.forEach((time, i) => mention(time, i + 1 >= SEED_KPI_FROM));
  }

  let nextAt = ctx.startedAt + nextArrival(random, meanSeconds / 2);
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + nextArrival(random, meanSeconds);
      mention(now);
    },
  };
}
