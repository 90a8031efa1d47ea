import { z } from 'zod';
import type { Alert } from '../src-shared/domain';
import { HUB_EVENTS, hubAlertAckSchema, type HubAlertAck, type HubAlertAckResult, type HubMessageOf } from '../src-shared/hub-protocol';
import { errorMessage, type Logger } from '../src-shared/node/log';
import { toNfc } from './ingest/nfc';
import { MAX_FUTURE_MS } from './ingest/validate-record';
import type { HubLog } from './store/hub-log';
import type { AppendOutcome } from './store/hub-store';

/** What one acknowledgement does, decided from the version of the alert the hub retains. */
export type AlertAckDecision = { kind: 'refuse'; error: string } | { kind: 'already'; seq: number } | { kind: 'store'; payload: Alert };

/**
 * Decides an operator's acknowledgement of an alert. Pure, so the rules are tested without a hub.
 * An acknowledged alert answers with the seq it already has, so a wall host may resend after a
 * timeout without storing anything twice (the same promise ingest makes to departments).
 */
export function decideAlertAck(current: HubMessageOf<'alert'> | undefined, request: HubAlertAck, now: number): AlertAckDecision {
  // The same rule ingest applies to departments: the hub never stores a time from the future.
  if (Date.parse(request.time) > now + MAX_FUTURE_MS) {
    return { kind: 'refuse', error: `time ${request.time} is more than 5 minutes ahead of the hub's clock; check the wall host's clock` };
  }
  if (!current) return { kind: 'refuse', error: `no alert "${request.alertId}" at the hub: it was never raised, or is no longer kept` };
  const alert = current.payload;
  if (alert.status === 'resolved') return { kind: 'refuse', error: `alert "${alert.id}" is already resolved; there is nothing to acknowledge` };
  if (alert.status === 'acknowledged') return { kind: 'already', seq: current.seq };
  return { kind: 'store', payload: { ...alert, status: 'acknowledged', acknowledged: { by: request.by, at: request.time } } };
}

export interface AlertAcksOptions {
  /** Where the acknowledged version is stored; the log fans it out to the walls, as for ingest. */
  store: HubLog;
  log: Logger;
  now?: () => number;
}

export interface AlertAcks {
  /** Answers one acknowledgement a wall sent (`from` names it in the log); never rejects. */
  acknowledge(raw: unknown, from: string): Promise<HubAlertAckResult>;
}

/** The result schema caps errors at 500 chars; a wall drops an answer that breaks its own contract. */
const clampError = (text: string): string => (text.length > 500 ? `${text.slice(0, 497)}...` : text);
/** z.prettifyError's lines as one: each issue with its "→ at field", issues apart by "; ". */
const oneLine = (text: string): string => text.replace(/\s*\n\s*(?=→)/g, ' ').replace(/\s*\n\s*/g, '; ');

/**
 * Operators' acknowledgements, stored the way ingest stores department records: appended to the
 * log (source `operator:<by>`, so the log says who changed the alert), committed, and only then
 * broadcast and answered. Work per message is one schema check and one map lookup; a write happens
 * only when an open alert becomes acknowledged, so a wall repeating acks costs no more than ingest.
 */
export function createAlertAcks(options: AlertAcksOptions): AlertAcks {
  const { store, log } = options;
  const now = options.now ?? Date.now;

  const refuse = (from: string, error: string): HubAlertAckResult => {
    const clamped = clampError(error);
    log.warn(`${from}: refused ${HUB_EVENTS.acknowledgeAlert}: ${oneLine(clamped)}`);
    return { ok: false, error: clamped };
  };

  const acknowledge = async (raw: unknown, from: string): Promise<HubAlertAckResult> => {
    // The operator's name is text stored in the alert, like a department's: NFC, as ingest stores it.
    const parsed = hubAlertAckSchema.safeParse(toNfc(raw));
    if (!parsed.success) return refuse(from, `malformed acknowledgement: ${oneLine(z.prettifyError(parsed.error))}`);
    const request = parsed.data;
    // Decided on the state at the head of the log, in the log's write turn: two operators at walls
    // on different hub nodes acknowledging one alert store it once.
    let decision: AlertAckDecision | undefined;
    let outcome: AppendOutcome | undefined;
    try {
      [outcome] = await store.write((model) => {
        decision = decideAlertAck(model.latest('alert', request.alertId), request, now());
        return decision.kind === 'store' ? [{ topic: 'alert', payload: decision.payload, source: `operator:${request.by}` }] : [];
      });
    } catch (error) {
      log.error(`${from}: could not store the acknowledgement of alert ${request.alertId}: ${errorMessage(error)}`);
      return { ok: false, error: 'the hub could not store the acknowledgement; try again' };
    }
    if (!decision) throw new Error('the log stored without asking what to store');
    if (decision.kind === 'refuse') return refuse(from, decision.error);
    if (decision.kind === 'already') {
      log.debug(`${from}: alert ${request.alertId} already acknowledged at seq ${decision.seq}`);
      return { ok: true, seq: decision.seq };
    }
    if (!outcome) throw new Error('append returned no outcome for one record');
    log.info(`alert ${request.alertId} acknowledged by ${JSON.stringify(request.by)} (${from}): seq ${outcome.seq}`);
    return { ok: true, seq: outcome.seq };
  };

  return {
    async acknowledge(raw, from) {
      // A rejection here would escape a socket.io listener unhandled.
      try {
        return await acknowledge(raw, from);
      } catch (error) {
        log.error(`${from}: ${HUB_EVENTS.acknowledgeAlert} failed: ${errorMessage(error)}`);
        return { ok: false, error: 'the hub failed to handle the acknowledgement; try again' };
      }
    },
  };
}
