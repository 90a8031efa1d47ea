import { describe, expect, it } from 'vitest';
import { createInvokeRouter, type InvokeHandlers } from '../../../src-main/invoke-router';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { DEFAULT_LAYOUTS, DEFAULT_WALLS } from '../../../src-main/config/default-walls';
import { resolveStaleAfter } from '../../../src-main/config/stale-after';

const wall = DEFAULT_WALLS[0]!;
const layout = DEFAULT_LAYOUTS[0]!;

const notUsed = (): never => {
  throw new Error('not used');
};

function router() {
  const calls: string[] = [];
  const handlers: InvokeHandlers = {
    'app:info': () => ({ name: 'IOC Wall', version: '0', language: 'vi', mode: 'browser', hub: 'embedded', configErrors: [], staleAfterSeconds: resolveStaleAfter({}), cameraDecodeBudget: null }),
    'wall:get': ({ wallId }) => {
      calls.push(wallId);
      if (wallId !== wall.id) throw new Error(`no wall with id "${wallId}"`);
      return { wall, layout };
    },
    'wall:list': () => [],
    'wall:set-layout': notUsed,
    'preset:list': notUsed,
    'preset:apply': notUsed,
    'hub:state': notUsed,
    'camera:save-snapshot': (request) => {
      calls.push(request.cameraId);
      return { path: `/tmp/${request.cameraId}.png`, bytes: 1 };
    },
  };
  const log = createMemoryLogger();
  return { dispatch: createInvokeRouter(handlers, log), calls, log };
}

describe('invoke router', () => {
  it('answers a valid request', async () => {
    const { dispatch } = router();
    await expect(dispatch('wall:get', { wallId: '1' })).resolves.toEqual({ ok: true, value: { wall, layout } });
  });

  it('refuses unknown channels and malformed requests without calling a handler', async () => {
    const { dispatch, calls, log } = router();
    for (const [channel, request] of [
      ['fs:read', '/etc/passwd'],
      ['__proto__', undefined],
      [42, undefined],
      ['wall:get', { wallId: 7 }],
      ['wall:set-layout', { wallId: '1', layoutId: '../etc' }],
      ['camera:save-snapshot', { cameraId: 'cam', takenAt: '2026-11-24T08:00:00+07:00', pngBase64: 'not base64!' }],
      ['camera:save-snapshot', { cameraId: 'cam', takenAt: 'yesterday', pngBase64: 'iVBORw0KGgo=' }],
      ['wall:get', { wallId: 'x'.repeat(65) }],
      ['wall:get', null],
      ['app:info', { unexpected: true }],
    ] as const) {
      const result = await dispatch(channel, request);
      expect(result.ok).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(10);
  });

  it('turns a handler failure into an error result', async () => {
    const { dispatch } = router();
    await expect(dispatch('wall:get', { wallId: '9' })).resolves.toEqual({ ok: false, error: 'no wall with id "9"' });
  });
});
