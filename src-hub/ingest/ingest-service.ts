import { topicSpec, type HubTopic, type IngestResult, type PayloadOf } from '../../src-shared/hub-protocol';
import type { SubsystemId } from '../../src-shared/subsystems';
import type { Logger } from '../../src-shared/node/log';
import type { HubLog } from '../store/hub-log';
import type { NewRecord } from '../store/hub-store';
import type { Department } from './department';
import { withRetainedAcknowledgement } from './keep-acknowledgement';
import { validateRecord } from './validate-record';

export type IngestOutcome =
  | { status: 200 | 422; result: IngestResult }
  | { status: 403; error: string; records: Array<{ index: number; subsystem: SubsystemId }> };

export interface IngestService {
  /**
   * Validates and stores (durably) one batch; the caller answers with the outcome. The log fans the
   * new messages out (its onMessages listeners) before this resolves.
   */
  ingest(department: Department, topic: HubTopic, records: readonly unknown[]): Promise<IngestOutcome>;
}

export interface IngestServiceOptions {
  store: HubLog;
  log: Logger;
  now?: () => number;
}

/**
 * The one way data enters the hub. A batch is checked record by record: good records are kept even
 * when others are rejected (a department fixes only the bad rows), a record identical to what the
 * hub retains for its key is acknowledged with the seq it already has (a resend after a timeout
 * stores nothing twice), and everything kept is committed before anyone hears of it.
 */
export function createIngestService(options: IngestServiceOptions): IngestService {
  const { store, log } = options;
  const now = options.now ?? Date.now;

  return {
    async ingest(department, topic, records) {
      const spec = topicSpec(topic);
      const at = now();
      const result: IngestResult = { topic, accepted: [], rejected: [] };
      const forbidden: Array<{ index: number; subsystem: SubsystemId }> = [];
      const valid: unknown[] = [];
      /** The batch index of each record in valid. */
      const storeIndexes: number[] = [];

      records.forEach((record, index) => {
        const check = validateRecord(topic, record, at);
        if (!check.ok) {
          result.rejected.push({ index, errors: check.issues });
          return;
        }
        const subsystem = spec.subsystem(check.payload);
        if (department.subsystems && subsystem && !department.subsystems.includes(subsystem)) {
          forbidden.push({ index, subsystem });
          return;
        }
        storeIndexes.push(index);
        valid.push(check.payload);
      });

      if (forbidden.length > 0) {
        const subsystems = [...new Set(forbidden.map((f) => f.subsystem))].join(', ');
        log.warn(`ingest ${topic} from ${department.id} refused: subsystem ${subsystems} not allowed`);
        return {
          status: 403,
          error: `department "${department.id}" may not write subsystem ${subsystems} (allowed: ${department.subsystems?.join(', ')}); nothing was stored`,
          records: forbidden,
        };
      }

      // Built from the state at the head of the log: an alert the IOC acknowledged stays acknowledged
      // when its department sends it again, whichever hub node stored the acknowledgement.
      const outcomes = await store.write((model) =>
        valid.map((payload) => ({ topic, payload: topic === 'alert' ? withRetainedAcknowledgement(model, payload as PayloadOf<'alert'>) : payload, source: department.id }) as NewRecord),
      );
      let stored = 0;
      outcomes.forEach((outcome, i) => {
        const index = storeIndexes[i]!;
        if (outcome.duplicate) result.accepted.push({ index, seq: outcome.seq, duplicate: true });
        else {
          result.accepted.push({ index, seq: outcome.seq });
          stored += 1;
        }
      });

      const duplicates = result.accepted.length - stored;
      const summary = `ingest ${topic} from ${department.id}: ${stored} stored, ${duplicates} duplicate, ${result.rejected.length} rejected`;
      if (result.rejected.length > 0) log.warn(`${summary} (first: record ${result.rejected[0]!.index} ${result.rejected[0]!.errors[0]!.field}: ${result.rejected[0]!.errors[0]!.message})`);
      else log.debug(summary);
      return { status: result.rejected.length > 0 ? 422 : 200, result };
    },
  };
}
