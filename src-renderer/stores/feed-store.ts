import { createTopicStore } from './topic-store';

/** Alerts and incidents raised by the subsystems; a later version of an alert id updates its status. */
export const useFeedStore = createTopicStore('alert');
