import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src-renderer/route';

describe('parseRoute', () => {
  it('routes /wall/<id> to the wall app', () => {
    expect(parseRoute('/wall/1')).toEqual({ app: 'wall', wallId: '1' });
    expect(parseRoute('/wall/tong-quan/')).toEqual({ app: 'wall', wallId: 'tong-quan' });
  });

  it('decodes an encoded wall id', () => {
    expect(parseRoute('/wall/m%C3%A0n-h%C3%ACnh')).toEqual({ app: 'wall', wallId: 'màn-hình' });
  });

  it('routes /console and everything else to the console', () => {
    expect(parseRoute('/console')).toEqual({ app: 'console' });
    expect(parseRoute('/')).toEqual({ app: 'console' });
    expect(parseRoute('/index.html')).toEqual({ app: 'console' });
    expect(parseRoute('/wall')).toEqual({ app: 'console' });
    expect(parseRoute('/wall/')).toEqual({ app: 'console' });
    expect(parseRoute('/wall/1/extra')).toEqual({ app: 'console' });
  });

  it('falls back to the console on a malformed escape instead of throwing', () => {
    expect(parseRoute('/wall/%E0%A4%A')).toEqual({ app: 'console' });
  });
});
