import { z } from 'zod';
import { roleSchema, usernameSchema } from '../../src-shared/access';
import { isPasswordHash } from '../access/password-hash';

/** One operator account of the config; the password only as a hash made by `npm run hash-password`. */
export const operatorAccountSchema = z
  .object({
    username: usernameSchema,
    name: z.string().trim().min(1).max(120),
    role: roleSchema,
    passwordHash: z.string().refine(isPasswordHash, 'not a password hash this app accepts: make one with `npm run hash-password` (scrypt, N ≥ 2^14)'),
  })
  .strict();
export type OperatorAccount = z.infer<typeof operatorAccountSchema>;

export const operatorAccountsSchema = z
  .array(operatorAccountSchema)
  .max(1000)
  .superRefine((accounts, ctx) => {
    const seen = new Set<string>();
    accounts.forEach((account, index) => {
      if (seen.has(account.username)) ctx.addIssue({ code: 'custom', path: [index, 'username'], message: `username "${account.username}" is used twice` });
      seen.add(account.username);
    });
  })
  .default([]);

export const accessSchema = z
  .object({
    /** A session ends this long after sign-in, whatever its console does: one shift and a margin. */
    sessionHours: z.number().min(0.01).max(24 * 7).default(12),
    /** A console with no request for this long is signed out (the walls' own updates do not count). */
    idleMinutes: z.number().int().min(1).max(24 * 60).default(60),
    /** After three failed sign-ins (per account, per address) each try waits this long, doubling up to 15 minutes. */
    signInBackoffSeconds: z.number().int().min(1).max(60).default(2),
  })
  .strict()
  .prefault({});
