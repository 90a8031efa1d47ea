// A wall reduced to what the hub sees of it, for storms of hundreds: socket.io's wire protocol spoken
// straight over `ws`, counting the bytes of each snapshot instead of decoding them. socket.io-client
// would JSON.parse every 5 MB snapshot, and 500 of those cost the simulated walls more CPU than the hub
// spends sending them; the figures are meant to be the hub's. A few walls keep the bytes (`keep`) so
// the bench can still check they add up to the hub's state.
import WebSocket from 'ws';

export interface StormWallOptions {
  /** The hub's base URL, http://host:port */
  url: string;
  token: string;
  /** Sent in the handshake; the hub answers capable walls with chunked, compressed snapshots. */
  capabilities?: string[];
  hubId?: string;
  lastSeq?: number;
  /** Keep the snapshot's bytes (chunked) or text (single event) for a check afterwards. */
  keep?: boolean;
  /** Stop reading the socket once connected: a wall (or an attacker) that never takes what it is sent. */
  neverRead?: boolean;
  /** Called for each live `hub:message` with its payload and the time it arrived. */
  onMessage?(message: { seq: number; payload: unknown }, at: number): void;
  /** Offer per-message deflate (the hub decides whether to use it). */
  perMessageDeflate?: boolean;
}

export interface StormWallFigures {
  /** performance.now() of each milestone, or null when it did not happen. */
  openedAt: number | null;
  connectedAt: number | null;
  snapshotDoneAt: number | null;
  liveAt: number | null;
  snapshotBytes: number;
  snapshotChunks: number;
  /** Whole snapshots received. */
  snapshotsDone: number;
  replayMessages: number;
  liveSeq: number | null;
  /** Bytes the wall's TCP socket had read when `hub:live` came: the catch-up as sent on the wire. */
  wireBytesAtLive: number | null;
  error: string | null;
  closingReason: string | null;
  closed: boolean;
}

export interface StormWall {
  readonly figures: StormWallFigures;
  /** The kept snapshot: chunk bytes with their encoding, or the single event's JSON text. */
  kept(): { encoding: string; bytes: Buffer } | { text: string } | null;
  resync(request: { hubId?: string; lastSeq: number }): void;
  close(): void;
}

const SNAPSHOT_EVENT = '42["hub:snapshot",';
const CHUNK_EVENT = 'hub:snapshot-chunk';

/** Opens one wall; milestones are filled in as they happen. */
export function openStormWall(options: StormWallOptions): StormWall {
  const url = `${options.url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const ws = new WebSocket(url, { perMessageDeflate: options.perMessageDeflate ?? false });
  const tcp = (): { bytesRead: number; pause(): void } | undefined => (ws as unknown as { _socket?: { bytesRead: number; pause(): void } })._socket;
  const figures: StormWallFigures = {
    openedAt: null,
    connectedAt: null,
    snapshotDoneAt: null,
    liveAt: null,
    snapshotBytes: 0,
    snapshotChunks: 0,
    snapshotsDone: 0,
    replayMessages: 0,
    liveSeq: null,
    wireBytesAtLive: null,
    error: null,
    closingReason: null,
    closed: false,
  };
  const keptChunks: Buffer[] = [];
  let keptText: string | null = null;
  let keptEncoding = '';
  /** The header of a binary event whose attachment is the next binary frame. */
  let pendingChunk: { index: number; count: number; encoding: string } | null = null;

  const auth = { token: options.token, lastSeq: options.lastSeq ?? 0, ...(options.hubId ? { hubId: options.hubId } : {}), ...(options.capabilities ? { capabilities: options.capabilities } : {}) };

  const onEvent = (name: string, data: unknown): void => {
    const now = performance.now();
    if (name === 'hub:live') {
      figures.liveAt = now;
      figures.liveSeq = (data as { seq: number }).seq;
      figures.wireBytesAtLive = tcp()?.bytesRead ?? null;
    } else if (name === 'hub:replay') {
      figures.replayMessages += (data as { messages: unknown[] }).messages.length;
    } else if (name === 'hub:message') {
      options.onMessage?.(data as { seq: number; payload: unknown }, now);
    } else if (name === 'hub:closing') {
      figures.closingReason = (data as { reason?: string }).reason ?? 'closing';
    }
  };

  ws.on('open', () => {
    figures.openedAt = performance.now();
  });
  ws.on('message', (raw: Buffer, isBinary: boolean) => {
    if (isBinary) {
      if (!pendingChunk) return;
      figures.snapshotBytes += raw.length;
      figures.snapshotChunks += 1;
      if (options.keep) keptChunks.push(Buffer.from(raw));
      if (pendingChunk.index === pendingChunk.count - 1) {
        figures.snapshotDoneAt = performance.now();
        figures.snapshotsDone += 1;
      }
      pendingChunk = null;
      return;
    }
    const text = raw.toString();
    if (text === '2') return ws.send('3');
    if (text.startsWith('0')) return ws.send(`40${JSON.stringify(auth)}`);
    if (text.startsWith('40')) {
      figures.connectedAt = performance.now();
      if (options.neverRead) tcp()?.pause();
      return;
    }
    if (text.startsWith('44')) {
      figures.error = (JSON.parse(text.slice(2)) as { message: string }).message;
      return;
    }
    if (text.startsWith(SNAPSHOT_EVENT)) {
      // The single-event snapshot: counted, not parsed (that is the point of this wall).
      figures.snapshotBytes += raw.length;
      figures.snapshotChunks += 1;
      figures.snapshotsDone += 1;
      figures.snapshotDoneAt = performance.now();
      if (options.keep) keptText = text.slice(SNAPSHOT_EVENT.length, -1);
      return;
    }
    if (text.startsWith('42')) {
      const [name, data] = JSON.parse(text.slice(2)) as [string, unknown];
      return onEvent(name, data);
    }
    if (text.startsWith('451-')) {
      const [name, data] = JSON.parse(text.slice(4)) as [string, { index: number; count: number; encoding: string }];
      if (name === CHUNK_EVENT) {
        pendingChunk = { index: data.index, count: data.count, encoding: data.encoding };
        keptEncoding = data.encoding;
        if (data.index === 0) keptChunks.length = 0;
      }
    }
  });
  ws.on('error', (error) => {
    figures.error ??= error.message;
  });
  ws.on('close', () => {
    figures.closed = true;
  });

  return {
    figures,
    kept: () => (keptText !== null ? { text: keptText } : keptChunks.length > 0 ? { encoding: keptEncoding, bytes: Buffer.concat(keptChunks) } : null),
    resync: (request) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(`42${JSON.stringify(['hub:resync', request])}`);
    },
    close: () => ws.terminate(),
  };
}
