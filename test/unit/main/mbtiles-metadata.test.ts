import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../../src-main/map/mbtiles-metadata';

const read = (rows: Record<string, string>, zooms: { min: number; max: number } | null = { min: 5, max: 14 }) => readMetadata(new Map(Object.entries(rows)), 'ten-tep', () => zooms);

describe('readMetadata', () => {
  it('takes a raster format in any case, and names the set after its file when the metadata does not', () => {
    const result = read({ format: ' PNG ', minzoom: '10', maxzoom: '18' });
    expect(result).toMatchObject({ ok: true, problems: [], metadata: { format: 'png', name: 'ten-tep', minzoom: 10, maxzoom: 18, vectorLayers: null, attribution: null } });
  });

  it('refuses formats it cannot serve', () => {
    expect(read({ format: 'application/vnd.maplibre-vector-tile' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not one this app serves/) });
  });

  it('keeps bounds across the antimeridian, refuses bounds off the globe', () => {
    expect(read({ format: 'jpg', bounds: '170,-20,-170,-10' })).toMatchObject({ ok: true, problems: [], metadata: { bounds: [170, -20, -170, -10] } });
    for (const bounds of ['500,10,100,11', '107,11,108,10', '107,10,108', '107,10,108,11,0', '107,,108,11']) {
      const result = read({ format: 'jpg', bounds });
      expect(result.ok && result.metadata.bounds, bounds).toEqual([-180, -85.051129, 180, 85.051129]);
      expect(result.ok && result.problems, bounds).toEqual([expect.stringMatching(/"bounds"/)]);
    }
  });

  it('uses the tiles\' own zooms when the metadata has none or contradicts itself', () => {
    expect(read({ format: 'webp' })).toMatchObject({ ok: true, problems: [], metadata: { minzoom: 5, maxzoom: 14 } });
    expect(read({ format: 'webp', minzoom: '12', maxzoom: '3' })).toMatchObject({ ok: true, problems: [expect.stringMatching(/above "maxzoom"/)], metadata: { minzoom: 5, maxzoom: 14 } });
    expect(read({ format: 'webp', minzoom: '30' }, null)).toMatchObject({ ok: true, problems: [expect.stringMatching(/"minzoom" "30"/), 'the file holds no tiles'], metadata: { minzoom: 0, maxzoom: 24 } });
  });

  it('centres on the bounds when the given centre is outside the zooms', () => {
    const result = read({ format: 'png', minzoom: '8', maxzoom: '12', bounds: '107,10,108,11', center: '107.5,10.5,16' });
    expect(result).toMatchObject({ ok: true, problems: [expect.stringMatching(/"center"/)], metadata: { center: [107.5, 10.5, 8] } });
  });
});
