import { describe, expect, it } from 'vitest';
import { FAILOVER_DELAY_MAX_MS, HubUrlRotation } from '../../../src-main/hub/hub-failover';

describe('HubUrlRotation', () => {
  it('goes round the nodes, the first round at once, then waiting longer each round up to the cap', () => {
    const rotation = new HubUrlRotation(['http://a', 'http://b', 'http://c']);
    expect(rotation.current).toBe('http://a');
    const steps = Array.from({ length: 15 }, () => rotation.next());
    expect(steps.slice(0, 6).map((s) => s.url)).toEqual(['http://b', 'http://c', 'http://a', 'http://b', 'http://c', 'http://a']);
    const delays = steps.map((s) => s.delayMs);
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    // Each later round waits at least as long as the one before, never past the cap.
    expect(delays[3]).toBeGreaterThan(0);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(FAILOVER_DELAY_MAX_MS);
  });

  it('starts the rounds again after a connection', () => {
    const rotation = new HubUrlRotation(['http://a', 'http://b']);
    for (let i = 0; i < 6; i += 1) rotation.next();
    expect(rotation.next().delayMs).toBeGreaterThan(0);
    const connectedTo = rotation.current;
    rotation.connected();
    const step = rotation.next();
    expect(step.delayMs).toBe(0);
    expect(step.url).not.toBe(connectedTo);
  });

  it('cannot fail over with one URL, and refuses none', () => {
    expect(new HubUrlRotation(['http://a']).canFailOver).toBe(false);
    expect(new HubUrlRotation(['http://a', 'http://b']).canFailOver).toBe(true);
    expect(() => new HubUrlRotation([])).toThrow(/at least one/);
  });
});
