import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_PATH } from '../../../src-shared/access';
import { BROWSER_BRIDGE_PATH, invokeChannels, WALL_BOOT_PATH, WALL_KEY_HEADER, type InvokeResult } from '../../../src-shared/ipc';
import { createMemoryLogger } from '../../../src-shared/node/log';
import { startAppCore, type AppCore } from '../../../src-main/app-core';
import { startWebHost, type WebHost } from '../../../src-main/web/web-host';
import { openBridgeSocket, signInToken, TEST_OPERATORS, testOperatorAccounts } from '../../helpers/test-operators';

/**
 * The doors of the browser-mode host, tried the way an attacker would: a web page that points its
 * own DNS name at 127.0.0.1 (DNS rebinding), a local program without an Origin, a wall window
 * reaching beyond its wall, and each operator role at the edge of what it may do.
 */

let core: AppCore;
let host: WebHost;
const log = createMemoryLogger('core');
const webLog = createMemoryLogger('web');
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-access-'));
const rendererDir = mkdtempSync(join(tmpdir(), 'ioc-renderer-'));

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>IOC Wall</title>');
  writeFileSync(join(dataDir, 'ioc-wall.json'), JSON.stringify({ rules: [], schedules: [], operators: await testOperatorAccounts() }));
  core = await startAppCore({ mode: 'browser', userDataDir: dataDir, assetsDir: resolve(__dirname, '../../../assets'), version: 'test', log });
  host = await startWebHost({ core, rendererDir, host: '127.0.0.1', port: 0, log: webLog });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
});

const port = (): string => new URL(host.url).port;
const ask = (socket: Socket, channel: string, request?: unknown): Promise<InvokeResult<unknown>> => socket.timeout(5000).emitWithAck('invoke', channel, request);
const command = (socket: Socket, name: string, payload: unknown = {}): Promise<InvokeResult<unknown>> => ask(socket, 'command:run', { name, payload });

