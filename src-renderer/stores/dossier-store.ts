import { createTopicStore } from './topic-store';

/** Public-administration dossier counts per unit, one version per day counted. */
export const useDossierStore = createTopicStore('dossier-counts');
