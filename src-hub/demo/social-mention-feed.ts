import type { SocialMention } from '../../src-shared/domain';
import { DISTRICTS } from './alert-templates';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { pick, type Random } from './random';

const MENTIONS = {
  positive: [
    'Du khách khen bãi biển Vũng Tàu sạch đẹp dịp cuối tuần',
    'Thủ tục cấp giấy phép xây dựng tại {d} nhanh, cán bộ nhiệt tình',
    'Người dân hài lòng với tuyến đường mới thông xe ở {d}',
  ],
  neutral: [
    'Lịch cắt điện dự kiến tại {d} trong tuần tới',
    'Thông tin tuyển sinh lớp 10 năm học mới của tỉnh',
    'Giá hải sản tại chợ {d} ổn định',
  ],
  negative: [
    'Phàn nàn về kẹt xe kéo dài trên Quốc lộ 51 qua {d}',
    'Người dân bức xúc vì ngập nước sau mưa tại {d}',
    'Bình luận tiêu cực về việc chậm trả kết quả hồ sơ tại {d}',
  ],
} as const;
const PLATFORMS = ['facebook', 'facebook', 'zalo', 'news', 'tiktok', 'youtube', 'forum'] as const;

function sentimentOf(random: Random): keyof typeof MENTIONS {
  const r = random();
  return r < 0.3 ? 'positive' : r < 0.85 ? 'neutral' : 'negative';
}

/** Mentions of the province on social media, with the classifier's sentiment and score. */
export function createSocialMentionFeed(ctx: FeedContext, meanSeconds: number): Feed {
  const { random, emit } = ctx;
  let counter = 0;
  let nextAt = ctx.startedAt + nextArrival(random, meanSeconds / 2);
  return {
    tick(now) {
      if (now < nextAt) return;
      nextAt = now + nextArrival(random, meanSeconds);
      const sentiment = sentimentOf(random);
      const district = pick(DISTRICTS, random);
      const magnitude = Math.round((0.3 + random() * 0.7) * 100) / 100;
      counter += 1;
      const mention: SocialMention = {
        id: `mxh-${ctx.startedAt.toString(36)}-${counter}`,
        time: iso(now),
        platform: pick(PLATFORMS, random),
        text: pick(MENTIONS[sentiment], random).replace('{d}', district),
        sentiment,
        score: sentiment === 'positive' ? magnitude : sentiment === 'negative' ? -magnitude : Math.round((random() - 0.5) * 40) / 100,
        district,
      };
      emit('so-tttt', 'social-mention', mention);
    },
  };
}
