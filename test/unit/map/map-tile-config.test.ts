import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { layoutSchema, mapTileSchema } from '../../../src-shared/domain';
import { pushedContentSchema } from '../../../src-shared/wall-view';

const area = { col: 1, row: 1, colSpan: 1, rowSpan: 1 };
const problems = (value: unknown): string[] => {
  const result = mapTileSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('map tile config', () => {
  it('fills in the province view and the four live layers', () => {
    expect(mapTileSchema.parse({ id: 'm', kind: 'map', area })).toEqual({ id: 'm', kind: 'map', area, view: 'province', layers: ['cameras', 'alerts', 'reports', 'stations'] });
    expect(mapTileSchema.parse({ id: 'm', kind: 'map', area, follow: {} }).follow).toEqual({ minSeverity: 'critical', returnAfterSeconds: 30 });
  });

  it('names the field of each mistake', () => {
    expect(problems({ id: 'm', kind: 'map', area, layers: ['cameras', 'roads'] })[0]).toMatch(/^layers\.1: /);
    expect(problems({ id: 'm', kind: 'map', area, layers: ['units'] })).toEqual(['units: the "units" layer needs units.kpiId: the KPI drawn per unit']);
    expect(problems({ id: 'm', kind: 'map', area, layers: ['alerts', 'alerts'] })).toEqual(['layers: a layer is named twice']);
    expect(problems({ id: 'm', kind: 'map', area, view: { bbox: [107.5, 10.3, 107.0, 10.8] } }).join()).toContain('west < east');
    expect(problems({ id: 'm', kind: 'map', area, view: { named: 'phu-my', zoom: 3 } })[0]).toMatch(/^view/);
    expect(problems({ id: 'm', kind: 'map', area, follow: { returnAfterSeconds: 1 } })[0]).toMatch(/^follow\.returnAfterSeconds: /);
    expect(problems({ id: 'm', kind: 'map', area, centre: [107, 10] })[0]).toMatch(/Unrecognized key.*centre/);
    const layout = layoutSchema.safeParse({ id: 'l', name: 'L', cols: 1, rows: 1, tiles: [{ id: 'm', kind: 'map', area, layers: 'cameras' }] });
    expect(layout.success).toBe(false);
    expect(z.prettifyError(layout.error!)).toContain('tiles[0].layers');
  });

  it('is pushed as a view and its layers, nothing else', () => {
    expect(pushedContentSchema.parse({ kind: 'map', view: { named: 'con-dao' } })).toEqual({ kind: 'map', view: { named: 'con-dao' }, layers: ['cameras', 'alerts', 'reports', 'stations'] });
    expect(pushedContentSchema.safeParse({ kind: 'map', view: 'world' }).success).toBe(false);
  });
});
