import { createTopicStore } from './topic-store';

/** Citizen reports (phản ánh kiến nghị) and where each one stands. */
export const useCitizenReportStore = createTopicStore('citizen-report');
