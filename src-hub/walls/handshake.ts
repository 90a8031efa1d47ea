import { hubAuthSchema, type HubResyncRequest } from '../../src-shared/hub-protocol';
import { matchSecret } from '../secret-match';

export type HandshakeCheck =
  | { ok: true; tokenIndex: number; request: HubResyncRequest; capabilities: readonly string[] }
  /** `message` goes to the wall (its socket.io connect_error), `log` to the hub's log. */
  | { ok: false; message: string; log: string; fields: string[] };

export const TOKEN_REFUSAL = 'unauthorized: wrong or missing wall token';

/** A received value for a log line: short, and never more than a glimpse of what was sent. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Reads a wall's socket.io handshake `auth`. The token is checked first and alone, so a wall with a
 * wrong token is told only that, whatever else it sent; a wall with a good token and a malformed
 * `hubId`, `lastSeq` or `capabilities` is told which field is wrong and why, so an operator chases
 * that field rather than a token that is fine.
 */
export function checkHandshake(auth: unknown, wallTokens: readonly string[]): HandshakeCheck {
  const fields = typeof auth === 'object' && auth !== null && !Array.isArray(auth) ? (auth as Record<string, unknown>) : {};
  const token = hubAuthSchema.shape.token.safeParse(fields.token);
  const tokenIndex = token.success ? matchSecret(wallTokens, token.data) : -1;
  if (tokenIndex === -1) {
    const why = fields.token === undefined ? 'no wall token' : token.success ? 'wrong wall token' : 'malformed wall token';
    return { ok: false, message: TOKEN_REFUSAL, log: why, fields: ['token'] };
  }
  const parsed = hubAuthSchema.safeParse(fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.') || '(auth)';
      return { field, text: `auth.${field}: ${issue.message}`, got: shown(issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key], fields)) };
    });
    return {
      ok: false,
      message: `bad handshake (the wall token is fine): ${issues.map((i) => i.text).join('; ')}`,
      log: `malformed handshake: ${issues.map((i) => `${i.text} (got ${i.got})`).join('; ')}`,
      fields: [...new Set(issues.map((i) => i.field.split('.')[0]!))],
    };
  }
  const { hubId, lastSeq, capabilities } = parsed.data;
  return { ok: true, tokenIndex, request: { lastSeq, ...(hubId === undefined ? {} : { hubId }) }, capabilities: capabilities ?? [] };
}