/** A raw HTTP request with headers a browser would send for another site's page. */
function rawRequest(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: Number(port()), path, method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('DNS rebinding: a page of another site reaching 127.0.0.1 under its own name', () => {
  const evil = (): Record<string, string> => ({ Host: `evil.example:${port()}`, Origin: `http://evil.example:${port()}` });

  it('gets no page, no bridge handshake and no sign-in', async () => {
    expect((await rawRequest('/console', evil())).status).toBe(421);
    // socket.io's first request (long-polling handshake): refused before any session is looked at.
    const handshake = await rawRequest(`${BROWSER_BRIDGE_PATH}/?EIO=4&transport=polling`, evil());
    expect(handshake.status).toBe(403);
    expect(handshake.body).not.toContain('sid');
    const { username, password } = TEST_OPERATORS.admin;
    const signIn = await rawRequest(SIGN_IN_PATH, { ...evil(), 'Content-Type': 'application/json' }, 'POST', JSON.stringify({ username, password }));
    expect(signIn.status).toBe(421);
    expect(signIn.body).not.toContain('token');
  });

  it('cannot connect even holding a valid session (the exact attack: Host and Origin both evil), so it cannot apply a preset', async () => {
    const session = await signInToken(host.url, 'admin');
    await expect(openBridgeSocket(host.url, { role: 'console', session }, evil())).rejects.toThrow();
    // The same name in Host with our Origin, or the reverse, is refused too.
    await expect(openBridgeSocket(host.url, { role: 'console', session }, { Host: `evil.example:${port()}` })).rejects.toThrow();
    await expect(openBridgeSocket(host.url, { role: 'console', session }, { Origin: `http://evil.example:${port()}` })).rejects.toThrow();
    // Another program's page on this machine is another origin, though its name is ours.
    await expect(openBridgeSocket(host.url, { role: 'console', session }, { Origin: 'http://127.0.0.1:3000' })).rejects.toThrow();
    expect(webLog.lines.filter((l) => l.includes('refused a connection') && l.includes('evil.example')).length).toBeGreaterThanOrEqual(3);
    expect(webLog.lines.some((l) => l.includes('refused a connection') && l.includes('127.0.0.1:3000'))).toBe(true);
  });

  it('answers our own names: 127.0.0.1 and localhost', async () => {
    expect((await rawRequest('/console', { Host: `127.0.0.1:${port()}` })).status).toBe(200);
    expect((await rawRequest('/console', { Host: `localhost:${port()}` })).status).toBe(200);
    const socket = await openBridgeSocket(host.url, { role: 'console', session: await signInToken(host.url) }, { Origin: host.url });
    socket.close();
  });
});

describe('a local program without an Origin', () => {
  it('is refused without a credential, whatever window it claims to be', async () => {
    for (const auth of [undefined, {}, { role: 'console' }, { role: 'console', session: 'made-up-session-token' }, { role: 'wall', wallId: '1' }, { role: 'wall', wallId: '1', key: 'x'.repeat(43) }]) {
      await expect(openBridgeSocket(host.url, auth), JSON.stringify(auth)).rejects.toThrow(/credential|session|wall key/);
    }
  });

  it('with wall 1’s key is wall 1’s window: it may enlarge on wall 1 only, not apply presets, set layouts or save snapshots for another wall', async () => {
    const wall = await openBridgeSocket(host.url, { role: 'wall', wallId: '1', key: core.access.walls.keyFor('1') });
    try {
      expect((await command(wall, 'preset.apply', { presetId: 'dieu-hanh-giao-thong' })).ok).toBe(false);
      expect((await command(wall, 'wall.set-layout', { wallId: '1', layoutId: 'giao-thong' })).ok).toBe(false);
      expect((await command(wall, 'wall.enlarge', { wallId: '2', tileId: 'c1' })).ok).toBe(false);
      expect((await command(wall, 'camera.save-snapshot', { wallId: '2', tileId: 'c1', cameraId: 'x', pngBase64: 'AAAA', takenAt: new Date().toISOString() })).ok).toBe(false);
      expect((await ask(wall, 'operator:state')).ok).toBe(false);
      expect((await ask(wall, 'audit:list', {})).ok).toBe(false);
      // A key pressed on the wall has nobody signed in behind it: a preset key is refused.
      expect(await ask(wall, 'key:press', { accelerator: 'Ctrl+Alt+2' })).toMatchObject({ ok: false, error: expect.stringMatching(/đăng nhập/) });
      expect((await command(wall, 'wall.enlarge', { wallId: '1', tileId: 'cam-1' })).ok).toBe(true);
      expect((await command(wall, 'wall.restore', { wallId: '1' })).ok).toBe(true);
    } finally {
      wall.close();
    }
    // Wall 1's key opens nothing else.
    await expect(openBridgeSocket(host.url, { role: 'wall', wallId: '2', key: core.access.walls.keyFor('1') })).rejects.toThrow(/wall key/);
  });
});

describe('a wall’s boot answer over HTTP (before its bridge socket exists)', () => {
  const boot = (wallId: string, headers: Record<string, string>): Promise<{ status: number; body: string }> =>
    rawRequest(`${WALL_BOOT_PATH}?wall=${encodeURIComponent(wallId)}`, { Host: `127.0.0.1:${port()}`, ...headers });

  it('answers wall 1 its cameras, view, info and camera records, as the contract says, to wall 1’s key', async () => {
    const answer = await boot('1', { [WALL_KEY_HEADER]: core.access.walls.keyFor('1') });
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body) as InvokeResult<unknown>;
    expect(result.ok).toBe(true);
    const parsed = invokeChannels['wall:boot'].response.parse((result as { value: unknown }).value);
    expect(parsed.view.wall.id).toBe('1');
    expect(parsed.info.name).toBe('IOC Wall');
    // Every camera tile of the layout (this host runs the embedded demo hub, which registers them),
    // in its area, each camera with its registry record.
    const cameraTiles = parsed.view.layout.tiles.flatMap((t) => (t.kind === 'camera' ? [t] : []));
    expect(cameraTiles.length).toBeGreaterThan(0);
    expect(parsed.cameras.map((c) => [c.tileKey, c.source.cameraId, c.area])).toEqual(cameraTiles.map((t) => [t.id, t.cameraId, t.area]));
    expect(parsed.cameraRecords.map((r) => (r.topic === 'camera' ? r.payload.id : r.topic)).sort()).toEqual([...new Set(cameraTiles.map((t) => t.cameraId))].sort());
    expect(parsed.grid).toEqual({ cols: parsed.view.layout.cols, rows: parsed.view.layout.rows });
  });

  it('refuses without the key, with a wrong key, with another wall’s key, and says why in the log', async () => {
    const before = webLog.lines.length;
    for (const headers of [{}, { [WALL_KEY_HEADER]: 'x'.repeat(43) }, { [WALL_KEY_HEADER]: core.access.walls.keyFor('2') }] as Record<string, string>[]) {
      const answer = await boot('1', headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.body).not.toContain('subUrl');
    }
    // The key in the URL is not the key: it never goes where proxies and logs keep it.
    expect((await rawRequest(`${WALL_BOOT_PATH}?wall=1&key=${core.access.walls.keyFor('1')}`, { Host: `127.0.0.1:${port()}` })).status).toBe(401);
    expect(webLog.lines.slice(before).filter((l) => l.includes('wall boot: refused') && l.includes('wall 1')).length).toBe(4);
  });

  it('a malformed wall id is a 400, an unknown wall a 404 with the reason, another site’s name a 421', async () => {
    expect((await boot('../1', { [WALL_KEY_HEADER]: core.access.walls.keyFor('../1') })).status).toBe(400);
    const unknown = await boot('no-such-wall', { [WALL_KEY_HEADER]: core.access.walls.keyFor('no-such-wall') });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: expect.stringContaining('no-such-wall') });
    expect((await rawRequest(`${WALL_BOOT_PATH}?wall=1`, { Host: `evil.example:${port()}`, [WALL_KEY_HEADER]: core.access.walls.keyFor('1') })).status).toBe(421);
  });
});

