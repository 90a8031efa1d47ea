import type { HubMessage, HubSnapshot } from '../../src-shared/hub-protocol';
import type { HubStateModel } from '../../src-shared/hub-state-model';
import { HUB_MESSAGE_BATCH } from '../../src-shared/ipc';

export interface RendererSink {
  snapshot(snapshot: HubSnapshot): void;
  messages(batch: HubMessage[]): void;
}

/**
 * Batches what the windows are told. Live messages go out once per tick, in events of at most
 * HUB_MESSAGE_BATCH; after a snapshot or a replay the windows get one full snapshot instead, which
 * is cheaper than thousands of messages. While the wall is resyncing the outbox is held, so a
 * replay in ten chunks still reaches the windows as one snapshot, when the hub says "live".
 */
export class RendererOutbox {
  private pending: HubMessage[] = [];
  private snapshotDue = false;
  private held = false;
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly model: HubStateModel,
    private readonly sink: RendererSink,
    /** Past this many held messages a snapshot is cheaper and memory stays bounded. */
    private readonly maxHeld = HUB_MESSAGE_BATCH * 5,
  ) {}

  /** A live message the model applied. */
  message(message: HubMessage): void {
    if (!this.snapshotDue) this.pending.push(message);
    if (this.pending.length > this.maxHeld) this.stateReplaced();
    else this.schedule();
  }

  /** The model changed wholesale (snapshot, replay): the next flush sends the full state. */
  stateReplaced(): void {
    this.snapshotDue = true;
    this.pending = [];
    this.schedule();
  }

  hold(): void {
    this.held = true;
  }

  /** Ends a hold and sends what waited, now. */
  release(): void {
    this.held = false;
    this.flush();
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.held) return;
    if (this.snapshotDue) {
      this.snapshotDue = false;
      this.pending = [];
      // Taken now, not when it became due, so it includes every message applied since.
      this.sink.snapshot(this.model.snapshot());
      return;
    }
    const pending = this.pending;
    this.pending = [];
    for (let i = 0; i < pending.length; i += HUB_MESSAGE_BATCH) this.sink.messages(pending.slice(i, i + HUB_MESSAGE_BATCH));
  }

  close(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.pending = [];
  }

  private schedule(): void {
    if (!this.held) this.scheduled ??= setImmediate(() => this.flush());
  }
}
