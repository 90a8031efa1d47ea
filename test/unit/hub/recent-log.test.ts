import { describe, expect, it } from 'vitest';
import { RecentLog } from '../../../src-hub/cluster/recent-log';
import { kpiMessage } from '../../helpers/wall-stream';

const messages = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => kpiMessage(from + i, 'k', i));

describe('RecentLog', () => {
  it('keeps the newest `keep` messages and answers replays from them, through many cuts', () => {
    const log = new RecentLog(10);
    messages(1, 95).forEach((m) => log.push(m));
    expect(log.size).toBe(10);
    expect(log.firstSeq).toBe(86);
    expect(log.nextSeq).toBe(96);
    expect(log.since(85, 100).map((m) => m.seq)).toEqual(messages(86, 95).map((m) => m.seq));
    expect(log.since(90, 3).map((m) => m.seq)).toEqual([91, 92, 93]);
    expect(log.since(95, 10)).toEqual([]);
    // Older than what is kept: nothing, so the caller sends a snapshot instead of a partial replay.
    expect(log.since(80, 10)).toEqual([]);
  });

  it('starts afresh on a message that does not follow the newest', () => {
    const log = new RecentLog(5);
    messages(1, 3).forEach((m) => log.push(m));
    log.push(kpiMessage(10, 'k', 0));
    expect(log.firstSeq).toBe(10);
    expect(log.size).toBe(1);
  });
});
