import { describe, expect, it } from 'vitest';
import type { KeyEventLike } from '../../../src-shared/keys/accelerator';
import { DEFAULT_KEY_TABLE } from '../../../src-shared/keys/key-table';
import { matchKey } from '../../../src-renderer/keys/match-key';

const press = (over: Partial<KeyEventLike>): KeyEventLike => ({ key: '', code: '', ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...over });
const ctrlAlt2 = press({ key: '2', code: 'Digit2', ctrlKey: true, altKey: true });
const letterN = press({ key: 'n', code: 'KeyN' });
const question = press({ key: '?', code: 'Slash', shiftKey: true });

describe('keys in a window', () => {
  it('a global key works in the console and on a wall', () => {
    expect(matchKey(DEFAULT_KEY_TABLE, ctrlAlt2, 'console', false)).toMatchObject({ binding: { id: 'preset.2' }, accelerator: 'Ctrl+Alt+2' });
    expect(matchKey(DEFAULT_KEY_TABLE, ctrlAlt2, 'wall', false)?.binding.id).toBe('preset.2');
  });

  it('a wall key works only on a wall', () => {
    expect(matchKey(DEFAULT_KEY_TABLE, letterN, 'wall', false)?.binding.id).toBe('tour.next');
    expect(matchKey(DEFAULT_KEY_TABLE, letterN, 'console', false)).toBeNull();
  });

  it('while the operator types, plain keys type and only modified keys and F keys act', () => {
    expect(matchKey(DEFAULT_KEY_TABLE, question, 'console', false)?.binding.id).toBe('help');
    expect(matchKey(DEFAULT_KEY_TABLE, question, 'console', true)).toBeNull();
    expect(matchKey(DEFAULT_KEY_TABLE, press({ key: 'F1', code: 'F1' }), 'console', true)?.binding.id).toBe('help');
    expect(matchKey(DEFAULT_KEY_TABLE, ctrlAlt2, 'console', true)?.binding.id).toBe('preset.2');
  });

  it('leaves keys the table does not bind, and AltGr typing, alone', () => {
    expect(matchKey(DEFAULT_KEY_TABLE, press({ key: 'q', code: 'KeyQ' }), 'wall', false)).toBeNull();
    expect(matchKey(DEFAULT_KEY_TABLE, { ...ctrlAlt2, key: '²', altGraph: true }, 'console', false)).toBeNull();
  });
});
