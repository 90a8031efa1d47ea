import { acceleratorsOfEvent, parseAccelerator, type KeyEventLike } from '../../src-shared/keys/accelerator';
import type { KeyBinding, KeyScope } from '../../src-shared/keys/key-table';

export interface KeyMatch {
  binding: KeyBinding;
  /** The accelerator that matched, as the key table spells it. */
  accelerator: string;
}

/** Which scopes of the key table work in which app: wall keys only in a wall window. */
const SCOPES: Readonly<Record<'wall' | 'console', readonly KeyScope[]>> = {
  wall: ['global', 'wall', 'window'],
  console: ['global', 'window'],
};

/** A key that cannot be typed text: it may act even while the operator types in a field. */
function worksWhileTyping(accelerator: string): boolean {
  const parsed = parseAccelerator(accelerator);
  return parsed !== null && (parsed.modifiers.some((m) => m !== 'Shift') || /^F\d+$/.test(parsed.key));
}

/**
 * The binding a key press triggers in this app, if any. In a text field (the console's camera
 * search) plain keys type, so only keys with Ctrl, Alt or Super, and F keys, act there.
 */
export function matchKey(bindings: readonly KeyBinding[], event: KeyEventLike, app: 'wall' | 'console', typing: boolean): KeyMatch | null {
  const scopes = SCOPES[app];
  for (const accelerator of acceleratorsOfEvent(event)) {
    if (typing && !worksWhileTyping(accelerator)) continue;
    const binding = bindings.find((b) => scopes.includes(b.scope) && b.keys.includes(accelerator));
    if (binding) return { binding, accelerator };
  }
  return null;
}
