import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/config/load-config';
import { updatePlan } from '../../../src-main/config/updates-config-schema';

/** Loads a config file holding `content`, as the app does at start. */
function load(content: object): ReturnType<typeof loadConfig> {
  const path = join(mkdtempSync(join(tmpdir(), 'ioc-updates-')), 'ioc-wall.json');
  writeFileSync(path, JSON.stringify(content));
  return loadConfig(path);
}

describe('the updates section of the config', () => {
  it('is off when absent: no url, no plan, no error', () => {
    const loaded = load({ language: 'vi' });
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.updates).toEqual({ checkEveryHours: 6 });
    expect(updatePlan(loaded.config.updates)).toBeUndefined();
  });

  it('checks the LAN folder every checkEveryHours, six by default', () => {
    const custom = load({ updates: { url: 'http://updates.ioc.lan/ioc-wall/', checkEveryHours: 12 } });
    expect(custom.errors).toEqual([]);
    expect(updatePlan(custom.config.updates)).toEqual({ url: 'http://updates.ioc.lan/ioc-wall/', everyMs: 12 * 3_600_000 });
    const https = load({ updates: { url: 'https://10.20.0.5:8443/ioc-wall/' } });
    expect(https.errors).toEqual([]);
    expect(updatePlan(https.config.updates)).toEqual({ url: 'https://10.20.0.5:8443/ioc-wall/', everyMs: 6 * 3_600_000 });
  });

  it('refuses an address that is not http(s) with one line naming the field, turns updates off and keeps the rest', () => {
    for (const url of ['updates.ioc.lan/ioc-wall/', 'ftp://updates.ioc.lan/ioc-wall/', 'file:///srv/ioc-wall/', 42]) {
      const loaded = load({ language: 'en', updates: { url, checkEveryHours: 2 } });
      expect(loaded.errors, String(url)).toHaveLength(1);
      expect(loaded.errors[0]).toMatch(/field "updates\.url": expected the http\(s\) address of the folder holding latest\.yml/);
      expect(updatePlan(loaded.config.updates)).toBeUndefined();
      expect(loaded.config.language).toBe('en');
    }
  });

  it('names a bad interval or a misspelt key', () => {
    const zero = load({ updates: { url: 'http://updates.ioc.lan/ioc-wall/', checkEveryHours: 0 } });
    expect(zero.errors).toEqual([expect.stringMatching(/field "updates\.checkEveryHours": .*>=1; using the default$/)]);
    expect(updatePlan(zero.config.updates)?.everyMs).toBe(6 * 3_600_000);
    const misspelt = load({ updates: { ulr: 'http://updates.ioc.lan/ioc-wall/' } });
    expect(misspelt.errors).toEqual([expect.stringContaining('field "updates.ulr": unknown field')]);
    expect(updatePlan(misspelt.config.updates)).toBeUndefined();
  });
});
