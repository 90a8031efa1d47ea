import type { HubTopic } from '../../src-shared/hub-protocol';
import type { Logger } from '../../src-shared/node/log';
import type { Department } from '../ingest/department';
import { MAX_RECORDS } from '../ingest/ingest-route';
import { postIngest } from '../ingest/ingest-client';

export type PostIngest = typeof postIngest;

export interface OutboxOptions {
  hubUrl: string;
  departments: readonly Department[];
  log: Logger;
  post?: PostIngest;
  now?: () => number;
  /** Records kept per department and topic while the hub is unreachable; the oldest go first. */
  maxQueued?: number;
}

export interface Outbox {
  add(department: string, topic: HubTopic, payload: unknown): void;
  /** Posts what is queued (and due for a retry); never rejects. */
  flush(): Promise<void>;
  /** Records waiting to be posted. */
  pending(): number;
}

interface Queue {
  department: Department;
  topic: HubTopic;
  records: unknown[];
  failures: number;
  retryAt: number;
}

/** An answer worth retrying: no answer, the hub overloaded or failing. Other 4xx will not heal. */
const retryable = (status: number): boolean => status === 0 || status === 429 || status >= 500;

/**
 * What each demo department has yet to post, per topic. Like a real department's exporter it keeps
 * records through a hub outage and resends them with backoff, which is safe because the hub
 * acknowledges a resent record as a duplicate instead of storing it twice.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const { log } = options;
  const post = options.post ?? postIngest;
  const now = options.now ?? Date.now;
  const maxQueued = options.maxQueued ?? 20_000;
  const queues = new Map<string, Queue>();
  let flushing: Promise<void> | undefined;

  const send = async (queue: Queue): Promise<void> => {
    const where = `${queue.department.id} → ${queue.topic}`;
    while (queue.records.length > 0 && now() >= queue.retryAt) {
      const batch = queue.records.slice(0, MAX_RECORDS);
      const answer = await post(options.hubUrl, queue.department.apiKey, queue.topic, batch);
      if (retryable(answer.status)) {
        queue.failures += 1;
        queue.retryAt = now() + Math.min(30_000, 1000 * 2 ** Math.min(queue.failures - 1, 5));
        if (queue.failures === 1 || queue.failures % 10 === 0) {
          log.warn(`${where}: post failed (${answer.status || 'no answer'}: ${answer.error ?? ''}); ${queue.records.length} records kept, retry #${queue.failures} soon`);
        }
        return;
      }
      if (queue.failures > 0) log.info(`${where}: hub reachable again after ${queue.failures} failed posts`);
      queue.failures = 0;
      queue.records.splice(0, batch.length);
      if (answer.status === 422 && answer.result) {
        const first = answer.result.rejected[0];
        log.warn(`${where}: hub rejected ${answer.result.rejected.length} of ${batch.length} records (record ${first?.index}: ${first?.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})`);
      } else if (answer.status !== 200) {
        log.error(`${where}: hub refused ${batch.length} records with ${answer.status}: ${answer.error ?? ''}`);
      }
    }
  };

  return {
    add(departmentId, topic, payload) {
      const id = `${departmentId}\u0000${topic}`;
      let queue = queues.get(id);
      if (!queue) {
        const department = options.departments.find((d) => d.id === departmentId);
        if (!department) throw new Error(`no demo department "${departmentId}"`);
        queue = { department, topic, records: [], failures: 0, retryAt: 0 };
        queues.set(id, queue);
      }
      queue.records.push(payload);
    },
    flush() {
      flushing ??= (async () => {
        for (const queue of queues.values()) {
          const over = queue.records.length - maxQueued;
          if (over > 0) {
            queue.records.splice(0, over);
            log.warn(`${queue.department.id} → ${queue.topic}: dropped the ${over} oldest records waiting for the hub`);
          }
        }
        await Promise.all([...queues.values()].map((queue) => send(queue).catch((error: unknown) => log.error(`${queue.department.id} → ${queue.topic}: ${String(error)}`))));
      })().finally(() => {
        flushing = undefined;
      });
      return flushing;
    },
    pending: () => [...queues.values()].reduce((sum, q) => sum + q.records.length, 0),
  };
}
