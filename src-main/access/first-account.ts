import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OperatorAccount } from '../config/access-schema';
import { hashPassword } from './password-hash';

/**
 * A host whose config names no operator account (the demo, a first start) still needs someone to
 * sign in: it makes one admin account with a random password, kept in a file only this user can
 * read in the data folder, and says where on start. Such a host only serves this machine
 * (web-host.ts refuses any other address until real accounts are configured).
 */

export const FIRST_ACCOUNT_USERNAME = 'admin';

export interface FirstAccount {
  account: OperatorAccount;
  password: string;
  file: string;
}

const PASSWORD_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export async function firstAccount(userDataDir: string): Promise<FirstAccount> {
  const file = join(userDataDir, 'first-sign-in.txt');
  let password = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!PASSWORD_PATTERN.test(password)) {
    password = randomBytes(12).toString('base64url');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
  }
  // A cheaper cost than a configured account's: this password is random and never leaves the machine.
  const passwordHash = await hashPassword(password, { logN: 14, r: 8, p: 1 });
  return { account: { username: FIRST_ACCOUNT_USERNAME, name: 'Quản trị (tài khoản đầu tiên)', role: 'admin', passwordHash }, password, file };
}
