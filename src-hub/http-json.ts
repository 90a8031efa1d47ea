import type { ServerResponse } from 'node:http';

/** Answers with a JSON body; hub answers are never cached, they describe the state of the moment. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** An error answer: `{ "error": "…" }` plus any details that help the sender fix the request. */
export function sendError(res: ServerResponse, status: number, error: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error, ...details }, headers);
}
