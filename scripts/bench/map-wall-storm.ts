// The map-wall bench's storm: single-record ingest posts at a steady rate, as many departments
// posting at once would, paced by the clock rather than by the answers (a slow answer must not
// lower the offered rate, as in data-path). Each post's start is taken on Node's clock just before
// it is sent: the start of that record's ingest → drawn latency.
import { postIngest } from '../../src-hub/ingest/ingest-client';
import type { StormSource, StormUpdate } from './map-wall-data';
import { epochNow } from './page-clock';

export interface SentUpdate {
  probeId: string | null;
  point: StormUpdate['point'];
  source: StormUpdate['source'];
  /** Epoch ms (Node's clock) the post started. */
  at: number;
  /** HTTP status of the answer; 0 for none (yet). */
  status: number;
  ackMs: number | null;
}

export interface StormLog {
  sent: SentUpdate[];
  seconds: number;
}

export interface Storm {
  /** Stops sending, waits for the answers still due, and gives what was sent. */
  stop(): Promise<StormLog>;
}

export function startStorm(hubUrl: string, apiKey: string, source: StormSource, perSecond: number): Storm {
  let running = true;
  const sent: SentUpdate[] = [];
  const answers = new Set<Promise<void>>();
  const started = performance.now();
  const loop = (async () => {
    for (let i = 0; running; i += 1) {
      const wait = started + (i * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!running) break;
      const update = source.next(Date.now());
      const entry: SentUpdate = { probeId: update.probeId, point: update.point, source: update.source, at: epochNow(), status: 0, ackMs: null };
      sent.push(entry);
      const answer = postIngest(hubUrl, apiKey, update.topic, [update.record], { timeoutMs: 10_000 }).then((response) => {
        entry.status = response.status;
        entry.ackMs = epochNow() - entry.at;
      });
      answers.add(answer);
      void answer.finally(() => answers.delete(answer));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await Promise.all(answers);
      return { sent, seconds: (performance.now() - started) / 1000 };
    },
  };
}
