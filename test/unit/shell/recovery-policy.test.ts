import { describe, expect, it } from 'vitest';
import { FIRST_DELAY_MS, HEALTHY_RESET_MS, markHealthy, MAX_DELAY_MS, nextRecovery, RECOVERY_START, RELOADS_BEFORE_RECREATE, type RecoveryRecord, type RecoveryStep } from '../../../src-main/shell/recovery-policy';

/** Fails `times` times in a row, `gapMs` apart, never healthy in between: the steps the policy takes. */
function failInARow(times: number, gapMs = 1_000, start: RecoveryRecord = RECOVERY_START, from = 0): { steps: RecoveryStep[]; record: RecoveryRecord } {
  let record = start;
  const steps: RecoveryStep[] = [];
  for (let i = 0; i < times; i += 1) {
    const next = nextRecovery(record, 'crashed', from + i * gapMs);
    steps.push(next.step);
    record = next.record;
  }
  return { steps, record };
}

describe('wall recovery policy', () => {
  it('reloads with doubling delays up to a cap, and recreates the window every fourth attempt, never giving up', () => {
    const { steps } = failInARow(40);
    expect(steps.slice(0, 8).map((s) => s.delayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(steps.slice(0, 8).map((s) => s.action)).toEqual(['reload', 'reload', 'reload', 'recreate', 'reload', 'reload', 'reload', 'recreate']);
    // Attempt 40 still recovers: no "gave up" state exists.
    expect(steps.at(-1)).toEqual({ action: 'recreate', delayMs: MAX_DELAY_MS, attempt: 40 });
    expect(steps.every((s) => s.delayMs >= FIRST_DELAY_MS && s.delayMs <= MAX_DELAY_MS)).toBe(true);
    expect(steps.filter((s) => s.action === 'recreate')).toHaveLength(40 / (RELOADS_BEFORE_RECREATE + 1));
  });

  it('forgives the past after the wall has stayed healthy long enough, not before', () => {
    const { record } = failInARow(5);
    const healthyAt = 100_000;
    const healthy = markHealthy(record, healthyAt);
    // Healthy for less than the reset time: the next failure continues the series (attempt 6).
    expect(nextRecovery(healthy, 'silent', healthyAt + HEALTHY_RESET_MS - 1).step).toMatchObject({ attempt: 6, delayMs: 32_000 });
    // Healthy long enough: back to a quick reload.
    expect(nextRecovery(healthy, 'silent', healthyAt + HEALTHY_RESET_MS).step).toEqual({ action: 'reload', delayMs: FIRST_DELAY_MS, attempt: 1 });
  });

  it('keeps the first healthy time while the wall stays healthy, and a failure clears it', () => {
    const healthy = markHealthy({ failures: 2, healthySince: null }, 10);
    expect(markHealthy(healthy, 500)).toEqual({ failures: 2, healthySince: 10 });
    expect(nextRecovery(healthy, 'unresponsive', 20).record).toEqual({ failures: 3, healthySince: null });
  });
});
