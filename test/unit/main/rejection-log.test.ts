import { describe, expect, it } from 'vitest';
import { describeRejection, RejectionLog } from '../../../src-main/hub/rejection-log';
import { hubMessageSchema } from '../../../src-shared/hub-protocol';
import { createMemoryLogger } from '../../../src-shared/node/log';

/**
 * A hub sending garbage at 1,000 events a second must not fill the wall PC's disk: the rejection
 * log writes a bounded number of lines per minute and counts the rest. A fake clock steps minutes.
 */
describe('rejection log', () => {
  it('logs the first `perMinute` rejections of a minute one by one, then only counts, and sums up the rest when the next minute starts', () => {
    const log = createMemoryLogger('hub');
    let now = 1_000_000;
    const rejections = new RejectionLog(log, 3, () => now);
    for (let i = 1; i <= 5; i += 1) rejections.record('message', `bad ${i}`);
    expect(rejections.count).toBe(5);
    expect(log.lines).toEqual(['warn [hub] rejected hub message: bad 1', 'warn [hub] rejected hub message: bad 2', 'warn [hub] rejected hub message: bad 3']);

    // Still the same minute, to the millisecond: still counted only.
    now += 59_999;
    rejections.record('message', 'bad 6');
    expect(log.lines).toHaveLength(3);

    // A minute after the window opened: the two (now three) it kept quiet about, then logging again.
    now += 1;
    rejections.record('replay', 'bad 7');
    expect(log.lines.slice(3)).toEqual(['warn [hub] 3 more rejected hub replays in the last minute (not logged one by one)', 'warn [hub] rejected hub replay: bad 7']);
    expect(rejections.count).toBe(7);
  });

  it('writes no summary line after a quiet minute', () => {
    const log = createMemoryLogger('hub');
    let now = 0;
    const rejections = new RejectionLog(log, 2, () => now);
    rejections.record('live', 'a');
    now += 120_000;
    rejections.record('live', 'b');
    expect(log.lines).toEqual(['warn [hub] rejected hub live: a', 'warn [hub] rejected hub live: b']);
  });

  it('names the topic and up to three fields of a schema failure', () => {
    const raw = { topic: 'kpi', seq: 0, time: 'soon', payload: {} };
    const parsed = hubMessageSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    const reason = describeRejection(parsed.error!, raw);
    expect(reason).toMatch(/^topic "kpi" /);
    expect(reason.split('; ')).toHaveLength(3);
    expect(describeRejection(parsed.error!)).not.toMatch(/topic "/);
  });
});
