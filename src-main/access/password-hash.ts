import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Operator passwords are kept only as scrypt hashes (Node's own, no native add-on), written as
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url). The cost travels with the hash, so old hashes
 * keep working when the default rises. Made by `npm run hash-password` (scripts/hash-password.ts).
 */

export interface ScryptCost {
  /** log2 of N, the CPU and memory cost. */
  logN: number;
  r: number;
  p: number;
}

/** OWASP's scrypt minimum (N = 2^17, r = 8, p = 1): about 128 MiB and a few hundred ms per check. */
export const DEFAULT_COST: ScryptCost = { logN: 17, r: 8, p: 1 };
/** Lower than this is refused in a config: it would make a stolen config cheap to crack. */
const MIN_LOG_N = 14;
const MAX_LOG_N = 20;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

const HASH_PATTERN = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{40,64})$/;

interface ParsedHash extends ScryptCost {
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return null;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < MIN_LOG_N || logN > MAX_LOG_N || r < 1 || r > 32 || p < 1 || p > 16) return null;
  const key = Buffer.from(match[5]!, 'base64url');
  if (key.length !== KEY_BYTES) return null;
  return { logN, r, p, salt: Buffer.from(match[4]!, 'base64url'), key };
}

/** Whether a config's `passwordHash` is one this app can check (and strong enough to accept). */
export function isPasswordHash(stored: string): boolean {
  return parseHash(stored) !== null;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is below the default cost.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 128 * N * cost.r * 2 };
  // NFC: the same Vietnamese password typed on two keyboards may arrive in two Unicode forms.
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether the password matches; false (never a throw) for a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return timingSafeEqual(key, parsed.key);
}

/**
 * Spends the time of a real check. A sign-in for an unknown account costs the same as a wrong
 * password, so the answer's timing does not tell which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export async function spendCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not a password of anyone');
  await verifyPassword(password, await dummyHash);
}
