import { describe, expect, it } from 'vitest';
import { createSessions } from '../../../src-main/access/sessions';
import { allowedHostNames, hostAllowed, isLoopback, originAllowed } from '../../../src-main/web/allowed-hosts';
import { wallCredentials } from '../../../src-main/access/wall-credentials';

const AN = { username: 'an', name: 'Nguyễn Văn An', role: 'operator' as const };
const HOUR = 3_600_000;

describe('sessions', () => {
  it('live until their fixed end however busy, and end early when idle; each end is told once, with why', () => {
    const sessions = createSessions({ maxHours: 12, idleMinutes: 60 });
    const ended: string[] = [];
    sessions.onEnd((s, why) => ended.push(`${s.operator.username}:${why}`));
    const busy = sessions.start(AN, '10.0.0.5', 0);
    const idle = sessions.start(AN, '10.0.0.6', 0);
    for (let at = 0; at < 12 * HOUR; at += 30 * 60_000) expect(sessions.use(busy.token, at)).toBeDefined();
    expect(sessions.use(idle.token, 59 * 60_000)).toBeDefined();
    expect(sessions.peek(idle.token, 59 * 60_000 + 60 * 60_000)).toBeUndefined();
    expect(sessions.use(busy.token, 12 * HOUR)).toBeUndefined();
    expect(ended).toEqual(['an:idle', 'an:expired']);
    expect(sessions.count()).toBe(0);
  });

  it('a sweep ends sessions nobody asks about, and an unknown token is no session', () => {
    const sessions = createSessions({ maxHours: 1, idleMinutes: 30 });
    const ended: string[] = [];
    sessions.onEnd((_s, why) => ended.push(why));
    sessions.start(AN, 'x', 0);
    sessions.sweep(29 * 60_000);
    expect(ended).toEqual([]);
    sessions.sweep(30 * 60_000);
    expect(ended).toEqual(['idle']);
    expect(sessions.use('not-a-token', 0)).toBeUndefined();
  });
});

describe('allowed host names', () => {
  it('loopback by default; a host bound to one address adds it; configured names add theirs', () => {
    const names = allowedHostNames('127.0.0.1', ['IOC-Wall.brvt.gov.vn']);
    expect(hostAllowed('127.0.0.1:4780', names)).toBe(true);
    expect(hostAllowed('localhost:4780', names)).toBe(true);
    expect(hostAllowed('[::1]:4780', names)).toBe(true);
    expect(hostAllowed('ioc-wall.brvt.gov.vn', names)).toBe(true);
    expect(hostAllowed('evil.example:4780', names)).toBe(false);
    expect(hostAllowed('127.0.0.1.evil.example', names)).toBe(false);
    expect(hostAllowed(undefined, names)).toBe(false);
    expect(hostAllowed('user@127.0.0.1', names)).toBe(false);
    expect(hostAllowed('10.1.2.3:4780', allowedHostNames('10.1.2.3', []))).toBe(true);
    expect(hostAllowed('10.1.2.3:4780', names)).toBe(false);
  });

  it('an Origin must be ours and name the host and port the request went to; none at all is left to the credential', () => {
    const names = allowedHostNames('127.0.0.1', []);
    expect(originAllowed(undefined, '127.0.0.1:4780', names)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4780', '127.0.0.1:4780', names)).toBe(true);
    expect(originAllowed('http://127.0.0.1:3000', '127.0.0.1:4780', names)).toBe(false);
    expect(originAllowed('http://localhost:4780', '127.0.0.1:4780', names)).toBe(false);
    expect(originAllowed('http://evil.example:4780', 'evil.example:4780', names)).toBe(false);
    expect(originAllowed('null', '127.0.0.1:4780', names)).toBe(false);
    expect(originAllowed('file://', '127.0.0.1:4780', names)).toBe(false);
  });

  it('tells loopback binds from network ones', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.5', 'ioc-wall.local'].some(isLoopback)).toBe(false);
  });
});

describe('wall keys', () => {
  it('one key per wall from one secret: right key passes, another wall’s key or a changed one does not', () => {
    const walls = wallCredentials('s'.repeat(43));
    const key = walls.keyFor('1');
    expect(walls.check('1', key)).toBe(true);
    expect(walls.check('2', key)).toBe(false);
    expect(walls.check('1', key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBe(false);
    expect(walls.check('1', undefined)).toBe(false);
    expect(wallCredentials('t'.repeat(43)).check('1', key)).toBe(false);
  });
});
