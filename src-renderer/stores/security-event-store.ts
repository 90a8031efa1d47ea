import { createTopicStore } from './topic-store';

/** Information-security events from the province SOC. */
export const useSecurityEventStore = createTopicStore('security-event');
