import type { IncomingMessage, ServerResponse } from 'node:http';
import { HUB_TOPIC_NAMES, isHubTopic, type HubTopic } from '../../src-shared/hub-protocol';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import { sendError, sendJson } from '../http-json';
import { oncePerInterval } from '../once-per-interval';
import { bearerSecret, matchSecret } from '../secret-match';
import { LogUnavailableError } from '../store/hub-log';
import type { Department } from './department';
import type { IngestService } from './ingest-service';
import { createIngestGate, DEFAULT_INGEST_LIMITS, type GateRefusal, type IngestLimits } from './ingest-limits';
import { parseBody, bodyFormat, type BodyFormat } from './parse-body';
import { BodyTimeoutError, BodyTooLargeError, discardBody, readBody } from './read-body';

export const INGEST_PATH = '/api/v1/ingest';
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;
export const MAX_RECORDS = 10_000;
/** Time a body may take to arrive: 5 MB at 100 KB/s, with room to spare. */
const BODY_TIMEOUT_MS = 60_000;
/**
 * After a 413 the rest of the body is read and dropped, up to this many times the limit or
 * DISCARD_MS; a client sending more is cut off LINGER_MS after the answer went out. A client that
 * reads the answer only once it has sent everything still sees it, for bodies up to that size.
 */
const DISCARD_FACTOR = 4;
const LINGER_MS = 2000;
const DISCARD_MS = 15_000;
/** A department refused for its rate is logged at most once per this interval, with the count in between. */
const REFUSAL_LOG_MS = 10_000;

export interface IngestRouteOptions {
  service: IngestService;
  departments: readonly Department[];
  log: Logger;
  /** Bytes per request body (default 5 MB). */
  bodyLimit?: number;
  /** Work taken at once (default DEFAULT_INGEST_LIMITS). */
  limits?: IngestLimits;
}

const PATH = /^\/api\/v1\/ingest(?:\/([^/]*))?\/?$/;

function topicOf(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

/**
 * `POST /api/v1/ingest/:topic`: departments push records as JSON or CSV. Checks run cheapest first
 * (method, key, topic, permission, content type) so a refused request is refused before its body
 * is read; the answer names what to fix (see IngestResult in hub-protocol.ts).
 */
export function createIngestRoute(options: IngestRouteOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { service, departments, log } = options;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const keys = departments.map((d) => d.apiKey);
  const gate = createIngestGate(options.limits ?? DEFAULT_INGEST_LIMITS);
  const tellRefusal = oncePerInterval(REFUSAL_LOG_MS);

  /** Answers a refusal with its Retry-After; logged at most once per department and interval. */
  const refuse = (req: IncomingMessage, res: ServerResponse, department: Department, topic: HubTopic, refusal: GateRefusal): void => {
    sendError(res, refusal.status, refusal.error, {}, { 'Retry-After': String(refusal.retryAfterSeconds) });
    tellRefusal(department.id, (times) => log.warn(`ingest ${topic} from ${department.id}: ${refusal.status} ${refusal.error}${times > 1 ? ` (${times} refusals since the last such line)` : ''}`));
    // The body was not kept: drop it so the client reads the answer (see discardBody).
    if (!req.readableEnded) void discardBody(req, res, { maxBytes: bodyLimit, lingerMs: LINGER_MS, maxMs: DISCARD_MS });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, segment: string | undefined): Promise<void> => {
    if (req.method !== 'POST') {
      sendError(res, 405, `${req.method ?? '?'} is not allowed here; POST records to ${INGEST_PATH}/<topic>`, {}, { Allow: 'POST' });
      return;
    }
    const department = departments[matchSecret(keys, bearerSecret(req.headers, true))];
    if (!department) {
      sendError(res, 401, 'missing or unknown API key: send "Authorization: Bearer <apiKey>" or "X-Api-Key: <apiKey>"', {}, { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    const topic = topicOf(segment);
    if (!isHubTopic(topic)) {
      sendError(res, 404, `unknown topic "${topic.slice(0, 80)}"`, { topics: HUB_TOPIC_NAMES });
      return;
    }
    if (!department.topics.includes(topic)) {
      sendError(res, 403, `department "${department.id}" may not write topic "${topic}" (allowed: ${department.topics.join(', ')})`);
      return;
    }
    const format = bodyFormat(req.headers['content-type']);
    if (!format) {
      sendError(res, 415, `Content-Type "${req.headers['content-type'] ?? ''}" is not taken; send application/json or text/csv`);
      return;
    }
    const slot = gate.enter(department.id);
    if (!slot.ok) return refuse(req, res, department, topic, slot);
    try {
      await receive(req, res, department, topic, format);
    } finally {
      slot.leave();
    }
  };

  /** Reads, parses, meters and stores one request's records, inside its slot. */
  const receive = async (req: IncomingMessage, res: ServerResponse, department: Department, topic: HubTopic, format: BodyFormat): Promise<void> => {
    let body: Buffer;
    try {
      body = await readBody(req, bodyLimit, BODY_TIMEOUT_MS);
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : error instanceof BodyTimeoutError ? 408 : undefined;
      if (status === undefined) {
        log.warn(`ingest ${topic} from ${department.id}: ${errorMessage(error)}`);
        return;
      }
      log.warn(`ingest ${topic} from ${department.id}: ${status} ${errorMessage(error)}`);
      // No "Connection: close": closing while the client still sends resets the connection, and the
      // reset can reach the client before this answer does. The rest is read and dropped instead.
      sendError(res, status, errorMessage(error));
      await discardBody(req, res, status === 413 ? { maxBytes: DISCARD_FACTOR * bodyLimit, lingerMs: LINGER_MS, maxMs: DISCARD_MS } : { maxBytes: 0, lingerMs: 0, maxMs: 0 });
      return;
    }
    const parsed = parseBody(topic, format, body);
    if (!parsed.ok) {
      log.warn(`ingest ${topic} from ${department.id}: 400 ${parsed.error}`);
      sendError(res, 400, parsed.error);
      return;
    }
    if (parsed.records.length > MAX_RECORDS) {
      sendError(res, 413, `the body holds ${parsed.records.length} records; send at most ${MAX_RECORDS} per request`);
      return;
    }
    const allowance = gate.takeRecords(department.id, parsed.records.length);
    if (!allowance.ok) return refuse(req, res, department, topic, allowance);
    const outcome = await service.ingest(department, topic, parsed.records);
    if (outcome.status === 403) sendError(res, 403, outcome.error, { records: outcome.records });
    else sendJson(res, outcome.status, outcome.result);
  };

  return (req, res) => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://hub').pathname);
    if (!match) return false;
    handle(req, res, match[1]).catch((error: unknown) => {
      if (error instanceof LogUnavailableError) {
        // A Redis restart refuses every department's posts for a few seconds: one line per interval.
        tellRefusal(`log unavailable`, (times) => log.warn(`ingest refused, 503: ${error.message}${times > 1 ? ` (${times} requests since the last such line)` : ''}`));
        const stored = error.maybeStored ? 'it may have been stored: send it again, and a resend is stored once' : 'nothing from this request was stored: send it again';
        sendError(res, 503, `the hub's log cannot take records right now (${error.message}); ${stored}`, {}, { 'Retry-After': '1' });
        return;
      }
      log.error(`ingest ${req.url ?? ''} failed: ${errorMessage(error)}`);
      sendError(res, 500, 'the hub could not store the records; nothing from this request was stored');
    });
    return true;
  };
}
