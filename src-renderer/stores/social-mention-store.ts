import { createTopicStore } from './topic-store';

/** Social-media mentions of the province, with their sentiment. */
export const useSocialMentionStore = createTopicStore('social-mention');
