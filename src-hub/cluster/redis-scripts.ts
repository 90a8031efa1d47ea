import type { Redis } from 'ioredis';

/** The Redis keys of one hub cluster, all under its prefix. */
export interface ClusterKeys {
  /** The cluster's hub id, set once by the first node. */
  hubId: string;
  /** The head of the log: the last seq stored. */
  seq: string;
  /** The log: a stream whose entry ids are `<seq>-0`, fields m (message JSON), k (key), s (source). */
  log: string;
  /** The write turn: a token held by the node storing now. */
  turn: string;
  /** A state for nodes to start from: hash of seq and state (retained messages JSON). */
  checkpoint: string;
}

export function clusterKeys(prefix: string): ClusterKeys {
  return { hubId: `${prefix}hub-id`, seq: `${prefix}seq`, log: `${prefix}log`, turn: `${prefix}write-turn`, checkpoint: `${prefix}checkpoint` };
}

/**
 * Appends a node's batch as the next seqs, atomically, only if the node holds the write turn and
 * stored its batch on the head it read (KEYS seq, log, turn; ARGV token, expected head, count, then
 * message JSON, key and source per record). Answers {0, head} stored (the turn is given back),
 * {1, head} the turn is not this node's, {2, head} the head moved: nothing stored in either case.
 * With AOF and `appendfsync always`, Redis answers after the append is on disk.
 */
const APPEND = `
local head = tonumber(redis.call('GET', KEYS[1]) or '0')
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return {1, head} end
if head ~= tonumber(ARGV[2]) then return {2, head} end
local n = tonumber(ARGV[3])
for i = 0, n - 1 do
  head = head + 1
  redis.call('XADD', KEYS[2], head .. '-0', 'm', ARGV[4 + i * 3], 'k', ARGV[5 + i * 3], 's', ARGV[6 + i * 3])
end
redis.call('SET', KEYS[1], head)
redis.call('DEL', KEYS[3])
return {0, head}
`;

/**
 * Takes the write turn for a lease (KEYS turn, seq, log; ARGV token, lease ms, the seq the node
 * holds, a page size) and, in the same call, reads what the node misses of the log: {1, head,
 * entries after the node's seq} when taken, {0, the turn's remaining ms} when another node has it.
 * One round trip instead of three: the turn is what every node's writes wait for.
 */
const TAKE_TURN = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0, redis.call('PTTL', KEYS[1])} end
local head = tonumber(redis.call('GET', KEYS[2]) or '0')
local held = tonumber(ARGV[3])
if head <= held then return {1, head, {}} end
return {1, head, redis.call('XRANGE', KEYS[3], (held + 1) .. '-0', '+', 'COUNT', ARGV[4])}
`;

/** Gives the write turn back if this node still holds it (KEYS turn; ARGV token). */
const RELEASE_TURN = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Keeps a checkpoint only when it is newer than the one there (KEYS checkpoint; ARGV seq, state),
 * then trims the log below ARGV[3] (a seq) — never past the checkpoint kept, so a starting node
 * always finds the checkpoint and every message after it. Answers the checkpoint seq now held.
 */
const CHECKPOINT = `
local held = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
local seq = tonumber(ARGV[1])
if seq > held then
  redis.call('HSET', KEYS[1], 'seq', ARGV[1], 'state', ARGV[2])
  held = seq
end
local trim = math.min(tonumber(ARGV[3]), held + 1)
if trim > 1 then redis.call('XTRIM', KEYS[2], 'MINID', trim .. '-0') end
return held
`;

export interface ClusterRedis extends Redis {
  iocAppend(seqKey: string, logKey: string, turnKey: string, ...args: Array<string | number>): Promise<[number, number]>;
  iocTakeTurn(turnKey: string, seqKey: string, logKey: string, token: string, leaseMs: number, heldSeq: number, page: number): Promise<[0, number] | [1, number, Array<[string, string[]]>]>;
  iocReleaseTurn(turnKey: string, token: string): Promise<number>;
  iocCheckpoint(checkpointKey: string, logKey: string, seq: number, state: string, trimBelow: number): Promise<number>;
}

/** Adds the cluster's scripts to a connection (ioredis runs them by sha, sending them again after a Redis restart). */
export function withClusterScripts(redis: Redis): ClusterRedis {
  redis.defineCommand('iocAppend', { numberOfKeys: 3, lua: APPEND });
  redis.defineCommand('iocTakeTurn', { numberOfKeys: 3, lua: TAKE_TURN });
  redis.defineCommand('iocReleaseTurn', { numberOfKeys: 1, lua: RELEASE_TURN });
  redis.defineCommand('iocCheckpoint', { numberOfKeys: 2, lua: CHECKPOINT });
  return redis as ClusterRedis;
}
