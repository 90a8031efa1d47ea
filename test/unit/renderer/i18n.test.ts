import { describe, expect, it } from 'vitest';
import { en } from '../../../src-renderer/i18n/en';
import { interpolate, translator } from '../../../src-renderer/i18n/translate';
import { vi } from '../../../src-renderer/i18n/vi';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('i18n catalogues', () => {
  it('has exactly the same keys in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('uses the same placeholders in every translation', () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('has no empty strings', () => {
    for (const catalog of [vi, en]) expect(Object.values(catalog).filter((s) => s.trim() === '')).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('vi')('tile.updated', { age: '3 giây trước' })).toBe('cập nhật 3 giây trước');
    expect(translator('en')('camera.notFound', { id: 'x' })).toBe('Camera "x" not found');
    expect(interpolate('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});
