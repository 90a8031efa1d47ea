import { describe, expect, it } from 'vitest';
import { planCatchUp, type HubPosition } from '../../../src-hub/catch-up-plan';

const HUB: HubPosition = { hubId: 'hub-a', seq: 1000, replayableFrom: 400, maxReplay: 500 };

describe('catch-up plan', () => {
  it('sends nothing to a wall at the hub’s seq', () => {
    expect(planCatchUp(HUB, { hubId: 'hub-a', lastSeq: 1000 })).toEqual({ kind: 'none' });
  });

  it('replays exactly the missing seqs when the log holds them all and the gap is not too long', () => {
    expect(planCatchUp(HUB, { hubId: 'hub-a', lastSeq: 999 })).toEqual({ kind: 'replay', fromSeq: 1000, toSeq: 1000 });
    expect(planCatchUp(HUB, { hubId: 'hub-a', lastSeq: 500 })).toEqual({ kind: 'replay', fromSeq: 501, toSeq: 1000 });
    expect(planCatchUp({ ...HUB, maxReplay: 10_000 }, { hubId: 'hub-a', lastSeq: 399 })).toEqual({ kind: 'replay', fromSeq: 400, toSeq: 1000 });
  });

  it('sends a snapshot otherwise, saying why', () => {
    const reason = (hubId: string | undefined, lastSeq: number, hub = HUB): string => {
      const plan = planCatchUp(hub, { ...(hubId ? { hubId } : {}), lastSeq });
      return plan.kind === 'snapshot' ? plan.reason : plan.kind;
    };
    expect(reason(undefined, 0)).toMatch(/no hub state/);
    expect(reason(undefined, 1000)).toMatch(/no hub state/);
    expect(reason('hub-b', 1000)).toMatch(/hub hub-b/);
    expect(reason('hub-a', 1001)).toMatch(/past the hub/);
    expect(reason('hub-a', 499)).toMatch(/over the replay limit 500/);
    expect(reason('hub-a', 398, { ...HUB, maxReplay: 10_000 })).toMatch(/seq 399 is no longer in the log/);
  });
});
