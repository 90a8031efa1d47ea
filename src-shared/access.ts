import { z } from 'zod';

/**
 * Who may do what. Operators sign in on the console and act with one of three roles:
 * a viewer sees the walls and the console but changes nothing; an operator drives the walls
 * (presets, pushes, agendas, acknowledgements) and reads the audit log; an admin also reloads the
 * config and its operator accounts. Wall windows have no role: they may only change what is local
 * to their own wall (src-shared/commands.ts).
 */
export const ROLES = ['viewer', 'operator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Whether `role` may do what needs `needed`: each role may do everything the one before it may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Account names: short, ASCII, case-insensitive (stored lower-case), the same in the audit log and in CSV. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'a username is 2–64 characters: a–z, 0–9, dot, dash, underscore');

/** An operator as the console and the audit log name them. */
export const operatorSchema = z.object({
  username: usernameSchema,
  /** The operator's full name, for the console's header ("Nguyễn Văn An"). */
  name: z.string().min(1).max(120),
  role: roleSchema,
});
export type Operator = z.infer<typeof operatorSchema>;

/** A signed-in console's session as the renderer sees it; the token itself stays in the page. */
export const sessionInfoSchema = operatorSchema.extend({
  /** When the session ends at the latest (ISO-8601), whatever the operator does. */
  expiresAt: z.iso.datetime({ offset: true }),
  /** How long the session lasts without a request from its console. */
  idleMinutes: z.number().int().min(1),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** What the console sends to sign in (browser mode: POST /auth/session; Electron: the session:sign-in channel). */
export const signInRequestSchema = z
  .object({
    username: z.string().max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();
export type SignInRequest = z.infer<typeof signInRequestSchema>;

/** The answer to a sign-in: the session, or why not (a refusal after too many tries says when to try again). */
export const signInResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), token: z.string().min(32).max(128), session: sessionInfoSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(['wrong-credentials', 'throttled', 'invalid']), retryAfterSeconds: z.number().int().min(0).optional(), error: z.string() }),
]);
export type SignInResult = z.infer<typeof signInResultSchema>;

/** Where browser mode signs in; same origin as the page, refused for any other Host or Origin. */
export const SIGN_IN_PATH = '/auth/session';
