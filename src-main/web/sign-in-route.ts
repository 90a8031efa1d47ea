import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignInResult } from '../../src-shared/access';
import type { AppCore } from '../app-core';

/** A sign-in is a username and a password: anything longer is not one. */
const MAX_BODY_BYTES = 4096;

function readSmallBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Read on (and drop) the rest, so the client hears the answer instead of a reset.
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(JSON.stringify(body));
};

/**
 * POST /auth/session: browser mode's sign-in. Answers the session token (the page keeps it for
 * the tab and presents it when it connects to the bridge) or why not, with Retry-After when
 * failures have slowed this account or address down. Host and Origin were checked by the caller.
 */
export async function handleSignIn(req: IncomingMessage, res: ServerResponse, core: AppCore): Promise<void> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    json(res, 415, { ok: false, reason: 'invalid', error: 'send the sign-in as application/json' });
    return;
  }
  const body = await readSmallBody(req);
  if (body === null) {
    json(res, 413, { ok: false, reason: 'invalid', error: `a sign-in is at most ${MAX_BODY_BYTES} bytes` });
    return;
  }
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    json(res, 400, { ok: false, reason: 'invalid', error: 'the sign-in is not JSON' });
    return;
  }
  const address = req.socket.remoteAddress ?? 'unknown';
  // A browser console's station is its address: a workstation's name reads the same in both languages.
  const result: SignInResult = await core.signIn(request, { address, station: address });
  if (result.ok) json(res, 200, result);
  else if (result.reason === 'throttled') json(res, 429, result, { 'Retry-After': String(result.retryAfterSeconds ?? 60) });
  else json(res, result.reason === 'invalid' ? 400 : 401, result);
}
