import type { SecurityEvent } from '../../src-shared/domain';
import { iso, nextArrival, type Feed, type FeedContext } from './feed';
import { pick } from './random';

/** Systems of the province that the SOC of the Sở TT&TT watches. */
const TARGETS = [
  'Cổng dịch vụ công tỉnh',
  'Cổng thông tin điện tử tỉnh',
  'Hệ thống quản lý văn bản và điều hành',
  'Hệ thống thư điện tử công vụ',
  'Trung tâm dữ liệu tỉnh',
  'Hệ thống một cửa điện tử',
] as const;
const KINDS = ['scan', 'scan', 'scan', 'malware', 'phishing', 'ddos', 'intrusion', 'defacement'] as const;
const SOURCES = ['185.220.101.7', '45.95.147.22', 'thư điện tử giả mạo', '103.97.125.9', 'botnet Mirai'] as const;

interface OpenEvent {
  event: SecurityEvent;
  resolveAt: number;
}

/** Security events: most scans and malware are blocked at once, the rest are handled within minutes. */
export function createSecurityEventFeed(ctx: FeedContext, meanSeconds: number): Feed {
  const { random, emit } = ctx;
  const open: OpenEvent[] = [];
  let counter = 0;
  let nextAt = ctx.startedAt + nextArrival(random, meanSeconds / 2);

  const detect = (now: number): void => {
    const kind = pick(KINDS, random);
    counter += 1;
    const blocked = (kind === 'scan' || kind === 'malware' || kind === 'phishing') && random() < 0.8;
    const severe = kind === 'intrusion' || kind === 'defacement' || kind === 'ddos';
    const event: SecurityEvent = {
      id: `attt-${ctx.startedAt.toString(36)}-${counter}`,
      time: iso(now),
      severity: severe ? 'critical' : blocked ? 'info' : 'warning',
      kind,
      target: pick(TARGETS, random),
      source: pick(SOURCES, random),
      status: blocked ? 'blocked' : 'detected',
    };
    emit('so-tttt', 'security-event', event);
    if (!blocked) open.push({ event, resolveAt: now + (60 + random() * 180) * 1000 });
  };

  return {
    tick(now) {
      if (now >= nextAt) {
        detect(now);
        nextAt = now + nextArrival(random, meanSeconds);
      }
      for (let i = open.length - 1; i >= 0; i -= 1) {
        if (now < open[i]!.resolveAt) continue;
        emit('so-tttt', 'security-event', { ...open[i]!.event, status: 'resolved' });
        open.splice(i, 1);
      }
    },
  };
}
