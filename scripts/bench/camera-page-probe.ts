// The in-page half of the camera bench: an init script that records, on the page's own clock
// (0 = navigation start), when each video element is created and inserted, when it shows its first
// frame, when the host bridge answers, when the wall commits, and the long tasks in between; plus
// the functions that read those records back and reduce them to figures.
import type { Page } from '@playwright/test';
import { percentile } from './percentile';

/**
 * A string, not a function: tsx's name-keeping helpers do not exist inside the page. Same script on
 * both pages, so the probe's own cost (one MutationObserver, one rVFC per video) is paid by both.
 */
export const CAMERA_PAGE_PROBE = `
(function () {
  var B = window.__bench = { videos: [], marks: {}, invokes: [], longTasks: [] };
  var now = function () { return performance.now(); };
  var mark = function (name) { if (!(name in B.marks)) B.marks[name] = now(); };
  try { performance.setResourceTimingBufferSize(20000); } catch (e) {}
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { B.longTasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}

  function track(video) {
    if (video.__benchRec) return video.__benchRec;
    var rec = { created: now(), inserted: null, loadeddata: null, playing: null, firstFrame: null };
    Object.defineProperty(video, '__benchRec', { value: rec });
    B.videos.push(video);
    video.addEventListener('loadeddata', function () { if (rec.loadeddata === null) rec.loadeddata = now(); });
    video.addEventListener('playing', function () { if (rec.playing === null) rec.playing = now(); });
    // The first frame handed to the compositor while the video is on screen: what an operator sees,
    // not a frame decoded in a hidden holder (the wall starts players before their tiles mount).
    function onFrame() {
      if (rec.firstFrame !== null) return;
      if (video.checkVisibility && !video.checkVisibility()) { video.requestVideoFrameCallback(onFrame); return; }
      rec.firstFrame = now();
    }
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(onFrame);
    return rec;
  }
  // Players create their video in JS before attaching it: catch the creation itself.
  var create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag) {
    var el = create.apply(this, arguments);
    if (typeof tag === 'string' && tag.toLowerCase() === 'video') track(el);
    return el;
  };
  function scan(node) {
    if (node.nodeType !== 1) return;
    var videos = node.tagName === 'VIDEO' ? [node] : node.querySelectorAll('video');
    for (var i = 0; i < videos.length; i++) { var rec = track(videos[i]); if (rec.inserted === null) rec.inserted = now(); }
    // The wall app's first render (its loading message or the wall): its chunk has been evaluated.
    if (!('wallAppMounted' in B.marks) && (node.matches('.wall, .wall-message') || node.querySelector('.wall, .wall-message'))) mark('wallAppMounted');
    if (!('wallCommit' in B.marks) && (node.matches('.wall') || node.querySelector('.wall'))) mark('wallCommit');
    if (!('cameraTileCommit' in B.marks) && (node.matches('[data-camera-state]') || node.querySelector('[data-camera-state]'))) mark('cameraTileCommit');
  }
  new MutationObserver(function (records) {
    records.forEach(function (r) { r.addedNodes.forEach(scan); });
  }).observe(document, { childList: true, subtree: true });

  // The host bridge (socket.io over one WebSocket): when it opens and when each invoke is answered.
  var NativeWebSocket = window.WebSocket;
  function BenchWebSocket(url, protocols) {
    var ws = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    mark('wsCreated');
    ws.addEventListener('open', function () { mark('wsOpen'); });
    var send = ws.send;
    ws.send = function (data) {
      var m = typeof data === 'string' && /^42(\\d+)\\["invoke","([^"]+)"/.exec(data);
      if (m) B.invokes.push({ id: m[1], channel: m[2], sent: now(), answered: null, bytes: 0 });
      return send.apply(ws, arguments);
    };
    ws.addEventListener('message', function (e) {
      if (typeof e.data !== 'string') return;
      if (e.data.indexOf('40') === 0) mark('socketConnected');
      var m = /^43(\\d+)/.exec(e.data);
      if (!m) return;
      for (var i = 0; i < B.invokes.length; i++) {
        var inv = B.invokes[i];
        if (inv.id === m[1] && inv.answered === null) { inv.answered = now(); inv.bytes = e.data.length; break; }
      }
    });
    return ws;
  }
  BenchWebSocket.prototype = NativeWebSocket.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { BenchWebSocket[k] = NativeWebSocket[k]; });
  window.WebSocket = BenchWebSocket;
})();
`;

