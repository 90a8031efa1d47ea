import { describe, expect, it } from 'vitest';
import { displayPinSchema, wallSchema } from '../../../src-shared/domain';
import { pinKey, resolvePin } from '../../../src-main/walls/display-pins';
import { sortDisplays } from '../../../src-main/walls/display-order';
import { display } from './display-fixtures';

describe('display pins', () => {
  it('parse as before (index, displayId) and by name', () => {
    expect(wallSchema.parse({ id: '1', name: 'Tường trái', layoutId: 'x', display: { index: 1 } }).display).toEqual({ index: 1 });
    expect(displayPinSchema.parse({ displayId: 2779098405 })).toEqual({ displayId: 2779098405 });
    expect(displayPinSchema.parse({ name: 'DELL P2419H', index: 2 })).toEqual({ name: 'DELL P2419H', index: 2 });
    expect(displayPinSchema.safeParse({ name: '' }).success).toBe(false);
  });

  it('name the display by id, then name, then index; a name not there is waited for', () => {
    const sorted = sortDisplays([display(3, 3840, 0, { label: 'LG' }), display(1, 0), display(2, 1920, 0, { label: 'LG' })]);
    expect(resolvePin({ displayId: 3, index: 0 }, sorted)).toEqual({ kind: 'display', display: sorted[2] });
    expect(resolvePin({ name: 'LG' }, sorted, (d) => d.id !== 2)).toEqual({ kind: 'display', display: sorted[2] });
    expect(resolvePin({ name: 'Samsung', index: 0 }, sorted)).toEqual({ kind: 'wait', name: 'Samsung' });
    expect(resolvePin({ displayId: 9, index: 0 }, sorted)).toEqual({ kind: 'display', display: sorted[0] });
    expect(resolvePin({ index: 5 }, sorted)).toEqual({ kind: 'none' });
    expect(resolvePin(undefined, sorted)).toEqual({ kind: 'none' });
  });

  it('tell pins apart as text, whatever the key order', () => {
    expect(pinKey({ index: 1, name: 'LG' })).toBe(pinKey({ name: 'LG', index: 1 }));
    expect(pinKey({ index: 1 })).not.toBe(pinKey({ index: 2 }));
    expect(pinKey(undefined)).toBe('');
  });
});
