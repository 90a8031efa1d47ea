import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from '../../../src-main/access/password-hash';
import { createSignInThrottle } from '../../../src-main/access/sign-in-throttle';

const LOW = { logN: 14, r: 8, p: 1 };

describe('password hashes', () => {
  it('checks the right password, refuses a wrong one, and salts each hash', async () => {
    const hash = await hashPassword('Mật khẩu điều hành 1', LOW);
    expect(hash).toMatch(/^scrypt\$14\$8\$1\$/);
    expect(isPasswordHash(hash)).toBe(true);
    await expect(verifyPassword('Mật khẩu điều hành 1', hash)).resolves.toBe(true);
    await expect(verifyPassword('Mật khẩu điều hành 2', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
    expect(await hashPassword('Mật khẩu điều hành 1', LOW)).not.toBe(hash);
  });

  it('takes a Vietnamese password typed in either Unicode form', async () => {
    const nfc = 'Điều hành'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    await expect(verifyPassword(nfd, await hashPassword(nfc, LOW))).resolves.toBe(true);
  });

  it('refuses hashes it cannot trust: malformed, another scheme, too cheap, a changed key', async () => {
    const hash = await hashPassword('password-1234', LOW);
    const weak = hash.replace('scrypt$14$', 'scrypt$10$');
    for (const bad of ['', 'plain-password', '$2b$12$abcdefghijklmnopqrstuv', weak, `${hash}x`, hash.replace(/\$[^$]+$/, '$short')]) {
      expect(isPasswordHash(bad), bad).toBe(false);
      await expect(verifyPassword('password-1234', bad)).resolves.toBe(false);
    }
    // Change one character inside the derived key (not the last, whose low bits base64 may not use),
    // always to a different one: replacing "AA" by "AA" made this test fail one run in ~256.
    const at = hash.length - 5;
    const flipped = hash.slice(0, at) + (hash[at] === 'B' ? 'C' : 'B') + hash.slice(at + 1);
    expect(flipped).not.toBe(hash);
    await expect(verifyPassword('password-1234', flipped)).resolves.toBe(false);
  });
});

describe('sign-in throttle', () => {
  const options = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

  it('lets the first failures through, then doubles the wait up to the cap', () => {
    const throttle = createSignInThrottle(options);
    const keys = ['user:an', 'address:10.0.0.5'];
    const waits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      waits.push(throttle.waitMs(keys, 0));
      throttle.failed(keys, 0);
    }
    // Three failures are free; the fourth makes the next try wait 1 s, then 2, 4, 8 (the cap), 8.
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(throttle.waitMs(keys, 0)).toBe(8000);
    expect(throttle.waitMs(keys, 8000)).toBe(0);
  });

  it('blocks by account and by address apart: another account from the same address waits too', () => {
    const throttle = createSignInThrottle(options);
    for (let i = 0; i < 4; i += 1) throttle.failed(['user:an', 'address:10.0.0.5'], 0);
    expect(throttle.waitMs(['user:binh', 'address:10.0.0.5'], 0)).toBe(1000);
    expect(throttle.waitMs(['user:an', 'address:10.0.0.9'], 0)).toBe(1000);
    expect(throttle.waitMs(['user:binh', 'address:10.0.0.9'], 0)).toBe(0);
  });

  it('forgets after a quiet window, and a success clears the account (not the address)', () => {
    const throttle = createSignInThrottle(options);
    for (let i = 0; i < 5; i += 1) throttle.failed(['user:an', 'address:a'], 0);
    throttle.succeeded('user:an');
    expect(throttle.waitMs(['user:an'], 0)).toBe(0);
    expect(throttle.waitMs(['address:a'], 0)).toBeGreaterThan(0);
    expect(throttle.waitMs(['address:a'], 60_001)).toBe(0);
  });
});
