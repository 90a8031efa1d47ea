import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { WALL_TOKEN, type TestHub } from '../../helpers/hub-fixtures';
import { useTestHub } from '../../helpers/use-test-hub';

let hub: TestHub;
useTestHub((started) => (hub = started));

/** Connects once with `auth`; resolves with 'connected' or the connect error and its data. */
function handshake(auth: unknown): Promise<{ message: string; data?: unknown }> {
  const socket = io(hub.url, { auth: auth as Record<string, unknown>, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve({ message: 'connected' });
    });
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      resolve({ message: error.message, data: error.data });
    });
  });
}

const refusals = (): string[] => hub.log.lines.filter((line) => line.includes(' refused: '));

describe('wall handshake', () => {
  it.each([
    ['lastSeq', { lastSeq: '12' }, /expected number, received string/],
    ['lastSeq', { lastSeq: -1 }, />=0/],
    ['lastSeq', { lastSeq: 2.5 }, /expected int/],
    ['hubId', { hubId: '../etc', lastSeq: 3 }, /pattern/],
    ['hubId', { hubId: null, lastSeq: 3 }, /expected string, received null/],
  ])('names %s when it is malformed (%j), in the error the wall sees and in the log', async (field, auth, why) => {
    const before = refusals().length;
    const answer = await handshake({ token: WALL_TOKEN, ...auth });
    expect(answer.message).toMatch(new RegExp(`^bad handshake \\(the wall token is fine\\): auth\\.${field}: `));
    expect(answer.message).toMatch(why);
    expect(answer.message).not.toMatch(/wrong or missing wall token/);
    expect(answer.data).toEqual({ fields: [field] });
    const logged = refusals().slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(new RegExp(`malformed handshake: auth\\.${field}: .*\\(got `));
    expect(logged[0]).not.toContain(WALL_TOKEN);
  });

  it('names every malformed field at once', async () => {
    const answer = await handshake({ token: WALL_TOKEN, hubId: 7, lastSeq: 'x' });
    expect(answer.data).toEqual({ fields: ['hubId', 'lastSeq'] });
    expect(answer.message).toMatch(/auth\.hubId: .*; auth\.lastSeq: /);
  });

  it('still says token when the token is wrong or missing, whatever else is malformed', async () => {
    for (const auth of [{ token: 'not-the-token', lastSeq: 'x' }, { lastSeq: 0 }, { token: 42 }]) {
      const answer = await handshake(auth);
      expect(answer.message, JSON.stringify(auth)).toBe('unauthorized: wrong or missing wall token');
      expect(answer.data).toEqual({ fields: ['token'] });
    }
    expect(refusals().slice(-3).map((line) => line.replace(/^.* refused: /, ''))).toEqual(['wrong wall token', 'no wall token', 'malformed wall token']);
  });

  it('lets a well-formed wall in', async () => {
    expect((await handshake({ token: WALL_TOKEN, lastSeq: 0 })).message).toBe('connected');
    expect((await handshake({ token: WALL_TOKEN, hubId: hub.hubId, lastSeq: hub.state.seq })).message).toBe('connected');
  });
});
