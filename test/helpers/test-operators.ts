import { io, type Socket } from 'socket.io-client';
import { SIGN_IN_PATH, type Role } from '../../src-shared/access';
import { BROWSER_BRIDGE_PATH } from '../../src-shared/ipc';
import { hashPassword } from '../../src-main/access/password-hash';

/**
 * The operator accounts test hosts run with: one per role, with known passwords. Their hashes use
 * scrypt's lowest accepted cost (2^14), made once per test process.
 */
export const TEST_OPERATORS = {
  admin: { username: 'e2e-admin', name: 'Quản trị Kiểm thử', role: 'admin', password: 'mat-khau-quan-tri-1' },
  operator: { username: 'e2e-operator', name: 'Nguyễn Văn An', role: 'operator', password: 'mat-khau-dieu-hanh-1' },
  viewer: { username: 'e2e-viewer', name: 'Trần Thị Bình', role: 'viewer', password: 'mat-khau-theo-doi-1' },
} as const satisfies Record<Role, { username: string; name: string; role: Role; password: string }>;

let accounts: Promise<Array<{ username: string; name: string; role: Role; passwordHash: string }>> | undefined;

/** The `operators` section of a test config. */
export function testOperatorAccounts(): Promise<Array<{ username: string; name: string; role: Role; passwordHash: string }>> {
  accounts ??= Promise.all(Object.values(TEST_OPERATORS).map(async ({ password, ...account }) => ({ ...account, passwordHash: await hashPassword(password, { logN: 14, r: 8, p: 1 }) })));
  return accounts;
}

/** Signs in over HTTP as a browser console would, and answers the session token. */
export async function signInToken(hostUrl: string, role: Role = 'operator'): Promise<string> {
  const { username, password } = TEST_OPERATORS[role];
  const response = await fetch(hostUrl + SIGN_IN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as { ok: boolean; token?: string; error?: string };
  if (!body.ok || !body.token) throw new Error(`sign-in as ${username} failed: ${response.status} ${body.error ?? ''}`);
  return body.token;
}

/** A raw bridge socket with the given auth and headers; resolves once connected, rejects with the refusal. */
export async function openBridgeSocket(hostUrl: string, auth: object | undefined, extraHeaders: Record<string, string> = {}): Promise<Socket> {
  const socket = io(hostUrl, { path: BROWSER_BRIDGE_PATH, transports: ['websocket'], reconnection: false, ...(auth ? { auth } : {}), extraHeaders });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
  return socket;
}
