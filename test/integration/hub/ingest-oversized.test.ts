import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubProcess, type HubProcess } from '../../helpers/hub-process';
import { tempDir, TEST_DEPARTMENTS, WALL_TOKEN } from '../../helpers/hub-fixtures';

/**
 * A department streaming a body over the limit must read the hub's 413 and its JSON error, not a
 * connection reset: with real HTTP clients (Node's fetch, which is undici, a plain http.request and
 * curl), for a body with a Content-Length over the limit and for a chunked one that grows past it.
 * The hub runs as its own process (the built out/main/hub.js): in the test's own process the client
 * and the hub share one event loop, which hides the race between the answer and a reset.
 */

const ENV = TEST_DEPARTMENTS.environment;
/** The hub's default body limit. */
const LIMIT = 5 * 1024 * 1024;
/** Far past the limit and past what loopback buffers, so the client is still sending when the answer comes. */
const OVERSIZED = 48 * 1024 * 1024;
const temp = tempDir();
let hub: HubProcess;
let url: string;

beforeAll(async () => {
  const config = join(temp.dir, 'hub.json');
  writeFileSync(config, JSON.stringify({ port: 0, dbPath: 'hub.db', wallTokens: [WALL_TOKEN], departments: [ENV] }));
  hub = await startHubProcess([`--config=${config}`]);
  url = `${hub.url}/api/v1/ingest/kpi`;
});
afterAll(async () => {
  await hub.stop();
  temp.remove();
});

const headers = { Authorization: `Bearer ${ENV.apiKey}`, 'Content-Type': 'application/json' };
const oversized = (): Uint8Array<ArrayBuffer> => new Uint8Array(OVERSIZED).fill(91);

/** A body streamed in pieces with pauses, like a department's exporter writing as it reads. */
function trickle(total: number, piece = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      if (sent >= total) return controller.close();
      await new Promise((resolve) => setTimeout(resolve, 1));
      const size = Math.min(piece, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(91));
    },
  });
}

async function expect413(response: Response): Promise<void> {
  expect(response.status).toBe(413);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: string };
  expect(body.error).toMatch(/limit/);
}

describe('ingest: a body over the limit is answered 413, and the client reads it', () => {
  it('with fetch and a Content-Length over the limit', async () => {
    for (let round = 0; round < 3; round += 1) await expect413(await fetch(url, { method: 'POST', headers, body: oversized() }));
  });

  it('with fetch streaming a chunked body that grows past the limit', async () => {
    for (let round = 0; round < 3; round += 1) {
      await expect413(await fetch(url, { method: 'POST', headers, body: trickle(OVERSIZED), duplex: 'half' } as RequestInit));
    }
  });

  it('with a plain http.request that declares the length and keeps writing', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { ...headers, 'Content-Length': OVERSIZED } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      const piece = Buffer.alloc(64 * 1024, 91);
      let written = 0;
      const write = (): void => {
        while (written < OVERSIZED) {
          written += piece.length;
          if (!req.write(piece)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/limit/) });
  });

  const curl = spawnSync('curl', ['--version']).status === 0;
  it.runIf(curl)('with curl, for a Content-Length body and a chunked one, with and without Expect: 100-continue', async () => {
    const file = join(temp.dir, 'oversized.json');
    writeFileSync(file, oversized());
    const variants: Array<[string, string[]]> = [
      ['length', ['-H', 'Expect:']],
      ['chunked', ['-H', 'Expect:', '-H', 'Transfer-Encoding: chunked']],
      ['length, expect 100-continue', []],
    ];
    for (const [name, extra] of variants) {
      for (let round = 0; round < 2; round += 1) {
        const args = ['-sS', '-o', '-', '-w', '\n%{http_code}', '-X', 'POST', '-H', `Authorization: Bearer ${ENV.apiKey}`, '-H', 'Content-Type: application/json', ...extra, '--data-binary', `@${file}`, url];
        const out = await new Promise<string>((resolve) => {
          const child = spawn('curl', args);
          let text = '';
          child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
          child.on('close', () => resolve(text));
        });
        const [body, status] = out.trim().split('\n');
        expect(status, `${name}: ${out}`).toBe('413');
        expect(JSON.parse(body!), name).toEqual({ error: expect.stringMatching(/limit/) });
      }
    }
  });

  it('stores nothing, logs the refusal, and still answers afterwards', async () => {
    const empty = await fetch(url, { method: 'POST', headers, body: '[]' });
    expect(empty.status).toBe(400);
    const health = (await (await fetch(`${hub.url}/healthz`)).json()) as { seq: number };
    expect(health.seq).toBe(0);
    expect(hub.output()).toContain(`ingest kpi from so-tnmt: 413 the body is ${OVERSIZED} bytes; the limit is ${LIMIT}`);
  });
});
