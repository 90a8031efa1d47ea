import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src-shared/ipc';
import { useConnectionStore } from '../../../src-renderer/stores/connection-store';
import { outageLink, outageSince } from '../../../src-renderer/stores/outage';

const status = (over: Partial<ConnectionState>): ConnectionState => ({
  status: 'live',
  since: '2026-12-01T03:58:12.000Z',
  hubUrl: 'http://hub',
  rejected: 0,
  seq: 10,
  cache: { status: 'ok' },
  ...over,
});

const store = () => useConnectionStore.getState();

describe('outage state', () => {
  beforeEach(() => useConnectionStore.setState({ connection: null, bridgeUp: true, bridgeDownSince: null, refused: null }));

  it('none while both links are up, or before the host has said anything', () => {
    expect(outageLink(store())).toBeNull();
    store().statusChanged(status({ status: 'connecting' }));
    expect(outageLink(store())).toBeNull();
    store().statusChanged(status({ status: 'resyncing' }));
    expect(outageLink(store())).toBeNull();
    expect(outageSince(store())).toBeNull();
  });

  it('the hub link, from the time the host says it went offline', () => {
    store().statusChanged(status({ status: 'offline', since: '2026-12-01T03:58:12.000Z' }));
    expect(outageLink(store())).toBe('hub');
    expect(outageSince(store())).toBe(Date.parse('2026-12-01T03:58:12.000Z'));
    store().statusChanged(status({ status: 'offline', since: 'not a time' }));
    expect(outageSince(store())).toBeNull();
  });

  it('the host link first, from when this page lost it, kept through a second "down"', () => {
    store().statusChanged(status({ status: 'offline' }));
    store().bridgeChanged(false, 1_000);
    expect(outageLink(store())).toBe('host');
    expect(outageSince(store())).toBe(1_000);
    store().bridgeChanged(false, 5_000);
    expect(outageSince(store())).toBe(1_000);
    store().bridgeChanged(true, 6_000);
    expect(store().bridgeDownSince).toBeNull();
    expect(outageLink(store())).toBe('hub');
  });

  it('none on a refused page, which says so full screen', () => {
    store().bridgeRefused('wrong key');
    expect(store().bridgeUp).toBe(false);
    expect(outageLink(store())).toBeNull();
    expect(outageSince(store())).toBeNull();
  });
});
