import { z } from 'zod';
import { COMMANDS, type CommandName } from '../commands';
import { isSafeGlobal, normalizeAccelerator, parseAccelerator } from './accelerator';

/**
 * The one key table: every key an operator can press, what it does and where it works. It drives
 * Electron's global shortcuts, the keys inside the console and the wall windows (browser mode
 * included) and the help overlay, so none of them can disagree. A deployment overrides single
 * bindings by id in its config (`"keys": { "agenda.stop": "Ctrl+Alt+K" }`).
 *
 * Why these defaults: Ctrl+Alt+digits and Ctrl+Alt+Z are the IOC's own convention. Nothing else
 * uses Ctrl+Alt+arrows (GNOME switches workspaces with them, and Intel and AMD drivers on Windows
 * rotate the screen), Ctrl+Alt+L (locks GNOME and KDE), Ctrl+Alt+T (a terminal), Ctrl+Alt+Delete or
 * Backspace, Ctrl+Alt+F1…F12 (Linux consoles), Ctrl+Alt+Tab, or Ctrl+Alt+End and Home (Windows
 * Remote Desktop). Walls step with Ctrl+Alt+PageUp/PageDown and layouts with Ctrl+Alt+, and . —
 * keys that type no character on the US layout Vietnamese typing (Telex) runs on. Plain keys
 * (arrows, N, S…) act only inside a wall window, on its selected tile.
 */

/** What a key does inside a wall window, on its selected tile. */
export const WALL_KEY_ACTIONS = ['select-left', 'select-right', 'select-up', 'select-down', 'enlarge', 'back', 'tour-pause', 'tour-next', 'tour-previous', 'snapshot'] as const;
export type WallKeyActionName = (typeof WALL_KEY_ACTIONS)[number];

/** What a key does inside any window without asking the host. */
export const WINDOW_KEY_ACTIONS = ['help'] as const;
export type WindowKeyActionName = (typeof WINDOW_KEY_ACTIONS)[number];

export const keyActionSchema = z.discriminatedUnion('type', [
  /** A host command, run with the key as its caller. */
  z.object({ type: z.literal('command'), command: z.string(), payload: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('wall'), action: z.enum(WALL_KEY_ACTIONS) }),
  z.object({ type: z.literal('window'), action: z.enum(WINDOW_KEY_ACTIONS) }),
]);
export type KeyAction = z.infer<typeof keyActionSchema>;

/**
 * global: a host command; an Electron global shortcut (works while a fullscreen wall has focus) and
 * a key in every window. wall: only in a wall window. window: in every window.
 */
export const keyScopeSchema = z.enum(['global', 'wall', 'window']);
export type KeyScope = z.infer<typeof keyScopeSchema>;

export const keyBindingSchema = z.object({
  id: z.string().min(1).max(64),
  /** Canonical accelerators; empty when a deployment switched the binding off. */
  keys: z.array(z.string().min(1).max(64)).max(4),
  scope: keyScopeSchema,
  action: keyActionSchema,
});
export type KeyBinding = z.infer<typeof keyBindingSchema>;

const command = <N extends CommandName>(name: N, payload: Record<string, unknown> = {}): KeyAction => ({ type: 'command', command: name, payload });
const global = (id: string, keys: string[], action: KeyAction): KeyBinding => ({ id, keys, scope: 'global', action });
const wall = (id: string, keys: string[], action: WallKeyActionName): KeyBinding => ({ id, keys, scope: 'wall', action: { type: 'wall', action } });

