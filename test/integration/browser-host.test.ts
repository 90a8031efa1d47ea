import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannels, invokeChannels, type InvokeResult } from '../../src-shared/ipc';
import type { HubMessage } from '../../src-shared/hub-protocol';
import { startAppCore, type AppCore } from '../../src-main/app-core';
import { createMemoryLogger } from '../../src-shared/node/log';
import { startWebHost, type WebHost } from '../../src-main/web/web-host';
import { waitFor } from '../helpers/wait-for';
import { openBridgeSocket, signInToken, testOperatorAccounts } from '../helpers/test-operators';

let core: AppCore;
let host: WebHost;
let socket: Socket;
const rendererDir = mkdtempSync(join(tmpdir(), 'ioc-renderer-'));
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-data-'));

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>IOC Wall</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  // The demo walls and hub, without the demo's alert rule and Monday schedule: a simulated collision
  // or 07:30 on a Monday would change the walls under the tests' feet.
  writeFileSync(join(dataDir, 'ioc-wall.json'), JSON.stringify({ rules: [], schedules: [], operators: await testOperatorAccounts() }));
  core = await startAppCore({ mode: 'browser', userDataDir: dataDir, assetsDir: resolve(__dirname, '../../assets'), version: 'test', log: createMemoryLogger('core') });
  host = await startWebHost({ core, rendererDir, host: '127.0.0.1', port: 0, log: createMemoryLogger('web') });
  socket = await openBridgeSocket(host.url, { role: 'console', session: await signInToken(host.url) });
});

afterAll(async () => {
  socket?.close();
  await host?.close();
  await core?.close();
});

function invoke(channel: string, request?: unknown): Promise<InvokeResult<unknown>> {
  return socket.timeout(5000).emitWithAck('invoke', channel, request);
}

