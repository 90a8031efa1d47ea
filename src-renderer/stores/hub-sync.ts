import type { HubMessage, HubSnapshot } from '../../src-shared/hub-protocol';
import type { ApplyOutcome } from '../../src-shared/hub-state-model';
import type { HubState } from '../../src-shared/ipc';
import { useCameraStore } from './camera-store';
import { useConnectionStore } from './connection-store';
import { useFeedStore } from './feed-store';
import { useKpiStore } from './kpi-store';

/**
 * How hub state reaches the per-domain stores: a snapshot replaces them all, a message changes one.
 * The sequence rule is the hub's (src-shared/hub-state-model.ts): a seq at or below the last applied
 * one is a duplicate; a jump is a gap that still applies.
 */

/** Messages that arrive before the first `hub:state` answer, replayed on top of it so none is lost. */
const PENDING_LIMIT = 1000;
let pending: HubMessage[] = [];
/** True while a `hub:state` request is out: messages wait for it instead of landing on state it replaces. */
let resyncing = false;

export type MessageOutcome = ApplyOutcome | 'queued';

/** Replaces every domain store from a snapshot; the sequence restarts at its seq (a restarted hub counts from 0). */
export function applySnapshot(snapshot: HubSnapshot, fromHubState = false): void {
  useKpiStore.getState().replaceAll(snapshot.kpiDefinitions, snapshot.kpiHistory);
  useCameraStore.getState().replaceAll(snapshot.cameras);
  useFeedStore.getState().replaceAll(snapshot.feed);
  useConnectionStore.getState().snapshotApplied(snapshot.seq, fromHubState);
}

/** Call when requesting `hub:state`: until it is applied, incoming messages are held back. */
export function beginResync(): void {
  resyncing = true;
}

/** Applies the answer of `hub:state`, then replays messages that overtook it. */
export function applyHubState(state: HubState): void {
  useConnectionStore.getState().statusChanged(state.connection);
  applySnapshot(state.snapshot, true);
  resyncing = false;
  const queued = pending;
  pending = [];
  queued.forEach((message) => applyHubMessage(message));
}

export function applyHubMessage(message: HubMessage): MessageOutcome {
  const connection = useConnectionStore.getState();
  if (!connection.hubLoaded || resyncing) {
    pending.push(message);
    if (pending.length > PENDING_LIMIT) pending.splice(0, pending.length - PENDING_LIMIT);
    return 'queued';
  }
  if (message.seq <= connection.lastSeq) {
    connection.messageCounted(message.seq, 'duplicate');
    return 'duplicate';
  }
  const outcome: ApplyOutcome = message.seq === connection.lastSeq + 1 ? 'applied' : 'gap';
  switch (message.topic) {
    case 'kpi':
      useKpiStore.getState().pointReceived(message.payload);
      break;
    case 'kpi-definition':
      useKpiStore.getState().definitionReceived(message.payload);
      break;
    case 'alert':
      useFeedStore.getState().alertReceived(message.payload);
      break;
    case 'camera':
      useCameraStore.getState().cameraReceived(message.payload);
      break;
  }
  connection.messageCounted(message.seq, outcome);
  return outcome;
}

/** For tests: forget messages waiting for a state and leave resync mode. */
export function resetHubSync(): void {
  pending = [];
  resyncing = false;
}
