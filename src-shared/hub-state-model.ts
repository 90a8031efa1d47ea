import type { Camera, FeedItem, KpiDefinition, KpiPoint } from './domain';
import { FEED_LIMIT, KPI_HISTORY_LIMIT, type HubMessage, type HubSnapshot } from './hub-protocol';

/** What applying one message did: walls use it to spot duplicates and gaps in the sequence. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

/**
 * The meaning of the hub protocol as state: how a snapshot and a stream of messages add up.
 * The hub keeps one to answer new walls; each wall host keeps one as its mirror. Keeping the rule in
 * one place is what makes "the wall ends with exactly the hub's state" checkable.
 */
export class HubStateModel {
  private seqValue = 0;
  private readonly definitions = new Map<string, KpiDefinition>();
  private readonly history = new Map<string, KpiPoint[]>();
  private readonly cameras = new Map<string, Camera>();
  private feed: FeedItem[] = [];

  get seq(): number {
    return this.seqValue;
  }

  /** Applies a message in sequence order; an already-seen sequence number changes nothing. */
  apply(message: HubMessage): ApplyOutcome {
    if (message.seq <= this.seqValue) return 'duplicate';
    const outcome: ApplyOutcome = message.seq === this.seqValue + 1 ? 'applied' : 'gap';
    this.seqValue = message.seq;
    switch (message.topic) {
      case 'kpi':
        this.addKpiPoint(message.payload);
        break;
      case 'kpi-definition':
        this.definitions.set(message.payload.id, message.payload);
        break;
      case 'alert':
        this.feed = [message.payload, ...this.feed.filter((item) => item.id !== message.payload.id)].slice(0, FEED_LIMIT);
        break;
      case 'camera':
        this.cameras.set(message.payload.id, message.payload);
        break;
    }
    return outcome;
  }

  replace(snapshot: HubSnapshot): void {
    this.seqValue = snapshot.seq;
    this.definitions.clear();
    snapshot.kpiDefinitions.forEach((d) => this.definitions.set(d.id, d));
    this.history.clear();
    Object.entries(snapshot.kpiHistory).forEach(([id, points]) => this.history.set(id, points.slice(-KPI_HISTORY_LIMIT)));
    this.cameras.clear();
    snapshot.cameras.forEach((c) => this.cameras.set(c.id, c));
    this.feed = snapshot.feed.slice(0, FEED_LIMIT);
  }

  snapshot(time: Date = new Date()): HubSnapshot {
    return {
      seq: this.seqValue,
      time: time.toISOString(),
      kpiDefinitions: [...this.definitions.values()],
      kpiHistory: Object.fromEntries([...this.history].map(([id, points]) => [id, [...points]])),
      cameras: [...this.cameras.values()],
      feed: [...this.feed],
    };
  }

  private addKpiPoint(point: KpiPoint): void {
    const points = this.history.get(point.kpiId) ?? [];
    points.push(point);
    if (points.length > KPI_HISTORY_LIMIT) points.splice(0, points.length - KPI_HISTORY_LIMIT);
    this.history.set(point.kpiId, points);
  }
}
