import { createTopicStore } from './topic-store';

/** Public-administration dossier counts, one record per unit and day (the newest count of that day). */
export const useDossierStore = createTopicStore('dossier-counts');
