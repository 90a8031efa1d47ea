/** How long a probe may take: a playlist is a few hundred bytes, anything slower counts as down. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * What one probe found: the playlist plays again, the media server answered without it (an HTTP
 * error, or a body that is not HLS: `no-stream`), or nothing answered in time (`unreachable`).
 */
export type ProbeResult = { ok: true } | { ok: false; reason: 'no-stream' | 'unreachable' };

/**
 * Whether a camera's playlist answers again: one GET, no cache, the body must look like HLS. Far
 * cheaper than a full player reload every few seconds against a camera that is down, and it tells
 * a media server that answers from one that does not.
 */
export async function probePlaylist(url: string): Promise<ProbeResult> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(url, { cache: 'no-store', signal: abort.signal, credentials: 'omit' });
    if (!response.ok) return { ok: false, reason: 'no-stream' };
    const text = await response.text();
    return text.trimStart().startsWith('#EXTM3U') ? { ok: true } : { ok: false, reason: 'no-stream' };
  } catch {
    // fetch rejects only when no HTTP answer came: refused, reset, DNS, or our own timeout.
    return { ok: false, reason: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
