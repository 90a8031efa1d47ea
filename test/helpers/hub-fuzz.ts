import { HUB_EVENTS, REPLAY_CHUNK, type HubMessage } from '../../src-shared/hub-protocol';
import { seededRandom } from '../../src-hub/demo/random';
import { alertMessage, kpiMessage, mixedStream, stateAfter, timeOf } from './wall-stream';

/** One event a fuzzing hub sends: a name and its arguments, exactly as given to socket.emit. */
export interface FuzzEvent {
  kind: string;
  event: string;
  args: unknown[];
}

const JUNK: unknown[] = [null, 0, -1, 1.5, '', 'x', true, false, [], [null], {}, [[[]]], { length: 1 }, 'NaN', Number.MAX_SAFE_INTEGER + 2];

/**
 * Events that a wall holding `hubId`'s state at `seq` must refuse, every one: malformed shapes,
 * wrong types, unknown topics and events, sequence numbers that duplicate or skip, replays and
 * snapshots that break their own rules, prototype keys, huge payloads, binary data. None of them is
 * a valid next step, so a wall that accepts any has a hole.
 */
export function fuzzEvents(count: number, hubId: string, seq: number, seed = 1): FuzzEvent[] {
  // Seeded: the same seed gives the same 10,000 events, so a failure can be replayed.
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const next = seq + 1;
  const good = (s: number): HubMessage => (rand() < 0.5 ? kpiMessage(s, `k${int(0, 9)}`, rand()) : alertMessage(s, `a${int(0, 9)}`));
  const ev = (kind: string, event: string, ...args: unknown[]): FuzzEvent => ({ kind, event, args });
  // Megabyte events a few times, then small ones of the same kind: a fuzz run must stay fast.
  let bigLeft = 6;
  const big = (huge: number, small: number): number => (bigLeft-- > 0 ? huge : small);
  const withPayload = (patch: Record<string, unknown>): unknown => {
    const m = kpiMessage(next, 'k1', 1);
    return { ...m, payload: { ...m.payload, ...patch } };
  };

  const makers: Array<() => FuzzEvent> = [
    () => ev('junk message', HUB_EVENTS.message, pick(JUNK)),
    () => ev('junk replay', HUB_EVENTS.replay, pick(JUNK)),
    () => ev('junk snapshot', HUB_EVENTS.snapshot, pick(JUNK)),
    () => ev('junk live', HUB_EVENTS.live, pick(JUNK)),
    () => ev('bad seq', HUB_EVENTS.message, { ...good(next), seq: pick<unknown>([0, -1, 1.5, String(next), null, 2 ** 60, [next], { n: next }]) }),
    () => ev('gap', HUB_EVENTS.message, good(next + int(1, 1_000_000))),
    () => ev('duplicate', HUB_EVENTS.message, good(int(1, seq))),
    () => ev('unknown topic', HUB_EVENTS.message, { ...good(next), topic: pick(['weather', '', 'KPI', '__proto__', 'constructor', 'toString']) }),
    () => ev('bad time', HUB_EVENTS.message, { ...good(next), time: pick<unknown>(['yesterday', 0, '2025-13-01T00:00:00Z', null]) }),
    () => ev('bad payload field', HUB_EVENTS.message, withPayload(pick([{ value: 'NaN' }, { value: null }, { kpiId: '../../etc' }, { subsystem: 'weather' }, { unit: 'x'.repeat(100) }, { time: 'now' }]))),
    () => ev('missing payload', HUB_EVENTS.message, { topic: 'kpi', seq: next, time: timeOf(next) }),
    // Own "__proto__" keys, as JSON.parse makes them: required fields hidden behind a prototype must not count.
    () => ev('prototype keys', HUB_EVENTS.message, JSON.parse(`{"topic":"kpi","seq":${next},"time":"${timeOf(next)}","payload":{"__proto__":${JSON.stringify(kpiMessage(next, 'k1', 1).payload)}}}`)),
    () => ev('prototype keys', HUB_EVENTS.message, JSON.parse(`{"__proto__":${JSON.stringify(good(next))},"constructor":{"prototype":{"polluted":true}}}`)),
    () => ev('prototype keys', HUB_EVENTS.snapshot, JSON.parse(`{"__proto__":{"hubId":"${hubId}","seq":${seq},"time":"${timeOf(0)}","messages":[]}}`)),
    () => ev('huge payload', HUB_EVENTS.message, { ...alertMessage(next, 'big'), payload: { ...alertMessage(next, 'big').payload, text: 'x'.repeat(big(2 * 1024 * 1024, 501)) } }),
    () => ev('huge array', HUB_EVENTS.snapshot, { hubId, seq, time: timeOf(0), messages: Array.from({ length: big(50_000, 50) }, () => 1) }),
    () => ev('deep nesting', HUB_EVENTS.message, JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`)),
    () => ev('binary', pick([HUB_EVENTS.message, HUB_EVENTS.replay, HUB_EVENTS.snapshot]), Buffer.from('not a message')),
    () => ev('unknown event', pick(['hub:sync', 'hub:resync', 'hub:messages', 'hub:status', 'message', 'hub:live ', 'HUB:MESSAGE', '__proto__', 'x'.repeat(200)]), good(next)),
    () => ev('extra argument', HUB_EVENTS.message, good(next), pick(JUNK)),
    () => ev('no argument', pick([HUB_EVENTS.message, HUB_EVENTS.live, HUB_EVENTS.replay, HUB_EVENTS.snapshot])),
    () => {
      const msgs = mixedStream(5, next);
      return ev('replay count mismatch', HUB_EVENTS.replay, { hubId, fromSeq: next, toSeq: next + 9, messages: msgs });
    },
    () => {
      const msgs = mixedStream(5, next);
      [msgs[1], msgs[2]] = [msgs[2]!, msgs[1]!];
      return ev('replay out of order', HUB_EVENTS.replay, { hubId, fromSeq: next, toSeq: next + 4, messages: msgs });
    },
    () => {
      const length = big(REPLAY_CHUNK + 1, 4);
      // Past the chunk size, or (when small) claiming more messages than it carries.
      return ev('replay too long', HUB_EVENTS.replay, { hubId, fromSeq: next, toSeq: next + REPLAY_CHUNK, messages: mixedStream(length, next) });
    },
    () => ev('replay of another hub', HUB_EVENTS.replay, { hubId: 'other-hub', fromSeq: next, toSeq: next + 2, messages: mixedStream(3, next) }),
    () => {
      const from = next + int(1, 1000);
      return ev('replay after a gap', HUB_EVENTS.replay, { hubId, fromSeq: from, toSeq: from + 2, messages: mixedStream(3, from) });
    },
    () => {
      const from = int(2, seq - 3);
      return ev('replay already held', HUB_EVENTS.replay, { hubId, fromSeq: from, toSeq: from + 2, messages: mixedStream(3, from) });
    },
    () => ev('replay bad hub id', HUB_EVENTS.replay, { hubId: pick(['', 'hub id', 'x'.repeat(65), 'ü']), fromSeq: next, toSeq: next, messages: [good(next)] }),
    () => {
      const s = stateAfter(hubId, mixedStream(seq + 5)).snapshot();
      return ev('snapshot out of order', HUB_EVENTS.snapshot, { ...s, messages: [...s.messages].reverse() });
    },
    () => ev('snapshot past its seq', HUB_EVENTS.snapshot, { ...stateAfter(hubId, mixedStream(seq + 5)).snapshot(), seq: seq + 1 }),
    () => ev('snapshot bad hub id', HUB_EVENTS.snapshot, { ...stateAfter(hubId, mixedStream(3)).snapshot(), hubId: pick(['', 'a b', 'x'.repeat(65), null]) }),
    () => ev('snapshot not retained state', HUB_EVENTS.snapshot, { hubId, seq: seq + 2, time: timeOf(0), messages: [alertMessage(seq + 1, 'dup'), alertMessage(seq + 2, 'dup')] }),
    () => ev('snapshot bad message', HUB_EVENTS.snapshot, { hubId, seq: seq + 1, time: timeOf(0), messages: [{ ...good(seq + 1), topic: 'weather' }] }),
    () => ev('live bad shape', HUB_EVENTS.live, pick<unknown>([{ hubId }, { seq }, { hubId, seq: -1 }, { hubId, seq: String(seq) }, { hubId: 7, seq }])),
    () => ev('live of another hub', HUB_EVENTS.live, { hubId: 'other-hub', seq }),
    () => ev('live ahead', HUB_EVENTS.live, { hubId, seq: seq + int(1, 1000) }),
    () => ev('live behind', HUB_EVENTS.live, { hubId, seq: int(1, seq - 1) }),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}
