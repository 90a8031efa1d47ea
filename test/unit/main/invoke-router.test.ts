import { describe, expect, it } from 'vitest';
import { createInvokeRouter, type InvokeHandlers } from '../../../src-main/invoke-router';
import type { WindowIdentity } from '../../../src-main/window-identity';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { DEFAULT_LAYOUTS, DEFAULT_WALLS } from '../../../src-main/config/default-walls';
import { resolveStaleAfter } from '../../../src-main/config/stale-after';
import { DEFAULT_KEY_TABLE } from '../../../src-shared/keys/key-table';
import { wallViewSchema } from '../../../src-shared/wall-view';
import type { Operator } from '../../../src-shared/access';

const wall = DEFAULT_WALLS[0]!;
const view = wallViewSchema.parse({ wall, layout: DEFAULT_LAYOUTS[0]! });
const CONSOLE: WindowIdentity = { role: 'console', seat: 'seat-operator' };
const VIEWER: WindowIdentity = { role: 'console', seat: 'seat-viewer' };
const NOBODY: WindowIdentity = { role: 'console', seat: 'seat-empty' };
const WALL_1: WindowIdentity = { role: 'wall', wallId: '1' };
const OPERATORS: Record<string, Operator> = {
  'seat-operator': { username: 'an.nguyen', name: 'Nguyễn Văn An', role: 'operator' },
  'seat-viewer': { username: 'binh.tran', name: 'Trần Thị Bình', role: 'viewer' },
};

const notUsed = (): never => {
  throw new Error('not used');
};

function router() {
  const calls: string[] = [];
  const handlers: InvokeHandlers = {
    'app:info': () => ({ name: 'IOC Wall', version: '0', language: 'vi', mode: 'browser', hub: 'embedded', configErrors: [], staleAfterSeconds: resolveStaleAfter({}), cameraDecodeBudget: null, layoutsKeptReady: 3, keys: [...DEFAULT_KEY_TABLE] }),
    'wall:get': ({ wallId }, window) => {
      calls.push(`${window.role}:${wallId}`);
      if (wallId !== wall.id) throw new Error(`no wall with id "${wallId}"`);
      return view;
    },
    'wall:boot': notUsed,
    'operator:state': notUsed,
    'hub:state': notUsed,
    'command:run': (envelope, window) => {
      calls.push(`${window.role}:${envelope.name}`);
      return null;
    },
    'key:press': notUsed,
    'session:get': (_request, window) => {
      calls.push(`${window.role}:session:get`);
      return { session: null, canSignIn: false };
    },
    'session:sign-in': notUsed,
    'session:sign-out': notUsed,
    'audit:list': (_query, window) => {
      calls.push(`${window.role}:audit:list`);
      return { rows: [], status: 'ok' };
    },
    'audit:export': notUsed,
    'wall:heartbeat': notUsed,
    'log:report': (report, window) => {
      calls.push(`${window.role}:log:${report.level}`);
      return null;
    },
  };
  const log = createMemoryLogger();
  return { invoke: createInvokeRouter(handlers, log, (window) => (window.role === 'console' ? (OPERATORS[window.seat] ?? null) : null)), calls, log };
}

describe('invoke router', () => {
  it('answers a valid request, telling the handler which window asked', async () => {
    const { invoke, calls } = router();
    await expect(invoke(WALL_1, 'wall:get', { wallId: '1' })).resolves.toEqual({ ok: true, value: view });
    await expect(invoke(CONSOLE, 'command:run', { name: 'walls.undo', payload: {} })).resolves.toEqual({ ok: true, value: null });
    await expect(invoke(WALL_1, 'log:report', { level: 'error', message: 'TypeError: x is undefined', source: 'uncaught' })).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual(['wall:1', 'console:walls.undo', 'wall:log:error']);
  });

  it('refuses unknown channels, malformed requests and the console’s channels from a wall, without calling a handler', async () => {
    const { invoke, calls, log } = router();
    for (const [window, channel, request] of [
      [CONSOLE, 'fs:read', '/etc/passwd'],
      [CONSOLE, '__proto__', undefined],
      [CONSOLE, 42, undefined],
      [CONSOLE, 'wall:get', { wallId: 7 }],
      [CONSOLE, 'command:run', { name: 'shell.exec', payload: {} }],
      [CONSOLE, 'command:run', 'preset.apply'],
      [CONSOLE, 'key:press', { accelerator: '' }],
      [CONSOLE, 'wall:get', { wallId: 'x'.repeat(65) }],
      [CONSOLE, 'wall:get', null],
      [CONSOLE, 'app:info', { unexpected: true }],
      [WALL_1, 'operator:state', undefined],
      [WALL_1, 'log:report', { level: 'fatal', message: 'x' }],
      [WALL_1, 'log:report', { level: 'error', message: 'x'.repeat(2001) }],
      [WALL_1, 'log:report', { level: 'error', message: '' }],
    ] as const) {
      const result = await invoke(window, channel, request);
      expect(result.ok, String(channel)).toBe(false);
    }
    expect(calls).toEqual([]);
    expect(log.lines.filter((l) => l.startsWith('warn'))).toHaveLength(14);
  });

  it('lets a console nobody signed in on only ask who it is; a viewer sees but may not read the audit log; a wall never', async () => {
    const { invoke, calls } = router();
    await expect(invoke(NOBODY, 'session:get', undefined)).resolves.toMatchObject({ ok: true });
    await expect(invoke(NOBODY, 'wall:get', { wallId: '1' })).resolves.toEqual({ ok: false, error: 'sign in first' });
    await expect(invoke(NOBODY, 'command:run', { name: 'walls.undo', payload: {} })).resolves.toEqual({ ok: false, error: 'sign in first' });
    await expect(invoke(VIEWER, 'wall:get', { wallId: '1' })).resolves.toMatchObject({ ok: true });
    await expect(invoke(VIEWER, 'audit:list', {})).resolves.toEqual({ ok: false, error: 'binh.tran (viewer) may not use audit:list: it needs the operator role' });
    await expect(invoke(CONSOLE, 'audit:list', {})).resolves.toMatchObject({ ok: true });
    await expect(invoke(WALL_1, 'audit:list', {})).resolves.toEqual({ ok: false, error: 'audit:list is for the console only' });
    await expect(invoke(WALL_1, 'session:get', undefined)).resolves.toEqual({ ok: false, error: 'session:get is for the console only' });
    expect(calls).toEqual(['console:session:get', 'console:1', 'console:audit:list']);
  });

  it('turns a handler failure into an error result', async () => {
    const { invoke } = router();
    await expect(invoke(CONSOLE, 'wall:get', { wallId: '9' })).resolves.toEqual({ ok: false, error: 'no wall with id "9"' });
  });
});
