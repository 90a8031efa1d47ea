import { describe, expect, it } from 'vitest';
import {
  buildLivePlaylist,
  liveSegmentName,
  liveWindow,
  parseLiveSegmentName,
  type LiveWindowOptions,
} from '../../../src-hub/hls/live-playlist';

const TWO_SECONDS = [{ duration: 2 }, { duration: 2 }, { duration: 2 }, { duration: 2 }];
const T0 = Date.UTC(2025, 5, 1, 1, 0, 0);

/** What hls.js does with a playlist: sequence numbers from the header, cc bumped by each DISCONTINUITY. */
function parseLikeHlsJs(text: string): { mediaSequence: number; segments: Array<{ sn: number; cc: number; uri: string; duration: number; pdt?: number }> } {
  const lines = text.trim().split('\n');
  const header = (tag: string): number => {
    const line = lines.find((l) => l.startsWith(`#EXT-X-${tag}:`));
    if (line === undefined) throw new Error(`missing ${tag}`);
    return Number(line.slice(line.indexOf(':') + 1));
  };
  const mediaSequence = header('MEDIA-SEQUENCE');
  let cc = header('DISCONTINUITY-SEQUENCE');
  let duration = NaN;
  let pdt: number | undefined;
  const segments: Array<{ sn: number; cc: number; uri: string; duration: number; pdt?: number }> = [];
  for (const line of lines) {
    if (line === '#EXT-X-DISCONTINUITY') cc += 1;
    else if (line.startsWith('#EXTINF:')) duration = Number(line.slice(8).replace(/,$/, ''));
    else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) pdt = Date.parse(line.slice(25));
    else if (!line.startsWith('#')) {
      segments.push({ sn: mediaSequence + segments.length, cc, uri: line, duration, ...(pdt === undefined ? {} : { pdt }) });
      pdt = undefined;
    }
  }
  return { mediaSequence, segments };
}

/** Reference model by counting: wraps happen before sequences count, 2*count, ... */
function wrapsUpTo(sequence: number, count: number): number {
  let wraps = 0;
  for (let s = 1; s <= sequence; s += 1) if (s % count === 0) wraps += 1;
  return wraps;
}

function startOf(sequence: number, durationsMs: number[], startedAt: number): number {
  let t = startedAt;
  for (let s = 0; s < sequence; s += 1) t += durationsMs[s % durationsMs.length] ?? 0;
  return t;
}