describe('browser-mode host', () => {
  it('serves the renderer at the app routes with a strict CSP, and assets with long caching', async () => {
    for (const path of ['/wall/1', '/wall/khong-co', '/console']) {
      const res = await fetch(host.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await res.text()).toContain('<title>IOC Wall</title>');
    }
    const asset = await fetch(`${host.url}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${host.url}/`, { redirect: 'manual' })).headers.get('location')).toBe('/console');
    expect((await fetch(`${host.url}/wall/1/../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${host.url}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${host.url}/wall/1`, { method: 'POST' })).status).toBe(405);
  });

  it('answers every invoke channel with data that matches the contract', async () => {
    const info = await invoke('app:info');
    const appInfo = info.ok ? invokeChannels['app:info'].response.parse(info.value) : null;
    expect(appInfo).toMatchObject({ mode: 'browser', hub: 'embedded', language: 'vi', staleAfterSeconds: { kpi: 600, alert: 3600 } });
    const wall = await invoke('wall:get', { wallId: '1' });
    expect(wall.ok && invokeChannels['wall:get'].response.parse(wall.value).layout.tiles.length).toBe(13);
    const operator = await invoke('operator:state');
    const walls = operator.ok ? invokeChannels['operator:state'].response.parse(operator.value).walls : [];
    // Each link carries its wall's key in the fragment, where browsers never send it anywhere.
    expect(walls.map((w) => w.url)).toEqual(['1', '2', '3'].map((id) => `${host.url}/wall/${id}#key=${core.access.walls.keyFor(id)}`));
    const hubState = () => invoke('hub:state');
    await waitFor(() => hubState().then((r) => r.ok && (r.value as { connection: { status: string } }).connection.status === 'live'), 'hub live');
    await waitFor(
      () => hubState().then((r) => r.ok && (r.value as { snapshot: { messages: Array<{ topic: string }> } }).snapshot.messages.filter((m) => m.topic === 'camera').length === 8),
      'the demo cameras',
    );
    const state = await invoke('hub:state');
    const parsed = state.ok ? invokeChannels['hub:state'].response.parse(state.value) : null;
    const messages = parsed?.snapshot.messages ?? [];
    expect(messages.filter((m) => m.topic === 'kpi-definition').length).toBeGreaterThanOrEqual(10);
    const cameras = messages.flatMap((m) => (m.topic === 'camera' ? [m.payload] : []));
    expect(cameras).toHaveLength(8);
    expect(cameras[0]?.subUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hls\//);
    expect(parsed?.connection).toMatchObject({ status: 'live', cache: { status: 'ok' } });
    expect(parsed?.connection.seq).toBe(parsed?.snapshot.seq);
    // The embedded hub and the wall cache keep their files in the data folder.
    expect(existsSync(join(dataDir, 'demo-hub', 'demo-hub.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'cache', 'wall-cache.db'))).toBe(true);
  });

  it('refuses unknown channels and bad requests', async () => {
    expect(await invoke('shell:exec', 'rm -rf /')).toEqual({ ok: false, error: 'unknown channel' });
    const bad = await invoke('wall:get', { wallId: '../../etc' });
    expect(bad).toEqual({ ok: false, error: 'no wall with id "../../etc"' });
    expect((await invoke('wall:get', {})).ok).toBe(false);
  });

  it('pushes live hub messages to the page in batches, in seq order', async () => {
    const messages: HubMessage[] = [];
    socket.on('hub:messages', (batch: unknown) => messages.push(...eventChannels['hub:messages'].parse(batch)));
    await waitFor(() => messages.some((m) => m.topic === 'kpi'), 'a live KPI message', 10_000);
    const seqs = messages.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
  });

  it('refuses a bridge connection without a credential', async () => {
    await expect(openBridgeSocket(host.url, undefined)).rejects.toThrow(/credential is required/);
    await expect(openBridgeSocket(host.url, { role: 'console' })).rejects.toThrow(/credential is required/);
  });

  it('runs a wall window’s requests as that wall: its own view only, no presets, no console picture', async () => {
    const wall = await openBridgeSocket(host.url, { role: 'wall', wallId: '2', key: core.access.walls.keyFor('2') });
    const ask = (channel: string, request?: unknown): Promise<InvokeResult<unknown>> => wall.timeout(5000).emitWithAck('invoke', channel, request);
    try {
      expect((await ask('wall:get', { wallId: '2' })).ok).toBe(true);
      expect(await ask('wall:get', { wallId: '1' })).toMatchObject({ ok: false, error: expect.stringMatching(/its own wall/) });
      expect(await ask('operator:state')).toMatchObject({ ok: false, error: expect.stringMatching(/console only/) });
      expect(await ask('command:run', { name: 'preset.apply', payload: { presetId: 'dieu-hanh-giao-thong' } })).toMatchObject({ ok: false, error: expect.stringMatching(/may not preset.apply/) });
      expect(await ask('command:run', { name: 'wall.enlarge', payload: { wallId: '1', tileId: 'cam-1' } })).toMatchObject({ ok: false, error: expect.stringMatching(/own wall/) });
      // Its own wall's events only: a change on wall 1 reaches the console, not this window.
      const views: unknown[] = [];
      wall.on('wall:view', (payload: { wallId: string }) => views.push(payload.wallId));
      const consoleViews: unknown[] = [];
      const onOperator = (state: { walls: Array<{ view: { wall: { id: string }; enlargedTileId: string | null } }> }) => consoleViews.push(state.walls.map((w) => w.view.enlargedTileId));
      socket.on('operator:state', onOperator);
      expect(await invoke('command:run', { name: 'wall.enlarge', payload: { wallId: '1', tileId: 'cam-1' } })).toMatchObject({ ok: true });
      expect(await ask('command:run', { name: 'wall.enlarge', payload: { wallId: '2', tileId: 'c1' } })).toMatchObject({ ok: true });
      await waitFor(() => views.includes('2') && consoleViews.some((v) => JSON.stringify(v) === JSON.stringify(['cam-1', 'c1', null])), 'the enlargements announced');
      expect(views).toEqual(['2']);
      socket.off('operator:state', onOperator);
      expect(await invoke('command:run', { name: 'walls.undo', payload: {} })).toMatchObject({ ok: true });
      expect(((await invoke('wall:get', { wallId: '1' })) as { value: { enlargedTileId: string | null } }).value.enlargedTileId).toBeNull();
      // The wall window's own enlargement is not the console's to undo, so it stays.
      expect(((await invoke('wall:get', { wallId: '2' })) as { value: { enlargedTileId: string | null } }).value.enlargedTileId).toBe('c1');
    } finally {
      wall.close();
    }
  });

  it('refuses a bridge connection from a page on another origin, even with a valid session', async () => {
    const session = await signInToken(host.url);
    await expect(openBridgeSocket(host.url, { role: 'console', session }, { origin: 'http://evil.example' })).rejects.toThrow();
  });
});
