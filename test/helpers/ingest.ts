import { postIngest } from '../../src-hub/ingest/ingest-client';
import type { HubTopic } from '../../src-shared/hub-protocol';

/**
 * Posts records as a department does and throws unless the hub took them all (200): for tests,
 * benches and screenshots whose set-up data must be in before they go on.
 */
export async function ingestOrThrow(hubUrl: string, apiKey: string, topic: HubTopic, records: readonly unknown[]): Promise<void> {
  const answer = await postIngest(hubUrl, apiKey, topic, records);
  if (answer.status !== 200) throw new Error(`ingest ${topic}: ${answer.status} ${answer.error ?? JSON.stringify(answer.result?.rejected)}`);
}
