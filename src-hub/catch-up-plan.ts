import type { HubResyncRequest } from '../src-shared/hub-protocol';

export type CatchUpPlan = { kind: 'none' } | { kind: 'replay'; fromSeq: number; toSeq: number } | { kind: 'snapshot'; reason: string };

export interface HubPosition {
  hubId: string;
  seq: number;
  /** The oldest seq from which the log holds every message up to `seq`. */
  replayableFrom: number;
  /** Longest gap worth replaying; past it a snapshot is smaller than the messages. */
  maxReplay: number;
}

export const DEFAULT_MAX_REPLAY = 50_000;

/**
 * What a wall that holds `wall.lastSeq` of `wall.hubId` needs to be caught up: nothing, the
 * messages it missed, or the whole state. Replay only when it is exact — same hub, a gap the log
 * still holds in full — because a wall that applies a partial replay would silently differ.
 */
export function planCatchUp(hub: HubPosition, wall: HubResyncRequest): CatchUpPlan {
  if (wall.hubId !== hub.hubId) return { kind: 'snapshot', reason: wall.hubId ? `wall holds state of hub ${wall.hubId}` : 'wall holds no hub state' };
  if (wall.lastSeq === hub.seq) return { kind: 'none' };
  if (wall.lastSeq > hub.seq) return { kind: 'snapshot', reason: `wall is at seq ${wall.lastSeq}, past the hub's ${hub.seq}` };
  const gap = hub.seq - wall.lastSeq;
  if (gap > hub.maxReplay) return { kind: 'snapshot', reason: `gap of ${gap} messages is over the replay limit ${hub.maxReplay}` };
  if (wall.lastSeq + 1 < hub.replayableFrom) return { kind: 'snapshot', reason: `seq ${wall.lastSeq + 1} is no longer in the log (it starts at ${hub.replayableFrom})` };
  return { kind: 'replay', fromSeq: wall.lastSeq + 1, toSeq: hub.seq };
}
