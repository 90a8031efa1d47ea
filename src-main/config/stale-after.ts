import { HUB_TOPIC_NAMES, HUB_TOPICS, type HubTopic } from '../../src-shared/hub-topics';

/**
 * Every topic's stale threshold: the operator's value where the config has one, else the topic's
 * default. Resolved once here so the renderer never has to know where a number came from.
 */
export function resolveStaleAfter(overrides: Partial<Record<HubTopic, number>>): Record<HubTopic, number> {
  return Object.fromEntries(HUB_TOPIC_NAMES.map((topic) => [topic, overrides[topic] ?? HUB_TOPICS[topic].staleAfterSeconds])) as Record<HubTopic, number>;
}
