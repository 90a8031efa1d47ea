import { describe, expect, it } from 'vitest';
import { kpiKey } from '../../../src-shared/domain';
import { toNfc } from '../../../src-hub/ingest/nfc';

const NFD = (text: string): string => text.normalize('NFD');

describe('toNfc', () => {
  it('normalises every string at any depth, field names included, and leaves other values alone', () => {
    const given = { [NFD('tên')]: NFD('Bà Rịa'), n: 1.5, ok: true, none: null, list: [NFD('Côn Đảo'), 2, { deep: NFD('Phú Mỹ') }] };
    const result = toNfc(given);
    expect(result).toEqual({ tên: 'Bà Rịa', n: 1.5, ok: true, none: null, list: ['Côn Đảo', 2, { deep: 'Phú Mỹ' }] });
    expect(JSON.stringify(result)).toBe(JSON.stringify(result).normalize('NFC'));
    // A new value: the caller's record is not changed behind its back.
    expect(Object.keys(given)[0]).toBe(NFD('tên'));
  });
});

describe('kpiKey', () => {
  it('names one series for a district in either normal form', () => {
    expect(kpiKey('k', NFD('TP. Vũng Tàu'))).toBe(kpiKey('k', 'TP. Vũng Tàu'.normalize('NFC')));
    expect(kpiKey('k')).toBe('k');
  });
});
