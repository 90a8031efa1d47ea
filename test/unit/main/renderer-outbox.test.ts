import { describe, expect, it } from 'vitest';
import type { HubMessage, HubSnapshot } from '../../../src-shared/hub-protocol';
import { HubStateModel } from '../../../src-shared/hub-state-model';
import { RendererOutbox } from '../../../src-main/hub/renderer-outbox';
import { kpiMessage } from '../../helpers/wall-stream';

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function outbox(maxHeld?: number) {
  const model = new HubStateModel('hub-a');
  const snapshots: HubSnapshot[] = [];
  const batches: HubMessage[][] = [];
  const box = new RendererOutbox(model, { snapshot: (s) => snapshots.push(s), messages: (b) => batches.push(b) }, maxHeld);
  /** Applies as the hub client does, then hands the message to the outbox. */
  const apply = (message: HubMessage): void => {
    model.apply(message);
    box.message(message);
  };
  return { model, box, snapshots, batches, apply };
}

describe('renderer outbox', () => {
  it('sends the messages of a tick at the end of it, in order, and nothing before', async () => {
    const { apply, batches, snapshots } = outbox();
    for (let seq = 1; seq <= 3; seq += 1) apply(kpiMessage(seq, 'k', seq));
    expect(batches).toEqual([]);
    await nextTick();
    expect(batches.map((b) => b.map((m) => m.seq))).toEqual([[1, 2, 3]]);
    expect(snapshots).toEqual([]);
  });

  it('holds everything while resyncing and sends it on release, at once', () => {
    const { apply, box, batches } = outbox();
    box.hold();
    apply(kpiMessage(1, 'k', 1));
    apply(kpiMessage(2, 'k', 2));
    box.flush();
    expect(batches).toEqual([]);
    box.release();
    expect(batches.map((b) => b.map((m) => m.seq))).toEqual([[1, 2]]);
  });

  it('turns a held backlog past maxHeld into one snapshot, so memory stays bounded and nothing is lost', () => {
    const { apply, box, batches, snapshots, model } = outbox(5);
    box.hold();
    for (let seq = 1; seq <= 5; seq += 1) apply(kpiMessage(seq, `k${seq}`, seq));
    box.release();
    // Exactly maxHeld still goes as messages.
    expect(batches.map((b) => b.length)).toEqual([5]);
    box.hold();
    for (let seq = 6; seq <= 11; seq += 1) apply(kpiMessage(seq, `k${seq}`, seq));
    // Messages after the switch are in the snapshot, not sent again on their own.
    apply(kpiMessage(12, 'k12', 12));
    box.release();
    expect(batches).toHaveLength(1);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.seq).toBe(12);
    expect(snapshots[0]!.messages).toEqual(model.messages());
  });

  it('sends a snapshot taken at flush time after the state is replaced, instead of the queued messages', async () => {
    const { apply, box, batches, snapshots } = outbox();
    apply(kpiMessage(1, 'k', 1));
    box.stateReplaced();
    apply(kpiMessage(2, 'k', 2));
    await nextTick();
    expect(batches).toEqual([]);
    expect(snapshots.map((s) => s.seq)).toEqual([2]);
    // The next tick is back to messages.
    apply(kpiMessage(3, 'k', 3));
    await nextTick();
    expect(batches.map((b) => b.map((m) => m.seq))).toEqual([[3]]);
  });

  it('sends nothing after close', async () => {
    const { apply, box, batches, snapshots } = outbox();
    apply(kpiMessage(1, 'k', 1));
    box.close();
    await nextTick();
    box.flush();
    expect(batches).toEqual([]);
    expect(snapshots).toEqual([]);
  });
});