export interface VideoRecord {
  created: number;
  inserted: number | null;
  loadeddata: number | null;
  playing: number | null;
  firstFrame: number | null;
}

export interface ResourceRecord {
  name: string;
  start: number;
  end: number;
  bytes: number;
}

export interface PageRecords {
  videos: VideoRecord[];
  marks: Record<string, number>;
  invokes: Array<{ channel: string; sent: number; answered: number | null; bytes: number }>;
  longTasks: Array<{ start: number; duration: number }>;
  resources: ResourceRecord[];
  html: { end: number; domContentLoaded: number; load: number } | null;
}

interface BenchWindow {
  __bench: { videos: Array<HTMLVideoElement & { __benchRec: VideoRecord }>; marks: Record<string, number>; invokes: PageRecords['invokes']; longTasks: PageRecords['longTasks'] };
}

export async function waitFirstFrames(page: Page, n: number, timeoutMs: number): Promise<void> {
  await page
    .waitForFunction((count) => (window as unknown as BenchWindow).__bench.videos.filter((v) => v.__benchRec.firstFrame !== null).length >= count, n, { timeout: timeoutMs, polling: 100 })
    .catch(() => undefined);
}

export function readRecords(page: Page): Promise<PageRecords> {
  return page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      videos: b.videos.map((v) => ({ ...v.__benchRec })),
      marks: { ...b.marks },
      invokes: b.invokes.map((i) => ({ ...i })),
      longTasks: b.longTasks.slice(),
      resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
        name: e.name,
        start: e.startTime,
        end: e.responseEnd,
        bytes: e.encodedBodySize || e.transferSize,
      })),
      html: nav ? { end: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null,
    };
  });
}

/** Time the page spent in long tasks (over 50 ms, PerformanceObserver) within [from, to], epoch ms on the page's clock. */
export function longTaskMs(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ({ from, to }) =>
      (window as unknown as BenchWindow).__bench.longTasks.reduce((sum, t) => {
        const start = performance.timeOrigin + t.start;
        return sum + Math.max(0, Math.min(to, start + t.duration) - Math.max(from, start));
      }, 0),
    { from, to },
  );
}

export interface VideoQuality {
  index: number;
  total: number;
  dropped: number;
  /** Connected, on screen, not covered as a warming-up stream, playing, and (IOC) granted a decoder. */
  counted: boolean;
}

/** Frame counters of every video the page ever made, with whether each counts as visible and decoding. */
export function readQuality(page: Page): Promise<VideoQuality[]> {
  return page.evaluate(() =>
    (window as unknown as BenchWindow).__bench.videos.map((v, index) => {
      const q = v.getVideoPlaybackQuality();
      const r = v.getBoundingClientRect();
      const onScreen = v.isConnected && r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
      const style = onScreen ? getComputedStyle(v) : null;
      const shown = style !== null && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
      // IOC tiles say whether they hold a decoder; the plain grid has no such attribute (always decoding).
      const decoding = v.closest('[data-decoding]')?.getAttribute('data-decoding') !== 'false';
      const warming = v.classList.contains('camera-player__video--pending') || v.closest('[aria-hidden="true"].wall-cell') !== null;
      return { index, total: q.totalVideoFrames, dropped: q.droppedVideoFrames, counted: shown && decoding && !warming && !v.paused && v.readyState >= 2 };
    }),
  );
}

/**
 * Frames decoded and dropped between two readings, by the videos counted (visible, decoding) at
 * both: a video that started, stopped or was covered in between would skew the share.
 */
export function framesBetween(before: VideoQuality[], after: VideoQuality[]): { videos: number; frames: number; dropped: number } {
  const counted = after.filter((q) => q.counted && before[q.index]?.counted);
  return {
    videos: counted.length,
    frames: counted.reduce((sum, q) => sum + q.total - before[q.index]!.total, 0),
    dropped: counted.reduce((sum, q) => sum + q.dropped - before[q.index]!.dropped, 0),
  };
}

export interface DecodeCounts {
  tiles: number;
  decoding: number;
  overBudget: number;
  hidden: number;
  live: number;
}

/** IOC camera tiles by their data attributes (camera-view.tsx). */
export function readDecodeCounts(page: Page): Promise<DecodeCounts> {
  return page.evaluate(() => {
    const tiles = [...document.querySelectorAll('[data-camera-state]')];
    return {
      tiles: tiles.length,
      decoding: tiles.filter((t) => t.getAttribute('data-decoding') === 'true').length,
      overBudget: tiles.filter((t) => t.getAttribute('data-suspended') === 'budget').length,
      hidden: tiles.filter((t) => t.getAttribute('data-suspended') === 'hidden').length,
      live: tiles.filter((t) => t.getAttribute('data-camera-state') === 'live').length,
    };
  });
}

