import type { IncomingMessage, ServerResponse } from 'node:http';

/** The body is over the limit; the hub stops keeping it. */
export class BodyTooLargeError extends Error {}
/** The body did not arrive in time (a stalled or trickling sender holding a slot). */
export class BodyTimeoutError extends Error {}

/**
 * The whole request body, refusing it as soon as it passes `limit` bytes (a declared Content-Length
 * over the limit is refused before a byte is read) or takes longer than `timeoutMs`. After a refusal
 * the rest is not read here: answer, then `discardBody`.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError(`the body is ${declared} bytes; the limit is ${limit}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        stop();
        chunks.length = 0;
        reject(new BodyTooLargeError(`the body is over the limit of ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new BodyTimeoutError(`the body did not arrive within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', (error) => {
      stop();
      reject(error);
    });
    req.once('aborted', () => {
      stop();
      reject(new Error('the client aborted the request'));
    });
  });
}

export interface DiscardLimits {
  /** Bytes dropped; past them the hub stops reading, and cuts the connection after `lingerMs`. */
  maxBytes: number;
  /** How long the connection stays open after the answer is flushed before it may be cut. */
  lingerMs: number;
  /** Time given to the rest of the body in all; past it the connection is cut. */
  maxMs: number;
}

/**
 * After answering a request whose body the hub will not keep (413, 408): drops the rest of the body
 * as it comes, so a client still sending reads the answer instead of a connection reset (closing a
 * socket with unread data makes the kernel send a reset, which can overtake the answer). A client
 * that sends more than `maxBytes` is no longer read from, and its connection is cut once the answer
 * has been flushed and `lingerMs` has passed — time for the client to read it (Apache's "lingering
 * close"). Resolves when the body has ended or the connection is gone.
 */
export function discardBody(req: IncomingMessage, res: ServerResponse, limits: DiscardLimits): Promise<void> {
  return new Promise((resolve) => {
    let dropped = 0;
    let lingering: NodeJS.Timeout | undefined;
    const done = (): void => {
      clearTimeout(timer);
      clearTimeout(lingering);
      req.off('data', onData);
      req.off('end', done);
      req.socket.off('close', done);
      resolve();
    };
    const cut = (): void => {
      req.off('data', onData);
      req.pause();
      if (res.writableFinished) req.socket.destroy();
      else res.once('finish', () => req.socket.destroy());
    };
    const lingerThenCut = (): void => {
      req.off('data', onData);
      req.pause();
      if (lingering) return;
      const linger = (): void => void (lingering = setTimeout(cut, limits.lingerMs));
      if (res.writableFinished) linger();
      else res.once('finish', linger);
    };
    const onData = (chunk: Buffer): void => {
      dropped += chunk.length;
      if (dropped > limits.maxBytes) lingerThenCut();
    };
    const timer = setTimeout(cut, limits.maxMs);
    if (req.readableEnded || req.socket.destroyed) return done();
    req.on('data', onData);
    req.once('end', done);
    req.socket.once('close', done);
    req.resume();
  });
}
