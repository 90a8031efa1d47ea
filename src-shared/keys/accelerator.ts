/**
 * Key combinations in Electron's accelerator syntax ("Ctrl+Alt+1", "Ctrl+Alt+PageDown", "F1", "?"),
 * parsed once into a canonical form, so the same string drives Electron's global shortcuts, the
 * keys inside the console and wall windows, and the help overlay. Pure: no DOM, no Electron.
 */

export type Modifier = 'Ctrl' | 'Alt' | 'Shift' | 'Super';
const MODIFIER_ORDER: readonly Modifier[] = ['Ctrl', 'Alt', 'Shift', 'Super'];

const MODIFIER_NAMES: Readonly<Record<string, Modifier>> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  // The walls and consoles run on Linux and Windows, where Command is Control.
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
  cmd: 'Super',
  command: 'Super',
};

/** Named keys, by their lower-case spelling, to the canonical name Electron also accepts. */
const NAMED_KEYS: Readonly<Record<string, string>> = {
  space: 'Space',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  enter: 'Enter',
  return: 'Enter',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  escape: 'Escape',
  esc: 'Escape',
  plus: 'Plus',
};

const PUNCTUATION = new Set([...'`~!@#$%^&*()-_=[]{}\\|;:\'",.<>/?']);

export interface Accelerator {
  modifiers: readonly Modifier[];
  /** "A"…"Z", "0"…"9", "F1"…"F24", a named key ("PageDown") or one punctuation character. */
  key: string;
}

function canonicalKey(raw: string): string | null {
  if (/^[a-z]$/i.test(raw)) return raw.toUpperCase();
  if (/^[0-9]$/.test(raw)) return raw;
  if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(raw)) return raw.toUpperCase();
  if (raw.length === 1 && PUNCTUATION.has(raw)) return raw;
  return NAMED_KEYS[raw.toLowerCase()] ?? null;
}

/** Parses "Ctrl+Alt+1"; null when it is not one key with optional modifiers. */
export function parseAccelerator(text: string): Accelerator | null {
  if (text.length === 0 || text.length > 64) return null;
  // "+" separates parts; a literal plus key is spelt "Plus", as in Electron.
  const parts = text.split('+').map((part) => part.trim());
  const keyPart = parts.pop();
  if (keyPart === undefined || keyPart === '') return null;
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    const modifier = MODIFIER_NAMES[part.toLowerCase()];
    if (!modifier || modifiers.has(modifier)) return null;
    modifiers.add(modifier);
  }
  const key = canonicalKey(keyPart);
  if (key === null) return null;
  return { modifiers: MODIFIER_ORDER.filter((m) => modifiers.has(m)), key };
}

export function formatAccelerator(accelerator: Accelerator): string {
  return [...accelerator.modifiers, accelerator.key].join('+');
}

/** The canonical spelling ("control+alt+pagedown" → "Ctrl+Alt+PageDown"), or null when it does not parse. */
export function normalizeAccelerator(text: string): string | null {
  const parsed = parseAccelerator(text);
  return parsed ? formatAccelerator(parsed) : null;
}

/** Whether the key works as a global shortcut without stealing plain typing from every other program. */
export function isSafeGlobal(accelerator: Accelerator): boolean {
  return accelerator.modifiers.some((m) => m === 'Ctrl' || m === 'Alt' || m === 'Super') || /^F\d+$/.test(accelerator.key);
}

/** The fields of a DOM KeyboardEvent the matcher reads (kept structural, so it runs under Node too). */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** AltGr on many European layouts arrives as Ctrl+Alt; it types a character and must not fire keys. */
  altGraph?: boolean;
}

const CODE_KEYS: Readonly<Record<string, string>> = {
  Space: 'Space',
  Period: '.',
  Comma: ',',
  Slash: '/',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  Backslash: '\\',
};

const EVENT_KEYS: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Esc: 'Escape',
  '+': 'Plus',
};

/**
 * The accelerators a key press stands for, most specific first. Letters and digits are read from
 * the physical key (`code`), so Ctrl+Alt+1 is the same press on every layout; a punctuation
 * character is also matched as typed (`key`) without the Shift it needed ("?" is Shift+/ on a US
 * layout). Returns nothing for AltGr, lone modifiers and keys no accelerator names.
 */
export function acceleratorsOfEvent(event: KeyEventLike): string[] {
  if (event.altGraph) return [];
  const modifiers: Modifier[] = [];
  if (event.ctrlKey) modifiers.push('Ctrl');
  if (event.altKey) modifiers.push('Alt');
  if (event.shiftKey) modifiers.push('Shift');
  if (event.metaKey) modifiers.push('Super');
  const fromCode = /^Key[A-Z]$/.test(event.code)
    ? event.code.slice(3)
    : /^Digit[0-9]$/.test(event.code)
      ? event.code.slice(5)
      : (CODE_KEYS[event.code] ?? null);
  const typed = EVENT_KEYS[event.key] ?? canonicalKey(event.key);
  const out: string[] = [];
  const add = (mods: readonly Modifier[], key: string | null): void => {
    if (key === null) return;
    const text = formatAccelerator({ modifiers: mods, key });
    if (!out.includes(text)) out.push(text);
  };
  add(modifiers, fromCode);
  add(modifiers, typed);
  if (typed !== null && typed.length === 1 && PUNCTUATION.has(typed)) add(modifiers.filter((m) => m !== 'Shift'), typed);
  return out;
}
