import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../src-shared/node/log';
import { DEFAULT_MAX_REPLAY } from './catch-up-plan';
import { departmentListSchema } from './ingest/department';
import { ingestLimitsSchema } from './ingest/ingest-limits';
import { DEFAULT_LOG_RETENTION } from './store/hub-store';

/**
 * The hub's config file (`npm run hub -- --config=FILE`). Relative paths are relative to the file,
 * so a config and its database can move together.
 *
 * {
 *   "host": "0.0.0.0", "port": 4781, "dbPath": "hub.db",
 *   "wallTokens": ["…"],
 *   "departments": [{ "id": "so-tnmt", "name": "Sở TN&MT", "apiKey": "…", "topics": ["kpi", "environment"], "subsystems": ["environment"] }]
 * }
 *
 * A node of a hub cluster has "cluster": { "redis": "redis://…" } instead of a dbPath: every node
 * of one cluster is given the same Redis, wall tokens and departments (README, "Hub cluster").
 */
export const hubConfigSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(4781),
  dbPath: z.string().min(1).optional(),
  cluster: z
    .strictObject({
      redis: z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }),
      /** Prefix of the cluster's keys in Redis (default "ioc-hub:"), so one Redis can hold several hubs. */
      keyPrefix: z.string().min(1).max(100).optional(),
    })
    .optional(),
  wallTokens: z.array(z.string().min(1).max(512)).min(1, 'at least one wall token'),
  departments: departmentListSchema.default([]),
  logRetention: z.number().int().min(1).default(DEFAULT_LOG_RETENTION),
  maxReplay: z.number().int().min(1).default(DEFAULT_MAX_REPLAY),
  /** Gzip the snapshots walls are sent (a twentieth of the bytes); off only to compare. */
  compressSnapshots: z.boolean().default(true),
  /** Ingest work taken at once; every field optional (see ingest-limits.ts for the defaults). */
  ingestLimits: ingestLimitsSchema.partial().optional(),
  /** Also run the demo simulator (and demo camera streams) against this hub. */
  demo: z.boolean().default(false),
  /** Folder of the demo camera clips; defaults to the app's assets. */
  assetsDir: z.string().min(1).optional(),
}).refine((config) => (config.dbPath === undefined) !== (config.cluster === undefined), {
  error: 'give either dbPath (a single hub) or cluster (a node of a hub cluster), not both or neither',
  path: ['dbPath'],
}).refine((config) => !(config.demo && config.cluster), {
  // Every node would run its own simulator: three nodes, three times the demo data.
  error: 'the demo runs on a single hub: leave demo out of a cluster node\'s config and feed it through the ingest API',
  path: ['demo'],
});
export type HubConfig = z.infer<typeof hubConfigSchema>;

/** A config file that cannot be used; the message names the file and the field. */
export class HubConfigError extends Error {}

export function parseHubConfig(file: string, text: string): HubConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HubConfigError(`hub config ${file}: not valid JSON: ${errorMessage(error)}`);
  }
  const parsed = hubConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new HubConfigError(`hub config ${file}: ${problems.join('; ')}`);
  }
  const base = dirname(resolve(file));
  const config = parsed.data;
  return {
    ...config,
    ...(config.dbPath ? { dbPath: resolve(base, config.dbPath) } : {}),
    ...(config.assetsDir ? { assetsDir: resolve(base, config.assetsDir) } : {}),
  };
}

export function loadHubConfig(file: string): HubConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new HubConfigError(`hub config ${file}: cannot read it: ${errorMessage(error)}`);
  }
  return parseHubConfig(file, text);
}
