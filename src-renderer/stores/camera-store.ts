import { createTopicStore } from './topic-store';

/** The hub's camera registry: where each camera streams from and whether the hub sees it online. */
export const useCameraStore = createTopicStore('camera');
