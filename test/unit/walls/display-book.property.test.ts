import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_DISPLAY_BOOK, settleDisplays, type DisplayBook } from '../../../src-main/walls/display-book';
import type { DisplayInfo } from '../../../src-main/walls/display-order';
import { display, wall } from './display-fixtures';

/**
 * Random nights in the control room: up to six wall monitors (plus the console's, always there)
 * switched off, back on (sometimes with a new Electron id, as DisplayPort sleep does), or changing
 * resolution, in bursts; up to five walls, some pinned by index. Monitors here are told apart by
 * name and position (labels unique, or empty), which is what a replug keeps.
 */
type RoomEvent = { kind: 'remove'; monitor: number } | { kind: 'add'; monitor: number; newId: boolean } | { kind: 'metrics'; monitor: number; width: number; scale: number };

const eventArb = (monitors: number): fc.Arbitrary<RoomEvent> => {
  const monitor = fc.integer({ min: 0, max: monitors - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant('remove' as const), monitor }),
    fc.record({ kind: fc.constant('add' as const), monitor, newId: fc.boolean() }),
    fc.record({ kind: fc.constant('metrics' as const), monitor, width: fc.constantFrom(1280, 1920, 3840), scale: fc.constantFrom(1, 1.5, 2) }),
  );
};

const roomArb = fc.integer({ min: 1, max: 6 }).chain((monitors) =>
  fc.record({
    monitors: fc.constant(monitors),
    unlabelled: fc.array(fc.boolean(), { minLength: monitors, maxLength: monitors }),
    pins: fc.array(fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }), { minLength: 1, maxLength: 5 }),
    // Each inner array is one settled burst of events.
    bursts: fc.array(fc.array(eventArb(monitors), { minLength: 1, maxLength: 3 }), { maxLength: 25 }),
  }),
);

const CONSOLE = display(1000, 0, 0, { primary: true, label: 'console' });

describe('display book, any sequence of screen events', () => {
  it('never moves a wall off a present display, brings it back to its own, never doubles up', () => {
    fc.assert(
      fc.property(roomArb, ({ monitors, unlabelled, pins, bursts }) => {
        const walls = pins.map((index, i) => wall(`w${i}`, index === undefined ? undefined : { index }));
        // Monitor m sits at x = (m + 1) × 4000 whatever its resolution, so positions never collide.
        const screens = new Map<number, DisplayInfo>();
        let nextId = 1;
        for (let m = 0; m < monitors; m += 1) screens.set(m, display(nextId++, (m + 1) * 4000, 0, { label: unlabelled[m] ? '' : `Monitor ${m}` }));
        const plugged = new Set(screens.keys());
        /** The monitor each wall was first given: its home for good. */
        const home = new Map<string, number>();
        let book: DisplayBook = EMPTY_DISPLAY_BOOK;
        let minute = 0;

        const settle = (): void => {
          const displays = [CONSOLE, ...[...plugged].map((m) => screens.get(m)!)];
          const next = settleDisplays(book, { walls, displays, at: new Date(Date.UTC(2026, 11, 1, 0, minute++)).toISOString() });
          book = next.book;
          const { placements } = next.settled;
          const monitorOf = (id: number): number | undefined => [...plugged].find((m) => screens.get(m)!.id === id);
          const used = placements.map((p) => p.display.id);
          expect(new Set(used).size, 'two walls on one display').toBe(used.length);
          expect(used, 'a wall on the console display').not.toContain(CONSOLE.id);
          for (const w of walls) {
            const placed = placements.find((p) => p.wallId === w.id);
            const was = home.get(w.id);
            if (was === undefined) {
              if (placed) home.set(w.id, monitorOf(placed.display.id)!);
              continue;
            }
            if (plugged.has(was)) expect(placed?.display.id, `wall ${w.id} left its present monitor ${was}`).toBe(screens.get(was)!.id);
            else expect(placed, `wall ${w.id} did not wait for monitor ${was}`).toBeUndefined();
          }
          // Walls without a home take any display nobody holds.
          const held = new Set(home.values());
          const free = [...plugged].filter((m) => !held.has(m));
          const homeless = walls.filter((w) => !home.has(w.id));
          expect(free.length > 0 && homeless.length > 0, 'a free display left empty while a wall has none').toBe(false);
        };

        settle();
        for (const burst of bursts) {
          for (const event of burst) {
            const screen = screens.get(event.monitor)!;
            if (event.kind === 'remove') plugged.delete(event.monitor);
            else if (event.kind === 'add') {
              if (!plugged.has(event.monitor) && event.newId) screens.set(event.monitor, { ...screen, id: nextId++ });
              plugged.add(event.monitor);
            } else if (plugged.has(event.monitor)) {
              screens.set(event.monitor, { ...screen, bounds: { ...screen.bounds, width: event.width }, scaleFactor: event.scale });
            }
          }
          settle();
        }
      }),
      { numRuns: 500 },
    );
  });
});
