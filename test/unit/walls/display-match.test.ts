import { describe, expect, it } from 'vitest';
import { matchDisplays, type DisplayIdentity } from '../../../src-main/walls/display-match';
import { display } from './display-fixtures';

const known = (key: string, id: number, label: string, x: number): DisplayIdentity => ({ key, id, label, bounds: { x, y: 0 } });

describe('matchDisplays', () => {
  it('knows a display by its id first, wherever it moved', () => {
    expect(matchDisplays([known('a', 1, 'LG', 0), known('b', 2, 'LG', 1920)], [display(2, 0, 0, { label: 'LG' }), display(1, 1920, 0, { label: 'LG' })])).toEqual(
      new Map([[2, 'b'], [1, 'a']]),
    );
  });

  it('then by name and position (a replug with a new id), unnamed displays by position alone', () => {
    expect(matchDisplays([known('a', 1, 'LG', 1920), known('b', 2, '', 3840)], [display(7, 1920, 0, { label: 'LG' }), display(8, 3840, 0, { label: '' })])).toEqual(
      new Map([[7, 'a'], [8, 'b']]),
    );
  });

  it('then by a name both sides hold once (replugged into another port), never by a shared name alone', () => {
    expect(matchDisplays([known('a', 1, 'Samsung', 1920)], [display(7, 5760, 0, { label: 'Samsung' })])).toEqual(new Map([[7, 'a']]));
    expect(matchDisplays([known('a', 1, 'LG', 1920), known('b', 2, 'LG', 3840)], [display(7, 5760, 0, { label: 'LG' })])).toEqual(new Map());
  });

  it('does not take a different monitor at the same position for the lost one', () => {
    expect(matchDisplays([known('a', 1, 'LG', 1920)], [display(7, 1920, 0, { label: 'Projector' })])).toEqual(new Map());
  });
});
