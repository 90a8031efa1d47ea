import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src-main/config/load-config';

/**
 * The config's names take an English form beside the Vietnamese: accepted everywhere a name is,
 * checked like the rest (not empty, not too long), and never needed.
 */
function configFile(config: object): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ioc-config-en-')), 'ioc-wall.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

const area = { col: 1, row: 1 };
const config = {
  layouts: [
    {
      id: 'a',
      name: 'Tổng quan',
      nameEn: 'Overview',
      cols: 2,
      rows: 2,
      tiles: [
        { id: 't', kind: 'text', title: 'Trực ban', titleEn: 'Duty officer', text: 'Đ/c Nguyễn Văn An', textEn: 'Mr Nguyễn Văn An', area },
        { id: 'k', kind: 'ticker', title: 'Cảnh báo', titleEn: 'Alerts', area: { col: 2, row: 1 } },
        { id: 'r', kind: 'camera-tour', title: 'Tuần tra', titleEn: 'Tour', cameraIds: ['c1', 'c2'], area: { col: 1, row: 2 } },
        { id: 'm', kind: 'map', title: 'Bản đồ', titleEn: 'Map', view: { named: 'cd' }, area: { col: 2, row: 2 } },
      ],
    },
  ],
  walls: [{ id: '1', name: 'Tường trái', nameEn: 'Left wall', layoutId: 'a' }],
  presets: [{ id: 'p', name: 'Giao ban', nameEn: 'Briefing', layouts: { '1': 'a' } }],
  agendas: [{ id: 'g', name: 'Giao ban sáng', nameEn: 'Morning briefing', steps: [{ title: 'Mở đầu', titleEn: 'Opening', presetId: 'p', note: 'Chủ trì khai mạc', noteEn: 'The chair opens' }] }],
  schedules: [{ id: 's', name: 'Sáng thứ Hai', nameEn: 'Monday morning', at: '07:30', agendaId: 'g' }],
  rules: [{ id: 'r', name: 'Va chạm', nameEn: 'Collision', match: { categories: ['va-cham'] }, wallId: '1', action: { kind: 'camera' } }],
  map: { views: [{ id: 'cd', name: 'Côn Đảo', nameEn: 'Côn Đảo Islands', bbox: [106.52, 8.63, 106.72, 8.78] }] },
};

describe('English names in the config', () => {
  it('are accepted on every named thing and kept as given', () => {
    const loaded = loadConfig(configFile(config));
    expect(loaded.errors).toEqual([]);
    expect(loaded.config.layouts[0]).toMatchObject({ nameEn: 'Overview', tiles: [{ titleEn: 'Duty officer', textEn: 'Mr Nguyễn Văn An' }, { titleEn: 'Alerts' }, { titleEn: 'Tour' }, { titleEn: 'Map' }] });
    expect(loaded.config.walls[0]?.nameEn).toBe('Left wall');
    expect(loaded.config.presets[0]?.nameEn).toBe('Briefing');
    expect(loaded.config.agendas[0]).toMatchObject({ nameEn: 'Morning briefing', steps: [{ titleEn: 'Opening', noteEn: 'The chair opens' }] });
    expect(loaded.config.schedules[0]?.nameEn).toBe('Monday morning');
    expect(loaded.config.rules[0]?.nameEn).toBe('Collision');
    expect(loaded.config.map.views[0]?.nameEn).toBe('Côn Đảo Islands');
  });

  it('are checked like the Vietnamese: an empty or overlong one is an error naming the field', () => {
    const loaded = loadConfig(configFile({ ...config, walls: [{ id: '1', name: 'Tường trái', nameEn: '', layoutId: 'a' }], presets: [{ id: 'p', name: 'Giao ban', nameEn: 'x'.repeat(81), layouts: { '1': 'a' } }] }));
    expect(loaded.errors.some((e) => e.includes('walls') && e.includes('nameEn'))).toBe(true);
    expect(loaded.errors.some((e) => e.includes('presets') && e.includes('nameEn'))).toBe(true);
  });
});
