import type { Database } from 'better-sqlite3';
import { hubMessageSchema, topicSpec, type HubMessage } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { SqliteCorruptError } from '../../src-shared/node/sqlite-file';

interface MetaRow {
  hub_id: string | null;
  seq: number;
}

interface MessageRow {
  seq: number;
  topic: string;
  key: string;
  time: string;
  payload: string;
}

const HUB_ID = /^[A-Za-z0-9-]{1,64}$/;

function parseRow(row: MessageRow): HubMessage {
  if (typeof row.payload !== 'string' || typeof row.key !== 'string') throw new SqliteCorruptError(`row seq ${row.seq}: key or payload is not text`);
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload) as unknown;
  } catch {
    throw new SqliteCorruptError(`row seq ${row.seq}: payload is not JSON`);
  }
  const parsed = hubMessageSchema.safeParse({ seq: row.seq, topic: row.topic, time: row.time, payload });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SqliteCorruptError(`row seq ${row.seq}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  if (topicSpec(parsed.data.topic).key(parsed.data.payload) !== row.key) {
    throw new SqliteCorruptError(`row seq ${row.seq}: key "${row.key.slice(0, 80)}" does not match its payload`);
  }
  return parsed.data;
}

/**
 * Reads the cache into a state model, trusting nothing: every row is parsed with the protocol's
 * schema, and the rows must be exactly what the retention rules keep at meta.seq. A cache that
 * fails any check throws SqliteCorruptError, because a wall that paints half-right data from disk
 * is worse than one that waits a moment for the hub.
 */
export function readCachedState(db: Database): HubStateModel {
  const meta = db.prepare('SELECT hub_id, seq FROM meta WHERE id = 1').get() as MetaRow | undefined;
  if (!meta) throw new SqliteCorruptError('meta row is missing');
  if (!Number.isSafeInteger(meta.seq) || meta.seq < 0) throw new SqliteCorruptError(`meta seq ${String(meta.seq)} is not a sequence number`);
  if (meta.hub_id !== null && (typeof meta.hub_id !== 'string' || !HUB_ID.test(meta.hub_id))) throw new SqliteCorruptError('meta hub id is malformed');
  const rows = db.prepare('SELECT seq, topic, key, time, payload FROM messages ORDER BY seq').all() as MessageRow[];
  if (meta.hub_id === null) {
    if (meta.seq > 0 || rows.length > 0) throw new SqliteCorruptError('messages without a hub id');
    return new HubStateModel();
  }
  const messages = rows.map(parseRow);
  const last = messages.at(-1);
  if (last && last.seq > meta.seq) throw new SqliteCorruptError(`row seq ${last.seq} is past the cached seq ${meta.seq}`);
  const model = new HubStateModel();
  model.replace({ hubId: meta.hub_id, seq: meta.seq, messages });
  // Rows the retention rules would drop mean the file is not a state the hub ever had.
  if (model.size !== messages.length) throw new SqliteCorruptError(`${messages.length - model.size} rows are not retained state at seq ${meta.seq}`);
  return model;
}
