/** How long a probe may take: a playlist is a few hundred bytes, anything slower counts as down. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Whether a camera's playlist answers again: one GET, no cache, the body must look like HLS. Far
 * cheaper than a full player reload every few seconds against a camera that is down.
 */
export async function probePlaylist(url: string): Promise<boolean> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
  try {
    const response = await fetch(url, { cache: 'no-store', signal: abort.signal, credentials: 'omit' });
    if (!response.ok) return false;
    const text = await response.text();
    return text.trimStart().startsWith('#EXTM3U');
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
