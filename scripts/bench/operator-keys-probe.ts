// In-page probes of the operator-keys bench. Clocks: performance.timeOrigin + performance.now() in
// every page, so times taken in the console and in each wall compare (as data-path's PAINT_PROBE).
import type { Page } from '@playwright/test';

/** When each preset key went down in the console: the start of every measured press. */
export const CONSOLE_KEY_PROBE = `
  window.__keyDowns = [];
  window.addEventListener('keydown', function (event) {
    if (/^Digit[1-9]$/.test(event.code)) window.__keyDowns.push({ code: event.code, at: performance.timeOrigin + event.timeStamp });
  }, true);
`;

/**
 * Counts the host's events by name as they reach the page, and times each wall:view (before the
 * page parses it: the end of the host's part of a press). The listener is added in the socket's
 * constructor, so it runs before socket.io's own; a busy main thread delays both alike.
 */
export const SOCKET_PROBE = `
  window.__views = [];
  window.__events = {};
  (function () {
    var Native = window.WebSocket;
    window.WebSocket = function (url, protocols) {
      var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
      socket.addEventListener('message', function (event) {
        var name = typeof event.data === 'string' && /^42\\["([^"]+)"/.exec(event.data);
        if (!name) return;
        window.__events[name[1]] = (window.__events[name[1]] || 0) + 1;
        if (name[1] !== 'wall:view') return;
        window.__views.push(performance.timeOrigin + performance.now());
        if (window.__views.length > 50) window.__views.shift();
      });
      return socket;
    };
    window.WebSocket.prototype = Native.prototype;
    ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { window.WebSocket[k] = Native[k]; });
  })();
`;

/**
 * Marks each change of what the page shows (the wall grid's layout, or the console's active preset):
 * \`dom\` when the change reached the DOM (MutationObserver), \`frame\` when the next frame started
 * (requestAnimationFrame, data-path's "painted") and \`painted\` after that frame's rendering work
 * (a task posted from the rAF callback runs once style, layout and paint are done). __waitMark
 * resolves with the first mark of a value since a time.
 */
export const markProbe = (selector: string, attribute: string, watch: string[] = [attribute]): string => `
  (function () {
    var marks = [];
    var waiters = [];
    var last = null;
    var channel = new MessageChannel();
    var painting = [];
    channel.port1.onmessage = function () {
      var at = performance.timeOrigin + performance.now();
      painting.splice(0).forEach(function (mark) { mark.painted = at; });
      waiters.splice(0).forEach(function (w) { w(); });
    };
    function check() {
      var el = document.querySelector(${JSON.stringify(selector)});
      var value = el && el.getAttribute(${JSON.stringify(attribute)});
      if (!value || value === last) return;
      last = value;
      var mark = { value: value, dom: performance.timeOrigin + performance.now(), frame: null, painted: null };
      marks.push(mark);
      if (marks.length > 50) marks.shift();
      requestAnimationFrame(function () {
        mark.frame = performance.timeOrigin + performance.now();
        painting.push(mark);
        channel.port2.postMessage(null);
      });
    }
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ${JSON.stringify(watch)} });
    check();
    window.__waitMark = function (value, since, timeoutMs) {
      return new Promise(function (resolve, reject) {
        var timer = setTimeout(function () { reject(new Error('no paint of ' + value + ' within ' + timeoutMs + ' ms; last: ' + last)); }, timeoutMs);
        (function look() {
          var mark = marks.find(function (m) { return m.value === value && m.dom >= since && m.painted !== null; });
          if (!mark) return waiters.push(look);
          clearTimeout(timer);
          var view = window.__views ? window.__views.find(function (t) { return t >= since; }) : undefined;
          resolve(Object.assign({ view: view === undefined ? null : view }, mark));
        })();
      });
    };
  })();
`;

export const WALL_PROBE = markProbe('main.wall-grid[data-layout-id]', 'data-layout-id');
export const CONSOLE_PRESET_PROBE = markProbe('[data-preset-id][data-active]', 'data-preset-id', ['data-preset-id', 'data-active']);

export interface Mark {
  value: string;
  /** When the wall:view that made the change reached the page (walls only). */
  view: number | null;
  dom: number;
  frame: number;
  painted: number;
}

type ProbeWindow = { __views: number[]; __events: Record<string, number>; __keyDowns: Array<{ code: string; at: number }>; __waitMark(value: string, since: number, timeoutMs: number): Promise<Mark> };

export const waitMark = (page: Page, value: string, since: number, timeoutMs = 15_000): Promise<Mark> =>
  page.evaluate(({ value, since, timeoutMs }) => (window as unknown as ProbeWindow).__waitMark(value, since, timeoutMs), { value, since, timeoutMs });

/** The time the key with this code last went down in the page, waiting for it if needed. */
export async function lastKeyDown(page: Page, code: string, after: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ code, after }) => (window as unknown as ProbeWindow).__keyDowns.find((k) => k.code === code && k.at >= after)?.at ?? false,
    { code, after },
    { timeout: 10_000, polling: 5 },
  );
  return (await handle.jsonValue()) as number;
}

/** Now on the pages' clock, from one page (every page's timeOrigin is wall-clock based). */
export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.timeOrigin + performance.now());

/** How many of the host's `event` messages the page has received so far. */
export const eventCount = (page: Page, event: string): Promise<number> => page.evaluate((event) => (window as unknown as ProbeWindow).__events[event] ?? 0, event);

/** Resolves once the page has received `count` of the host's `event` messages (a page working through a backlog). */
export async function waitEventCount(page: Page, event: string, count: number, timeoutMs = 120_000, pollingMs = 50): Promise<void> {
  try {
    await page.waitForFunction(({ event, count }) => ((window as unknown as ProbeWindow).__events[event] ?? 0) >= count, { event, count }, { timeout: timeoutMs, polling: pollingMs });
  } catch (error) {
    const seen = await eventCount(page, event).catch(() => null);
    throw new Error(`${page.url()}: ${seen} of ${count} ${event} messages after ${timeoutMs} ms (${String(error).split('\n')[0]})`);
  }
}

/**
 * Resolves after two more frames of the page are painted: what a change set off right after its
 * first frame (effects, a chart's first draw) is done. Not an idle callback: on these pages one
 * often came only about a second later, which slowed the bench without settling anything more.
 */
export const settled = (page: Page): Promise<unknown> =>
  page.evaluate(
    `new Promise(function (resolve) {
      var channel = new MessageChannel();
      // Closed after use: a port with a handler stays alive (and counts as a listener) until closed.
      channel.port1.onmessage = function () { channel.port1.close(); resolve(null); };
      requestAnimationFrame(function () { requestAnimationFrame(function () { channel.port2.postMessage(null); }); });
    })`,
  );
