import { z } from 'zod';
import { languageSchema } from '../../src-shared/domain';
import { LANGUAGE_PATH } from '../../src-shared/ipc-channels';
import { useAppInfoStore } from '../stores/app-info-store';

const answerSchema = z.object({ language: languageSchema });

/** How long the sign-in waits for the language before it shows in the default one. */
const LANGUAGE_TIMEOUT_MS = 3_000;

/**
 * Browser mode's sign-in page has no bridge link (it is for people not signed in yet), so it asks
 * the host's LANGUAGE_PATH which language the walls are in, and signs in in that one. Never
 * throws: a host that does not answer leaves the page in Vietnamese.
 */
export async function loadLanguageOverHttp(): Promise<void> {
  try {
    const response = await fetch(LANGUAGE_PATH, { credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(LANGUAGE_TIMEOUT_MS) });
    const parsed = answerSchema.safeParse(await response.json());
    if (parsed.success) useAppInfoStore.getState().languageChanged(parsed.data.language);
  } catch {
    // Default language; the desk gets the right one over the bridge once signed in.
  }
}