describe('roles', () => {
  it('a viewer sees the walls but changes nothing and reads no audit log; an operator drives the walls but may not reload the config; an admin may', async () => {
    const viewer = await openBridgeSocket(host.url, { role: 'console', session: await signInToken(host.url, 'viewer') });
    const operator = await openBridgeSocket(host.url, { role: 'console', session: await signInToken(host.url, 'operator') });
    const admin = await openBridgeSocket(host.url, { role: 'console', session: await signInToken(host.url, 'admin') });
    try {
      expect((await ask(viewer, 'operator:state')).ok).toBe(true);
      expect((await ask(viewer, 'session:get')).ok).toBe(true);
      for (const [name, payload] of [
        ['preset.apply', { presetId: 'dieu-hanh-giao-thong' }],
        ['wall.set-layout', { wallId: '1', layoutId: 'giao-thong' }],
        ['walls.undo', {}],
        ['agenda.stop', {}],
      ] as const) {
        expect(await command(viewer, name, payload), name).toMatchObject({ ok: false, error: expect.stringMatching(/e2e-viewer \(theo dõi\) không được/) });
      }
      expect(await ask(viewer, 'key:press', { accelerator: 'Ctrl+Alt+2' })).toMatchObject({ ok: false });
      expect(await ask(viewer, 'audit:list', {})).toMatchObject({ ok: false, error: expect.stringMatching(/needs the operator role/) });

      expect(await command(operator, 'preset.apply', { presetId: 'dieu-hanh-giao-thong' })).toMatchObject({ ok: true });
      expect(await command(operator, 'config.reload')).toMatchObject({ ok: false, error: expect.stringMatching(/cần quyền quản trị/) });
      expect((await ask(operator, 'audit:list', {})).ok).toBe(true);
      expect(await command(admin, 'config.reload')).toMatchObject({ ok: true, value: { operators: 3, needsRestart: [] } });
      expect(await command(admin, 'preset.apply', { presetId: 'giao-ban-thu-hai' })).toMatchObject({ ok: true });
    } finally {
      [viewer, operator, admin].forEach((s) => s.close());
    }
  });

  it('signing out ends the session on every connection holding it, and it cannot connect again', async () => {
    const session = await signInToken(host.url, 'operator');
    const first = await openBridgeSocket(host.url, { role: 'console', session });
    const second = await openBridgeSocket(host.url, { role: 'console', session });
    const ended = new Promise((resolveEnded) => second.once('session:ended', resolveEnded));
    const gone = new Promise((resolveGone) => second.once('disconnect', resolveGone));
    expect(await ask(first, 'session:sign-out')).toEqual({ ok: true, value: null });
    await expect(ended).resolves.toMatchObject({ why: 'signed-out' });
    await gone;
    await expect(openBridgeSocket(host.url, { role: 'console', session })).rejects.toThrow(/session/);
    first.close();
  });
});

describe('binding beyond this machine', () => {
  it('is refused with a clear message when no operator accounts are configured', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'ioc-bare-'));
    writeFileSync(join(bare, 'ioc-wall.json'), JSON.stringify({ rules: [], schedules: [], hub: { url: 'http://127.0.0.1:9', token: 't' } }));
    const lone = await startAppCore({ mode: 'browser', userDataDir: bare, assetsDir: resolve(__dirname, '../../../assets'), version: 'test', log: createMemoryLogger('lone') });
    try {
      await expect(startWebHost({ core: lone, rendererDir, host: '0.0.0.0', port: 0, log: createMemoryLogger('web') })).rejects.toThrow(/names no operator accounts.*hash-password/);
      // On loopback the first account (a random password in the data folder) lets someone sign in.
      expect(lone.access.first?.file).toBe(join(bare, 'first-sign-in.txt'));
      const local = await startWebHost({ core: lone, rendererDir, host: '127.0.0.1', port: 0, log: createMemoryLogger('web') });
      const answer = await fetch(local.url + SIGN_IN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: lone.access.first!.password }) });
      expect(await answer.json()).toMatchObject({ ok: true, session: { username: 'admin', role: 'admin' } });
      await local.close();
    } finally {
      await lone.close();
    }
  });
});

describe('bound to every interface', () => {
  it('serves this machine’s own names and loopback, prints a loopback address, and still refuses a foreign name', async () => {
    const wide = await startWebHost({ core, rendererDir, host: '0.0.0.0', port: 0, log: createMemoryLogger('wide') });
    try {
      expect(wide.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const widePort = new URL(wide.url).port;
      const get = (hostHeader: string): Promise<number> =>
        new Promise((resolvePromise, reject) => {
          const req = httpRequest({ host: '127.0.0.1', port: Number(widePort), path: '/console', headers: { Host: hostHeader } }, (res) => {
            res.resume();
            resolvePromise(res.statusCode ?? 0);
          });
          req.on('error', reject);
          req.end();
        });
      expect(await get(`127.0.0.1:${widePort}`)).toBe(200);
      expect(await get(`${hostname()}:${widePort}`)).toBe(200);
      expect(await get(`evil.example:${widePort}`)).toBe(421);
    } finally {
      await wide.close();
    }
  });
});
