/**
 * Turns a short looped clip into a LIVE HLS media playlist that slides with the wall clock, so the
 * demo cameras behave like real ones: players join at the live edge, and every wall (and every hub
 * restart with the same start time) sees the same segment at the same moment.
 *
 * Sequence number `s` plays clip segment `s % count`. Each wrap back to segment 0 restarts the clip's
 * timestamps, so it carries EXT-X-DISCONTINUITY, and EXT-X-DISCONTINUITY-SEQUENCE counts the wraps
 * that have already slid out of the window; without it hls.js mis-aligns segments after a reload.
 * Pure: the caller passes `now`, so tests need no clocks.
 */

export const DEFAULT_WINDOW_SIZE = 4;

export interface LiveWindowOptions {
  /** The clip's segments in loop order; only their durations (seconds) matter here. */
  segments: ReadonlyArray<{ duration: number }>;
  /** Wall-clock ms at which sequence 0 started. */
  startedAt: number;
  /** Wall-clock ms now. */
  now: number;
  /** How many finished segments the playlist lists. */
  windowSize?: number;
}

export interface LiveEntry {
  sequence: number;
  /** Index into the clip's segments. */
  clipIndex: number;
  /** Seconds, to the millisecond. */
  duration: number;
  /** Wall-clock ms at which this segment starts. */
  startsAt: number;
  /** The clip wrapped just before this segment. */
  discontinuity: boolean;
}

export interface LiveWindow {
  mediaSequence: number;
  discontinuitySequence: number;
  targetDuration: number;
  entries: LiveEntry[];
}

/** Name of a live segment in the playlist; the sequence number makes it unique, so it can be cached. */
export function liveSegmentName(sequence: number): string {
  return `seg-${sequence}.ts`;
}

/** The sequence number in a live segment name, or undefined for anything else. */
export function parseLiveSegmentName(name: string): number | undefined {
  const match = /^seg-(0|[1-9][0-9]{0,14})\.ts$/.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Durations in whole ms, so loop arithmetic never drifts by float error over millions of segments. */
function durationsMs(segments: ReadonlyArray<{ duration: number }>): number[] {
  if (segments.length === 0) throw new Error('a live playlist needs at least one segment');
  return segments.map(({ duration }, i) => {
    const ms = Math.round(duration * 1000);
    if (!Number.isFinite(ms) || ms <= 0) throw new Error(`segment ${i} has duration ${duration}; it must be positive`);
    return ms;
  });
}

/** The window of finished segments at `now`, with the numbers the playlist header needs. */
export function liveWindow(options: LiveWindowOptions): LiveWindow {
  const windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
  if (!Number.isInteger(windowSize) || windowSize < 1) throw new Error(`windowSize must be a positive integer, got ${windowSize}`);
  const durations = durationsMs(options.segments);
  const count = durations.length;
  const offsets = [0];
  for (const ms of durations) offsets.push((offsets.at(-1) ?? 0) + ms);
  const loopMs = offsets[count] ?? 0;
  const targetDuration = Math.ceil(Math.max(...durations) / 1000);

  // How many segments have finished: whole loops, then the finished part of the current loop.
  const elapsed = Math.max(0, Math.floor(options.now - options.startedAt));
  const loops = Math.floor(elapsed / loopMs);
  const intoLoop = elapsed - loops * loopMs;
  let finishedInLoop = 0;
  while (finishedInLoop < count && (offsets[finishedInLoop + 1] ?? Infinity) <= intoLoop) finishedInLoop += 1;
  const finished = loops * count + finishedInLoop;

  const first = Math.max(0, finished - windowSize);
  const entries: LiveEntry[] = [];
  for (let sequence = first; sequence < finished; sequence += 1) {
    const clipIndex = sequence % count;
    entries.push({
      sequence,
      clipIndex,
      duration: (durations[clipIndex] ?? 0) / 1000,
      startsAt: options.startedAt + Math.floor(sequence / count) * loopMs + (offsets[clipIndex] ?? 0),
      discontinuity: sequence > 0 && clipIndex === 0,
    });
  }
  // Wraps are before sequences count, 2*count, ...; those strictly before `first` have slid out.
  const discontinuitySequence = first === 0 ? 0 : Math.floor((first - 1) / count);
  return { mediaSequence: first, discontinuitySequence, targetDuration, entries };
}

export interface RenderOptions {
  /** URI of a segment in the playlist; relative names resolve against the playlist URL. */
  segmentUri?: (sequence: number) => string;
  /** Adds EXT-X-PROGRAM-DATE-TIME per segment, which lets a wall measure its latency behind the hub. */
  programDateTime?: boolean;
}

/** The playlist text for a window. No EXT-X-ENDLIST: the stream never ends. */
export function renderLivePlaylist(window: LiveWindow, options: RenderOptions = {}): string {
  const uri = options.segmentUri ?? liveSegmentName;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${window.targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${window.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${window.discontinuitySequence}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (const entry of window.entries) {
    if (entry.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    if (options.programDateTime ?? true) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(entry.startsAt).toISOString()}`);
    lines.push(`#EXTINF:${entry.duration.toFixed(3)},`, uri(entry.sequence));
  }
  return lines.join('\n') + '\n';
}

/** liveWindow then renderLivePlaylist, for callers that only want the text. */
export function buildLivePlaylist(options: LiveWindowOptions & RenderOptions): string {
  return renderLivePlaylist(liveWindow(options), options);
}
