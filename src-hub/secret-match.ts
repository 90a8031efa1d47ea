import { createHash, timingSafeEqual } from 'node:crypto';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * The index of the secret in `candidates` that equals `given`, or -1.
 * Both sides are hashed first so the comparison is constant-time whatever the lengths, and every
 * candidate is compared so the time does not tell which one (or whether any) matched.
 */
export function matchSecret(candidates: readonly string[], given: string | undefined): number {
  if (given === undefined || given.length === 0) return -1;
  const givenDigest = digest(given);
  let found = -1;
  candidates.forEach((candidate, index) => {
    if (timingSafeEqual(digest(candidate), givenDigest) && found === -1) found = index;
  });
  return found;
}

/** The secret of an `Authorization: Bearer …` header, or of `X-Api-Key` when `alsoApiKey` is set. */
export function bearerSecret(headers: Record<string, string | string[] | undefined>, alsoApiKey = false): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers['x-api-key'];
  if (alsoApiKey && typeof apiKey === 'string' && apiKey.trim()) return apiKey.trim();
  return undefined;
}
