import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src-shared/commands';
import { acceleratorsOfEvent, normalizeAccelerator, parseAccelerator, type KeyEventLike } from '../../../src-shared/keys/accelerator';
import { bindingFor, DEFAULT_KEY_TABLE, resolveKeyTable, unknownKeyCommands } from '../../../src-shared/keys/key-table';

const press = (over: Partial<KeyEventLike>): KeyEventLike => ({ key: '', code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...over });
const keysOf = (id: string) => DEFAULT_KEY_TABLE.find((b) => b.id === id)?.keys;

describe('accelerators', () => {
  it('parse in Electron’s syntax into one canonical spelling', () => {
    expect(normalizeAccelerator('ctrl+alt+1')).toBe('Ctrl+Alt+1');
    expect(normalizeAccelerator('CommandOrControl+Alt+pagedown')).toBe('Ctrl+Alt+PageDown');
    expect(normalizeAccelerator('Alt+Control+z')).toBe('Ctrl+Alt+Z');
    expect(normalizeAccelerator('Esc')).toBe('Escape');
    expect(normalizeAccelerator('Return')).toBe('Enter');
    expect(normalizeAccelerator('Ctrl+Alt+.')).toBe('Ctrl+Alt+.');
    expect(normalizeAccelerator('Ctrl+Plus')).toBe('Ctrl+Plus');
    expect(normalizeAccelerator('F24')).toBe('F24');
    expect(parseAccelerator('Ctrl+Alt+1')).toEqual({ modifiers: ['Ctrl', 'Alt'], key: '1' });
  });

  it('refuse what is not one key with modifiers', () => {
    for (const bad of ['', 'Ctrl+', 'Ctrl+Ctrl+1', 'Hyper+1', 'Ctrl+Alt+Banana', 'F25', 'Ctrl+Alt+ab', '+'.repeat(70)]) expect(parseAccelerator(bad), bad).toBeNull();
  });

  it('read a key press by its physical key, so Ctrl+Alt+2 is the same on every layout', () => {
    expect(acceleratorsOfEvent(press({ key: '2', code: 'Digit2', ctrlKey: true, altKey: true }))).toEqual(['Ctrl+Alt+2']);
    // A French layout types "é" on that key; the physical key still says 2.
    expect(acceleratorsOfEvent(press({ key: 'é', code: 'Digit2', ctrlKey: true, altKey: true }))[0]).toBe('Ctrl+Alt+2');
    expect(acceleratorsOfEvent(press({ key: 'PageDown', code: 'PageDown', ctrlKey: true, altKey: true }))).toEqual(['Ctrl+Alt+PageDown']);
    expect(acceleratorsOfEvent(press({ key: 'F1', code: 'F1' }))).toEqual(['F1']);
    expect(acceleratorsOfEvent(press({ key: 'ArrowLeft', code: 'ArrowLeft' }))).toEqual(['Left']);
    expect(acceleratorsOfEvent(press({ key: ' ', code: 'Space' }))).toEqual(['Space']);
  });

  it('match a typed punctuation key without the Shift it needed, and never AltGr typing', () => {
    expect(acceleratorsOfEvent(press({ key: '?', code: 'Slash', shiftKey: true }))).toContain('?');
    expect(acceleratorsOfEvent(press({ key: '.', code: 'Period', ctrlKey: true, altKey: true }))).toContain('Ctrl+Alt+.');
    expect(acceleratorsOfEvent(press({ key: '@', code: 'KeyQ', ctrlKey: true, altKey: true, altGraph: true }))).toEqual([]);
    expect(acceleratorsOfEvent(press({ key: 'Control', code: 'ControlLeft', ctrlKey: true }))).toEqual([]);
  });
});