describe('live playlist', () => {
  it('lists nothing until the first segment has finished, then one', () => {
    const base: LiveWindowOptions = { segments: TWO_SECONDS, startedAt: T0, now: T0 };
    expect(liveWindow({ ...base, now: T0 - 5000 }).entries).toEqual([]);
    expect(liveWindow({ ...base, now: T0 + 1999 }).entries).toEqual([]);
    expect(liveWindow({ ...base, now: T0 + 2000 }).entries.map((e) => e.sequence)).toEqual([0]);
  });

  it('advances the media sequence with the wall clock and keeps the window size', () => {
    for (let k = 0; k < 40; k += 1) {
      const window = liveWindow({ segments: TWO_SECONDS, startedAt: T0, now: T0 + k * 2000 + 1 });
      expect(window.entries).toHaveLength(Math.min(k, 4));
      expect(window.mediaSequence).toBe(Math.max(0, k - 4));
    }
    const wide = liveWindow({ segments: TWO_SECONDS, startedAt: T0, now: T0 + 60_000, windowSize: 6 });
    expect(wide.entries.map((e) => e.sequence)).toEqual([24, 25, 26, 27, 28, 29]);
  });

  it('renders a live playlist: version 3, no ENDLIST, wraps marked, program date time per segment', () => {
    const text = buildLivePlaylist({ segments: TWO_SECONDS, startedAt: T0, now: T0 + 13_500 });
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-MEDIA-SEQUENCE:2',
        '#EXT-X-DISCONTINUITY-SEQUENCE:0',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        `#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + 4000).toISOString()}`,
        '#EXTINF:2.000,',
        'seg-2.ts',
        `#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + 6000).toISOString()}`,
        '#EXTINF:2.000,',
        'seg-3.ts',
        '#EXT-X-DISCONTINUITY',
        `#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + 8000).toISOString()}`,
        '#EXTINF:2.000,',
        'seg-4.ts',
        `#EXT-X-PROGRAM-DATE-TIME:${new Date(T0 + 10_000).toISOString()}`,
        '#EXTINF:2.000,',
        'seg-5.ts',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('ENDLIST');
    expect(buildLivePlaylist({ segments: TWO_SECONDS, startedAt: T0, now: T0 + 13_500, programDateTime: false })).not.toContain('PROGRAM-DATE-TIME');
  });

  it('rounds the target duration up so no EXTINF exceeds it', () => {
    expect(liveWindow({ segments: [{ duration: 2.04 }, { duration: 1.5 }], startedAt: 0, now: 10_000 }).targetDuration).toBe(3);
    expect(liveWindow({ segments: TWO_SECONDS, startedAt: 0, now: 10_000 }).targetDuration).toBe(2);
  });

  it('keeps every segment on the same discontinuity number in every window (brute force)', () => {
    // Problems are collected, not expect()ed one by one: ~100k checks would make the test slow.
    const problems: string[] = [];
    const check = (ok: boolean, what: () => string): void => {
      if (!ok && problems.length < 20) problems.push(what());
    };
    const clips = [[2], [2, 2], [2, 2, 2, 2], [2, 1.5, 2.04], [1, 2, 3, 2, 1]];
    for (const clip of clips) {
      const durationsMs = clip.map((d) => Math.round(d * 1000));
      const segments = clip.map((duration) => ({ duration }));
      for (const windowSize of [1, 3, 4, 6]) {
        const seen = new Map<number, string>();
        let previous = { mediaSequence: -1, discontinuitySequence: -1 };
        for (let now = T0 - 1000; now < T0 + 120_000; now += 173) {
          const where = `clip [${clip.join(',')}] window ${windowSize} at +${now - T0} ms`;
          const options = { segments, startedAt: T0, now, windowSize };
          const window = liveWindow(options);
          const parsed = parseLikeHlsJs(buildLivePlaylist(options));
          const sequences = window.entries.map((e) => e.sequence);
          const finished = window.entries.length === 0 ? 0 : (sequences.at(-1) ?? 0) + 1;

          // The window is the last `windowSize` finished segments, in order, and nothing unfinished.
          const expected = Array.from({ length: Math.min(windowSize, finished) }, (_, i) => finished - Math.min(windowSize, finished) + i);
          check(sequences.join() === expected.join(), () => `${where}: sequences ${sequences.join()} != ${expected.join()}`);
          check(window.mediaSequence === (sequences[0] ?? 0), () => `${where}: media sequence ${window.mediaSequence}`);
          check(
            window.entries.every((e) => e.startsAt + e.duration * 1000 <= now),
            () => `${where}: lists an unfinished segment`,
          );
          check(startOf(finished + 1, durationsMs, T0) > now, () => `${where}: segment ${finished} has finished but is not listed`);

          // Header numbers only move forward as the window slides.
          check(window.mediaSequence >= previous.mediaSequence, () => `${where}: media sequence went back`);
          check(window.discontinuitySequence >= previous.discontinuitySequence, () => `${where}: discontinuity sequence went back`);
          previous = window;

          for (const segment of parsed.segments) {
            const reference = { cc: wrapsUpTo(segment.sn, clip.length), uri: liveSegmentName(segment.sn), pdt: startOf(segment.sn, durationsMs, T0) };
            const got = { cc: segment.cc, uri: segment.uri, pdt: segment.pdt };
            check(JSON.stringify(got) === JSON.stringify(reference), () => `${where}: sn ${segment.sn} ${JSON.stringify(got)} != ${JSON.stringify(reference)}`);
            const ms = durationsMs[segment.sn % clip.length] ?? 0;
            check(Math.abs(segment.duration * 1000 - ms) < 1e-6, () => `${where}: sn ${segment.sn} EXTINF ${segment.duration}`);
            const before = seen.get(segment.sn);
            check(before === undefined || before === JSON.stringify(got), () => `${where}: sn ${segment.sn} changed between windows`);
            seen.set(segment.sn, JSON.stringify(got));
          }
          for (const entry of window.entries) {
            check(entry.clipIndex === entry.sequence % clip.length, () => `${where}: sn ${entry.sequence} clip index ${entry.clipIndex}`);
            check(entry.discontinuity === (entry.sequence > 0 && entry.clipIndex === 0), () => `${where}: sn ${entry.sequence} discontinuity flag`);
          }
        }
        check(seen.size > 20, () => `clip [${clip.join(',')}] window ${windowSize}: only ${seen.size} segments seen`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('stays exact far from the start time', () => {
    const now = Date.UTC(2031, 2, 3, 4, 5, 6, 789);
    const window = liveWindow({ segments: TWO_SECONDS, startedAt: 0, now });
    const last = Math.floor(now / 2000) - 1;
    expect(window.entries.map((e) => e.sequence)).toEqual([last - 3, last - 2, last - 1, last]);
    expect(window.discontinuitySequence).toBe(Math.floor((last - 4) / 4));
    expect(window.entries.at(-1)?.startsAt).toBe(last * 2000);
  });

  it('rejects clips it cannot loop', () => {
    expect(() => liveWindow({ segments: [], startedAt: 0, now: 0 })).toThrow(/at least one segment/);
    expect(() => liveWindow({ segments: [{ duration: 0 }], startedAt: 0, now: 0 })).toThrow(/positive/);
    expect(() => liveWindow({ segments: TWO_SECONDS, startedAt: 0, now: 0, windowSize: 0 })).toThrow(/windowSize/);
  });

  it('names segments by sequence and reads back only those names', () => {
    expect(liveSegmentName(1234)).toBe('seg-1234.ts');
    expect(parseLiveSegmentName('seg-1234.ts')).toBe(1234);
    expect(parseLiveSegmentName('seg-0.ts')).toBe(0);
    for (const bad of ['seg-01.ts', 'seg-.ts', 'seg--1.ts', 'seg-1.ts.bak', '../seg-1.ts', 'clip-0.ts', 'seg-1e3.ts', `seg-${'9'.repeat(16)}.ts`]) {
      expect(parseLiveSegmentName(bad), bad).toBeUndefined();
    }
  });
});