const round = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v));

/** The n earliest values, so a player that reloaded (a second video, a second playlist) does not count twice. */
function firstN(values: Array<number | null>, n: number): number[] {
  return values.filter((v): v is number => v !== null).sort((a, b) => a - b).slice(0, n);
}

const isPlaylist = (r: ResourceRecord): boolean => /\.m3u8(\?|$)/.test(r.name);
const isSegment = (r: ResourceRecord): boolean => /\.ts(\?|$)/.test(r.name);
const isScript = (r: ResourceRecord): boolean => /\.js(\?|$)/.test(r.name);

/** First-frame samples of one page load: from navigation start and from the video's creation. */
export function firstFrames(records: PageRecords, n: number): { fromNavigation: number[]; fromAttach: number[] } {
  const played = records.videos.filter((v) => v.firstFrame !== null).sort((a, b) => a.firstFrame! - b.firstFrame!).slice(0, n);
  return { fromNavigation: played.map((v) => v.firstFrame!), fromAttach: played.map((v) => v.firstFrame! - v.created) };
}

/**
 * One load's timeline, ms from navigation start; per-player events as the median over the grid's
 * players (the n earliest playlist and segment requests are each player's first).
 */
export function timelineOf(records: PageRecords, n: number): Record<string, number | null> {
  const { fromNavigation } = firstFrames(records, n);
  const p50 = (values: number[]): number | null => percentile(values, 50);
  const playlists = records.resources.filter(isPlaylist);
  const segments = records.resources.filter(isSegment);
  const answered = (channel: string): number | null => records.invokes.find((i) => i.channel === channel)?.answered ?? null;
  const firstVideo = Math.min(...records.videos.map((v) => v.created));
  const frameP50 = p50(fromNavigation);
  const scriptsBeforeVideos = records.resources.filter((r) => isScript(r) && r.start < firstVideo);
  return {
    htmlLoaded: round(records.html?.end),
    scriptsLoaded: round(scriptsBeforeVideos.length ? Math.max(...scriptsBeforeVideos.map((r) => r.end)) : null),
    domContentLoaded: round(records.html?.domContentLoaded),
    socketOpen: round(records.marks.wsOpen),
    appInfoAnswered: round(answered('app:info')),
    wallAnswered: round(answered('wall:get')),
    hubStateAnswered: round(answered('hub:state')),
    wallAppMounted: round(records.marks.wallAppMounted),
    wallCommit: round(records.marks.wallCommit),
    cameraTileCommit: round(records.marks.cameraTileCommit),
    videoCreated: round(p50(firstN(records.videos.map((v) => v.created), n))),
    playlistRequested: round(p50(firstN(playlists.map((r) => r.start), n))),
    playlistLoaded: round(p50(firstN(playlists.map((r) => r.end), n))),
    segmentRequested: round(p50(firstN(segments.map((r) => r.start), n))),
    segmentLoaded: round(p50(firstN(segments.map((r) => r.end), n))),
    loadedData: round(p50(firstN(records.videos.map((v) => v.loadeddata), n))),
    firstFrame: round(frameP50),
    longTaskMsBeforeFirstFrame: frameP50 === null ? null : round(records.longTasks.filter((t) => t.start < frameP50).reduce((sum, t) => sum + t.duration, 0)),
  };
}

/** The per-key median of several loads' timelines. */
export function medianTimeline(timelines: Array<Record<string, number | null>>): Record<string, number | null> {
  const keys = Object.keys(timelines[0] ?? {});
  return Object.fromEntries(keys.map((k) => [k, round(percentile(timelines.map((t) => t[k]).filter((v): v is number => v !== null && v !== undefined), 50))]));
}

/** Script chunks loaded before the first video, with their sizes: what boot waits for. */
export function scriptsOf(records: PageRecords): Array<{ name: string; kB: number; requestedAt: number; loadedAt: number }> {
  return records.resources
    .filter(isScript)
    .map((r) => ({ name: r.name.replace(/^.*\//, ''), kB: Math.round(r.bytes / 1024), requestedAt: Math.round(r.start), loadedAt: Math.round(r.end) }))
    .sort((a, b) => a.loadedAt - b.loadedAt);
}
