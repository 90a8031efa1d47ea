import type { DisplayPin } from '../../src-shared/domain';
import type { DisplayInfo } from './display-order';

/** What a pin asks for now: a display, a name to wait for, or nothing it can name (fill a free display). */
export type PinTarget<D> = { kind: 'display'; display: D } | { kind: 'wait'; name: string } | { kind: 'none' };

/**
 * The display a pin names among the present ones, in reading order. The id wins when that display
 * is plugged in; then the name (the first free display with it, so walls pinned to identical
 * monitors each get one); then the index. A name with no such display means wait for it; an absent
 * id or an index past the end names nothing, as ids change across reboots and counts across plugs.
 */
export function resolvePin<D extends DisplayInfo>(pin: DisplayPin | undefined, sorted: readonly D[], isFree: (display: D) => boolean = () => true): PinTarget<D> {
  if (!pin) return { kind: 'none' };
  const byId = pin.displayId === undefined ? undefined : sorted.find((d) => d.id === pin.displayId);
  if (byId) return { kind: 'display', display: byId };
  if (pin.name !== undefined) {
    const named = sorted.filter((d) => d.label === pin.name);
    const display = named.find(isFree) ?? named[0];
    return display ? { kind: 'display', display } : { kind: 'wait', name: pin.name };
  }
  const byIndex = pin.index === undefined ? undefined : sorted[pin.index];
  return byIndex ? { kind: 'display', display: byIndex } : { kind: 'none' };
}

/** A pin as text, so a hold made under one pin is dropped when the config changes it. */
export function pinKey(pin: DisplayPin | undefined): string {
  return pin ? JSON.stringify([pin.displayId ?? null, pin.name ?? null, pin.index ?? null]) : '';
}
