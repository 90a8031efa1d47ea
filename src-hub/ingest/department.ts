import { z } from 'zod';
import { hubTopicSchema } from '../../src-shared/hub-protocol';
import { subsystemIdSchema } from '../../src-shared/subsystems';

/**
 * A department that pushes data to the hub (a Sở, a centre, the IOC team) and what it may write:
 * its topics and, when `subsystems` is set, only records of those subsystems — so the health
 * department cannot overwrite a tourism KPI by mistake. Strict: a misspelt "subsytems" must not
 * silently leave a department allowed every subsystem.
 */
export const departmentSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'letters, digits, . _ - (max 64)'),
  name: z.string().min(1).max(160),
  /** Sent as `Authorization: Bearer <apiKey>` or `X-Api-Key`; long enough not to be guessed. */
  apiKey: z.string().min(16, 'at least 16 characters').max(512),
  topics: z.array(hubTopicSchema).min(1),
  subsystems: z.array(subsystemIdSchema).min(1).optional(),
});
export type Department = z.infer<typeof departmentSchema>;

/** Departments with unique ids and unique keys: a shared key would make two departments one. */
export const departmentListSchema = z.array(departmentSchema).superRefine((departments, ctx) => {
  const ids = new Set<string>();
  const keys = new Set<string>();
  departments.forEach((d, i) => {
    if (ids.has(d.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate department id "${d.id}"` });
    if (keys.has(d.apiKey)) ctx.addIssue({ code: 'custom', path: [i, 'apiKey'], message: `department "${d.id}" shares its apiKey with another` });
    ids.add(d.id);
    keys.add(d.apiKey);
  });
});