describe('the default key table', () => {
  it('has the required keys: Ctrl+Alt+1…9 for presets in console order, Ctrl+Alt+Z undo, F1 and ? for help', () => {
    for (let n = 1; n <= 9; n += 1) {
      const binding = DEFAULT_KEY_TABLE.find((b) => b.id === `preset.${n}`);
      expect(binding?.keys).toEqual([`Ctrl+Alt+${n}`]);
      expect(binding?.action).toEqual({ type: 'command', command: 'preset.apply-number', payload: { number: n } });
      expect(binding?.scope).toBe('global');
    }
    expect(keysOf('walls.undo')).toEqual(['Ctrl+Alt+Z']);
    expect(keysOf('help')).toEqual(['F1', '?']);
  });

  it('binds every command key to a command that exists, and every key in canonical spelling', () => {
    expect(unknownKeyCommands(DEFAULT_KEY_TABLE)).toEqual([]);
    for (const binding of DEFAULT_KEY_TABLE) {
      if (binding.action.type === 'command') expect(COMMAND_NAMES).toContain(binding.action.command);
      for (const key of binding.keys) expect(normalizeAccelerator(key), key).toBe(key);
    }
  });

  it('stays off the keys desktops already use (GNOME, KDE, Windows, Remote Desktop, Linux consoles)', () => {
    const taken = [/^Ctrl\+Alt\+(Up|Down|Left|Right)$/, /^Ctrl\+Alt\+(L|T|D|Delete|Backspace|Tab|Escape|End|Home)$/, /^Ctrl\+Alt\+F([1-9]|1[0-2])$/, /^Ctrl\+Shift\+(C|R|I|J)$/];
    const globals = DEFAULT_KEY_TABLE.filter((b) => b.scope === 'global').flatMap((b) => b.keys);
    for (const key of globals) expect(taken.some((pattern) => pattern.test(key)), key).toBe(false);
  });

  it('has no key bound twice where both could be pressed', () => {
    expect(resolveKeyTable({}).errors).toEqual([]);
    const seen = new Map<string, string>();
    for (const binding of DEFAULT_KEY_TABLE) {
      for (const key of binding.keys) {
        expect(seen.get(key), `${key} in ${binding.id}`).toBeUndefined();
        seen.set(key, binding.id);
      }
    }
  });
});

describe('overriding keys in the config', () => {
  it('replaces a binding’s keys, several at once, or switches one off', () => {
    const { bindings, errors } = resolveKeyTable({ 'agenda.stop': 'ctrl+alt+k', 'layout.next': ['Ctrl+Alt+.', 'Super+N'], 'takeover.pin': null });
    expect(errors).toEqual([]);
    expect(bindings.find((b) => b.id === 'agenda.stop')?.keys).toEqual(['Ctrl+Alt+K']);
    expect(bindings.find((b) => b.id === 'layout.next')?.keys).toEqual(['Ctrl+Alt+.', 'Super+N']);
    expect(bindings.find((b) => b.id === 'takeover.pin')?.keys).toEqual([]);
    expect(bindingFor(bindings, 'Ctrl+Alt+K', ['global'])?.id).toBe('agenda.stop');
    expect(bindingFor(bindings, 'Ctrl+Alt+E', ['global'])).toBeUndefined();
  });

  it('refuses an unknown binding, a key that does not parse, and a plain key as a global shortcut, keeping the default', () => {
    const { bindings, errors } = resolveKeyTable({ 'no.such': 'F2', 'agenda.stop': 'Ctrl+Alt+Nope', 'walls.undo': 'Z' });
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/keys\.no\.such: no key binding/);
    expect(errors[1]).toMatch(/keys\.agenda\.stop: "Ctrl\+Alt\+Nope" is not a key/);
    expect(errors[2]).toMatch(/keys\.walls\.undo: "Z" needs Ctrl, Alt or Super/);
    expect(bindings.find((b) => b.id === 'agenda.stop')?.keys).toEqual(['Ctrl+Alt+E']);
    expect(bindings.find((b) => b.id === 'walls.undo')?.keys).toEqual(['Ctrl+Alt+Z']);
  });

  it('refuses an override that takes another binding’s key, and keeps both working', () => {
    const { bindings, errors } = resolveKeyTable({ 'agenda.stop': 'Ctrl+Alt+Z' });
    expect(errors).toEqual(['keys.agenda.stop: Ctrl+Alt+Z is already walls.undo; keeping Ctrl+Alt+E']);
    expect(bindingFor(bindings, 'Ctrl+Alt+Z', ['global'])?.id).toBe('walls.undo');
    expect(bindingFor(bindings, 'Ctrl+Alt+E', ['global'])?.id).toBe('agenda.stop');
    // A wall key may not shadow the help key either: both work in a wall window.
    expect(resolveKeyTable({ 'tile.snapshot': 'F1' }).errors[0]).toMatch(/keys\.tile\.snapshot: F1 is already help/);
  });
});
