import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The credential of a browser-mode wall window: a key per wall, derived from one secret the host
 * keeps in its data folder (made on first start, readable by this user only), so a wall's URL
 * stays the same across restarts and a key for wall 1 opens nothing else. The key travels in the
 * URL's fragment (`/wall/1#key=…`), which browsers never send to a server or in a Referer.
 */

const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface WallCredentials {
  keyFor(wallId: string): string;
  check(wallId: string, key: unknown): boolean;
}

export function loadWallSecret(file: string): string {
  const existing = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (SECRET_PATTERN.test(existing)) return existing;
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function wallCredentials(secret: string): WallCredentials {
  const keyFor = (wallId: string): string => createHmac('sha256', secret).update(`wall:${wallId}`).digest('base64url');
  return {
    keyFor,
    check: (wallId, key) => {
      if (typeof key !== 'string' || key.length > 128) return false;
      const expected = Buffer.from(keyFor(wallId));
      const given = Buffer.from(key);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
