import { z } from 'zod';

/** Most hours between two checks: a wall that checks less than weekly might as well not. */
export const UPDATE_CHECK_MAX_HOURS = 7 * 24;

/**
 * The `updates` section of the config: where a wall on a closed network looks for new versions,
 * e.g. { "url": "http://updates.ioc.lan/ioc-wall/", "checkEveryHours": 6 }. Without a url (the
 * default) the wall never looks. The folder holds what `npm run dist` made (latest.yml,
 * latest-linux.yml, the installers) on any LAN web server (README, "Running for months").
 * The url is optional rather than required so that a bad one costs one error line and turns updates
 * off, instead of a second line for the section it leaves behind (load-config.ts drops bad keys).
 */
export const updatesConfigSchema = z
  .strictObject({
    /** The folder's address; absent: no updates. */
    url: z
      .url({ protocol: /^https?$/, error: 'expected the http(s) address of the folder holding latest.yml, e.g. "http://updates.ioc.lan/ioc-wall/"; no updates until it is fixed' })
      .optional(),
    /** Hours between checks; the first is at start. */
    checkEveryHours: z.number().int().min(1).max(UPDATE_CHECK_MAX_HOURS).default(6),
  })
  // prefault, like the other sections: a field added later with its own default still gets it.
  .prefault({});

export type UpdatesConfig = z.infer<typeof updatesConfigSchema>;

/** When and where a wall looks for updates; undefined when it does not. */
export interface UpdatePlan {
  url: string;
  everyMs: number;
}

/** The plan for a parsed `updates` section: off without a url. */
export function updatePlan(config: UpdatesConfig): UpdatePlan | undefined {
  return config.url === undefined ? undefined : { url: config.url, everyMs: config.checkEveryHours * 3_600_000 };
}
