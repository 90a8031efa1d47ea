import type { Alert } from '../../src-shared/domain';
import type { HubStateModel } from '../../src-shared/hub-state-model';

/**
 * A department's new version of an alert keeps the IOC's acknowledgement. The department's system
 * does not know the IOC took the alert, so it resends `open` (or sends `resolved` without the
 * `acknowledged` field); storing that as is would undo the operator's work on every wall. Applied
 * before dedup, so resending the same open alert is a duplicate of the acknowledged version.
 *
 * An open alert after a resolved one is a reopened incident: it needs a fresh acknowledgement.
 */
export function keepAcknowledgement(incoming: Alert, retained: Alert | undefined): Alert {
  const acknowledged = retained?.acknowledged;
  // The department said something about the acknowledgement itself: its word stands.
  if (!acknowledged || incoming.acknowledged) return incoming;
  if (incoming.status !== 'open') return { ...incoming, acknowledged };
  if (retained.status !== 'acknowledged') return incoming;
  return { ...incoming, status: 'acknowledged', acknowledged };
}

/** keepAcknowledgement against what the hub retains for the alert's id. */
export function withRetainedAcknowledgement(model: HubStateModel, incoming: Alert): Alert {
  return keepAcknowledgement(incoming, model.latest('alert', incoming.id)?.payload);
}
