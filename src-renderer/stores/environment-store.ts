import { createTopicStore } from './topic-store';

/** Environment monitoring stations and their recent readings (AQI, PM2.5, water level). */
export const useEnvironmentStore = createTopicStore('environment');