export const DEFAULT_KEY_TABLE: readonly KeyBinding[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => global(`preset.${n}`, [`Ctrl+Alt+${n}`], command('preset.apply-number', { number: n }))),
  global('walls.undo', ['Ctrl+Alt+Z'], command('walls.undo')),
  global('target.previous', ['Ctrl+Alt+PageUp'], command('target.previous')),
  global('target.next', ['Ctrl+Alt+PageDown'], command('target.next')),
  global('layout.previous', ['Ctrl+Alt+,'], command('wall.previous-layout')),
  global('layout.next', ['Ctrl+Alt+.'], command('wall.next-layout')),
  global('agenda.start', ['Ctrl+Alt+A'], command('agenda.start')),
  global('agenda.next', ['Ctrl+Alt+N'], command('agenda.next')),
  global('agenda.previous', ['Ctrl+Alt+B'], command('agenda.previous')),
  global('agenda.hold', ['Ctrl+Alt+H'], command('agenda.hold')),
  global('agenda.stop', ['Ctrl+Alt+E'], command('agenda.stop')),
  global('takeover.pin', ['Ctrl+Alt+P'], command('takeover.pin')),
  global('takeover.dismiss', ['Ctrl+Alt+X'], command('takeover.dismiss')),
  // Not Ctrl+Shift+C / R: every browser on the operator's desktop uses those (inspect, hard reload).
  global('console.focus', ['Ctrl+Alt+C'], command('console.focus')),
  global('walls.reload', ['Ctrl+Alt+R'], command('walls.reload')),
  { id: 'help', keys: ['F1', '?'], scope: 'window', action: { type: 'window', action: 'help' } },
  wall('tile.left', ['Left'], 'select-left'),
  wall('tile.right', ['Right'], 'select-right'),
  wall('tile.up', ['Up'], 'select-up'),
  wall('tile.down', ['Down'], 'select-down'),
  wall('tile.enlarge', ['Enter', 'F'], 'enlarge'),
  wall('tile.back', ['Escape'], 'back'),
  wall('tour.pause', ['Space'], 'tour-pause'),
  wall('tour.next', ['N', 'PageDown'], 'tour-next'),
  wall('tour.previous', ['P', 'PageUp'], 'tour-previous'),
  wall('tile.snapshot', ['S'], 'snapshot'),
];

/** The config's overrides: a binding id to its keys, one or several, or null to switch it off. */
export const keyOverridesSchema = z.record(z.string(), z.union([z.string(), z.array(z.string()).max(4), z.null()]));
export type KeyOverrides = z.infer<typeof keyOverridesSchema>;

/** Two scopes meet in one window when a key in both could be pressed there. */
function scopesMeet(a: KeyScope, b: KeyScope): boolean {
  return a === b || a === 'window' || b === 'window' || a === 'global' || b === 'global';
}

/**
 * Applies the overrides to the defaults. Each override that names no binding, holds a key that does
 * not parse, would make a plain key global (it would steal typing from every program), or collides
 * with another binding is refused with a line naming it, and that binding keeps its default.
 */
export function resolveKeyTable(overrides: KeyOverrides = {}, defaults: readonly KeyBinding[] = DEFAULT_KEY_TABLE): { bindings: KeyBinding[]; errors: string[] } {
  const errors: string[] = [];
  const bindings = defaults.map((binding) => ({ ...binding, keys: [...binding.keys] }));
  for (const [id, value] of Object.entries(overrides)) {
    const binding = bindings.find((b) => b.id === id);
    if (!binding) {
      errors.push(`keys.${id}: no key binding with this id (known: ${defaults.map((b) => b.id).join(', ')})`);
      continue;
    }
    const wanted = value === null ? [] : Array.isArray(value) ? value : [value];
    const keys: string[] = [];
    for (const text of wanted) {
      const parsed = parseAccelerator(text);
      if (!parsed) errors.push(`keys.${id}: "${text}" is not a key, e.g. "Ctrl+Alt+K", "F2", "PageDown"`);
      else if (binding.scope === 'global' && !isSafeGlobal(parsed)) errors.push(`keys.${id}: "${text}" needs Ctrl, Alt or Super (or an F key) to work as a global shortcut`);
      else keys.push(normalizeAccelerator(text)!);
    }
    if (keys.length === wanted.length) binding.keys = keys;
  }
  // A key bound twice where both can be pressed: the override loses, the default stays.
  for (const binding of bindings) {
    const clash = binding.keys.find((key) => bindings.some((other) => other !== binding && scopesMeet(other.scope, binding.scope) && other.keys.includes(key)));
    if (clash === undefined) continue;
    const other = bindings.find((b) => b !== binding && scopesMeet(b.scope, binding.scope) && b.keys.includes(clash))!;
    const overridden = overrides[binding.id] !== undefined ? binding : other;
    const fallback = defaults.find((b) => b.id === overridden.id)!;
    errors.push(`keys.${overridden.id}: ${clash} is already ${overridden === binding ? other.id : binding.id}; keeping ${fallback.keys.join(', ') || 'no key'}`);
    overridden.keys = [...fallback.keys];
  }
  return { bindings, errors };
}

/** The binding a normalized accelerator triggers in a scope, if any. */
export function bindingFor(bindings: readonly KeyBinding[], accelerator: string, scopes: readonly KeyScope[]): KeyBinding | undefined {
  return bindings.find((binding) => scopes.includes(binding.scope) && binding.keys.includes(accelerator));
}

/** Compile-time and start-up check: every command a default key names exists. */
export function unknownKeyCommands(bindings: readonly KeyBinding[]): string[] {
  return bindings.flatMap((b) => (b.action.type === 'command' && !(b.action.command in COMMANDS) ? [b.id] : []));
}
