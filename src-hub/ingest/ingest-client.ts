import { z } from 'zod';
import { ingestResultSchema, type HubTopic, type IngestResult } from '../../src-shared/hub-protocol';

export interface IngestResponse {
  /** HTTP status; 0 when no answer came (network error, timeout). */
  status: number;
  /** The hub's IngestResult, on 200 and 422. */
  result?: IngestResult;
  /** What went wrong otherwise: the hub's `error`, or the network error. */
  error?: string;
}

export interface PostIngestOptions {
  timeoutMs?: number;
}

const errorBodySchema = z.object({ error: z.string() });

/**
 * Posts records to a hub's ingest API as a department does: an array of records as JSON, or CSV
 * text. Never throws: a failed post is a status to act on (retry on 0 or 5xx, fix on 4xx).
 */
export async function postIngest(
  hubUrl: string,
  apiKey: string,
  topic: HubTopic,
  records: readonly unknown[] | string,
  options: PostIngestOptions = {},
): Promise<IngestResponse> {
  const csv = typeof records === 'string';
  let response: Response;
  let text: string;
  try {
    response = await fetch(new URL(`/api/v1/ingest/${encodeURIComponent(topic)}`, hubUrl), {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json' },
      body: csv ? records : JSON.stringify(records),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    text = await response.text();
  } catch (error) {
    return { status: 0, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { status: response.status, error: `answer is not JSON: ${text.slice(0, 200)}` };
  }
  const result = ingestResultSchema.safeParse(body);
  if ((response.status === 200 || response.status === 422) && result.success) return { status: response.status, result: result.data };
  const error = errorBodySchema.safeParse(body);
  return { status: response.status, error: error.success ? error.data.error : `unexpected answer: ${text.slice(0, 200)}` };
}
