import { topicSpec, type HubMessage } from '../../src-shared/hub-protocol';
import { HubStateModel } from '../../src-shared/hub-state-model';
import { applyRetained } from '../store/append-records';
import { RetainedIndex } from '../store/retained-index';
import { RecentLog } from './recent-log';

/** The shared log lost messages this node still needs: it has to start again from a checkpoint. */
export class LogGapError extends Error {}

/**
 * What a cluster node holds of the shared log, in two models:
 * - `model`, every message the log has confirmed, in seq order: what walls are sent and snapshots
 *   are made of, never ahead of Redis;
 * - `writer`, the same plus what this node is storing in its write turn, with the retained index
 *   that recognises duplicates: decisions are made there, and a turn that fails is thrown away by
 *   copying `model` back into it, so walls never see a message that was not stored.
 */
export class ClusterState {
  readonly model: HubStateModel;
  readonly writer: HubStateModel;
  readonly index = new RetainedIndex();
  readonly recent: RecentLog;

  constructor(hubId: string, keep: number) {
    this.model = new HubStateModel(hubId);
    this.writer = new HubStateModel(hubId);
    this.recent = new RecentLog(keep);
  }

  /** Starts from a checkpoint's retained messages at `seq`. */
  startFrom(seq: number, messages: HubMessage[]): void {
    this.model.replace({ hubId: this.model.hubId!, seq, messages });
    this.recent.clear();
    this.resetWriter();
  }

  /** A message of the log read while starting, at or below the checkpoint: replay material only. */
  keepForReplay(message: HubMessage): void {
    if (message.seq <= this.model.seq) this.recent.push(message);
  }

  /**
   * Takes confirmed messages in seq order; answers the new ones (a message this node stored itself,
   * or read already, is skipped). A message past the next seq means the log was trimmed past this
   * node: LogGapError.
   */
  confirm(messages: readonly HubMessage[]): HubMessage[] {
    const fresh: HubMessage[] = [];
    for (const message of messages) {
      if (message.seq <= this.model.seq) continue;
      if (message.seq !== this.model.seq + 1) throw new LogGapError(`the shared log skips from seq ${this.model.seq} to ${message.seq}`);
      this.model.apply(message);
      this.recent.push(message);
      // The writer is ahead only inside this node's write turn, with these very messages.
      if (this.writer.seq === message.seq - 1) applyRetained(this.writer, this.index, message, topicSpec(message.topic).key(message.payload));
      fresh.push(message);
    }
    return fresh;
  }

  /** Drops whatever the writer holds beyond the confirmed state. */
  resetWriter(): void {
    this.writer.replace({ hubId: this.model.hubId!, seq: this.model.seq, messages: this.model.messages() });
    this.index.rebuild(this.writer.messages());
  }
}
