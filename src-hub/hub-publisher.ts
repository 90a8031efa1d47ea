import type { HubMessage, HubTopic } from '../src-shared/hub-protocol';

export type PayloadOf<T extends HubTopic> = Extract<HubMessage, { topic: T }>['payload'];

/** Where hub data enters: assigns the sequence number and fans the message out to every wall. */
export interface HubPublisher {
  publish<T extends HubTopic>(topic: T, payload: PayloadOf<T>): HubMessage;
}
