import type { IncomingMessage, ServerResponse } from 'node:http';
import { idSchema } from '../../src-shared/domain';
import type { InvokeResult } from '../../src-shared/ipc';
import type { Logger } from '../../src-shared/node/log';
import { WALL_KEY_HEADER } from '../../src-shared/ipc-channels';
import type { AppCore } from '../app-core';

const answer = (res: ServerResponse, status: number, body: InvokeResult<unknown>, headers: Record<string, string>): void => {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
};

/**
 * GET WALL_BOOT_PATH?wall=<id>: browser mode's `wall:boot`, asked by a wall page's first script
 * before its bridge socket exists. The wall's key proves the caller exactly as the bridge's
 * handshake does, and the request then goes through the same invoke gate as that wall's socket
 * would (channel rules, request schema, log).
 */
export async function handleWallBoot(req: IncomingMessage, res: ServerResponse, core: AppCore, log: Logger, headers: Record<string, string>): Promise<void> {
  const address = req.socket.remoteAddress ?? '?';
  const wallId = idSchema.safeParse(new URL(req.url ?? '/', 'http://host').searchParams.get('wall'));
  if (!wallId.success) {
    log.warn(`wall boot: refused ${address}: no valid wall id`);
    answer(res, 400, { ok: false, error: 'name the wall: ?wall=<id>' }, headers);
    return;
  }
  if (!core.access.walls.check(wallId.data, req.headers[WALL_KEY_HEADER])) {
    log.warn(`wall boot: refused ${address}: wrong or missing key for wall ${wallId.data}`);
    answer(res, 401, { ok: false, error: 'wrong or missing wall key' }, headers);
    return;
  }
  const result = await core.invoke({ role: 'wall', wallId: wallId.data }, 'wall:boot', { wallId: wallId.data });
  answer(res, result.ok ? 200 : 404, result, headers);
}
