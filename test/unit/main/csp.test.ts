import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../src-main/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('content security policy', () => {
  it('allows scripts only from the app and network only to the hub and camera origins', () => {
    const csp = directives(buildContentSecurityPolicy(['http://127.0.0.1:4781', 'https://vms.baria-vungtau.gov.vn/cam/1.m3u8']));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:4781', 'https://vms.baria-vungtau.gov.vn']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // maplibre's module worker, from the app's own files only: never blob: or another origin.
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    for (const values of csp.values()) {
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
  });
});
