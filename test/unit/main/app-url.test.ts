import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, classifyAppRequest, consoleUrl, isAppUrl, wallUrl } from '../../../src-main/electron/app-url';

describe('app:// origin rules', () => {
  it('builds the window URLs the renderer routes on', () => {
    expect(wallUrl('1')).toBe('app://ioc/wall/1');
    expect(wallUrl('a b')).toBe('app://ioc/wall/a%20b');
    expect(consoleUrl()).toBe('app://ioc/console');
  });

  it('accepts only the app origin as ours', () => {
    expect(isAppUrl('app://ioc/wall/1')).toBe(true);
    expect(isAppUrl(APP_ORIGIN)).toBe(true);
    for (const url of ['https://example.com/', 'app://evil/wall/1', 'app://ioc.evil/x', 'file:///etc/passwd', 'app://user@ioc/x', 'ioc/wall/1', '', 'chrome-error://chromewebdata/']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('serves index.html for the wall and console routes only', () => {
    expect(classifyAppRequest('app://ioc/wall/1')).toEqual({ kind: 'route' });
    expect(classifyAppRequest('app://ioc/wall/phong-hop.2/')).toEqual({ kind: 'route' });
    expect(classifyAppRequest('app://ioc/console')).toEqual({ kind: 'route' });
    expect(classifyAppRequest('app://ioc/')).toEqual({ kind: 'not-found' });
    expect(classifyAppRequest('app://ioc/wall/')).toEqual({ kind: 'not-found' });
    expect(classifyAppRequest('app://other/console')).toEqual({ kind: 'not-found' });
  });

  it('hands asset paths on still encoded, for the static resolver to decode and confine', () => {
    expect(classifyAppRequest('app://ioc/assets/index-abc.js?v=1')).toEqual({ kind: 'file', path: '/assets/index-abc.js' });
    // The URL parser already folds plain `..`; encoded ones reach resolveStaticFile, which refuses them.
    expect(classifyAppRequest('app://ioc/assets/../../secret')).toEqual({ kind: 'file', path: '/secret' });
    expect(classifyAppRequest('app://ioc/assets/%2e%2e%2f%2e%2e%2fsecret')).toEqual({ kind: 'file', path: '/assets/%2e%2e%2f%2e%2e%2fsecret' });
  });
});
