import { describe, expect, it } from 'vitest';
import { localized, nameIn } from '../../../src-shared/bilingual';
import type { KpiDefinition } from '../../../src-shared/domain';
import { mapViewName } from '../../../src-shared/map';
import { unitNameIn } from '../../../src-shared/unit-name-en';
import { digestLines, type DigestInput } from '../../../src-renderer/console/digest-lines';
import { formatUpdated } from '../../../src-renderer/format/age';
import { formatNumber } from '../../../src-renderer/format/numbers';
import { formatLongDate } from '../../../src-renderer/format/time';
import { kpiUnitIn, unitPlacement, withUnit } from '../../../src-renderer/format/units';
import { localeOf, translator } from '../../../src-renderer/i18n/translate';
import { emptyTable, tableFrom } from '../../../src-renderer/stores/topic-table';
import { amendedDefinition } from '../../../src-renderer/tiles/kpi/kpi-assessment';
import { environmentReading, hubMessage, kpiPoint, TEST_DEFINITION } from '../../helpers/hub-messages';

/**
 * Numbers, units and names as each language writes them: Vietnamese 1.234,5 and 97,5%, English
 * 1,234.5 and 97.5%; AQI before its value; units, unit names and data names in English where the
 * data has an English form, and the Vietnamese where it has none.
 */

describe('numbers with their units', () => {
  it('writes a percent against the number, an index before it, other units after a space', () => {
    expect(withUnit(formatNumber(97.5, 1, localeOf('vi')), '%')).toBe('97,5%');
    expect(withUnit(formatNumber(97.5, 1, localeOf('en')), '%')).toBe('97.5%');
    expect(withUnit('42', 'AQI')).toBe('AQI 42');
    expect(withUnit(formatNumber(1450, 0, localeOf('vi')), 'hồ sơ')).toBe('1.450 hồ sơ');
    expect(withUnit(formatNumber(1234.5, 1, localeOf('en')), 'dossiers')).toBe('1,234.5 dossiers');
    expect(withUnit('21,4', ' µg/m³ ')).toBe('21,4 µg/m³');
    expect(withUnit('7', '')).toBe('7');
    expect(['%', 'AQI', 'aqi', 'lượt', ''].map(unitPlacement)).toEqual(['attached', 'before', 'before', 'after', 'none']);
  });

  it('writes dates day first in both languages', () => {
    const at = Date.parse('2025-11-24T09:00:00+07:00');
    expect(formatLongDate(at, localeOf('vi'))).toMatch(/24\/11\/2025/);
    expect(formatLongDate(at, localeOf('en'))).toMatch(/24\/11\/2025/);
  });

  it("shows a KPI's English unit in English, and a point's own unit as sent", () => {
    const definition: KpiDefinition = { ...TEST_DEFINITION, unit: 'hồ sơ', unitEn: 'dossiers' };
    expect(kpiUnitIn(definition, 'vi')).toBe('hồ sơ');
    expect(kpiUnitIn(definition, 'en')).toBe('dossiers');
    expect(kpiUnitIn({ unit: '%' }, 'en')).toBe('%');
    // A point that says its own unit has no English for it: the English wall shows it as sent.
    const amended = amendedDefinition(definition, { ...kpiPoint(3), unit: 'hộ' });
    expect(amended && kpiUnitIn(amended, 'en')).toBe('hộ');
    expect(amendedDefinition(definition, { ...kpiPoint(3), unit: 'hồ sơ', target: 9 })).toMatchObject({ unitEn: 'dossiers', target: 9 });
  });

  it('says a fresh tile "vừa cập nhật", an older one with its age', () => {
    expect(formatUpdated(400, translator('vi'))).toBe('vừa cập nhật');
    expect(formatUpdated(3_500, translator('vi'))).toBe('cập nhật 3 giây trước');
    expect(formatUpdated(400, translator('en'))).toBe('updated just now');
  });
});

describe('names from the data', () => {
  it('takes the English name where English is asked and there is one, else the Vietnamese', () => {
    expect(nameIn({ name: 'Giao ban', nameEn: 'Briefing' }, 'en')).toBe('Briefing');
    expect(nameIn({ name: 'Giao ban', nameEn: 'Briefing' }, 'vi')).toBe('Giao ban');
    expect(nameIn({ name: 'Giao ban' }, 'en')).toBe('Giao ban');
    expect(localized('Ngập nước', '  ', 'en')).toBe('Ngập nước');
    expect(mapViewName({ named: 'cd' }, [{ id: 'cd', name: 'Toàn Côn Đảo', nameEn: 'All of Côn Đảo', bbox: [106.5, 8.6, 106.7, 8.8] }], 'en')).toBe('All of Côn Đảo');
  });

  it('writes administrative units with their English rank after the name', () => {
    expect(['TP. Vũng Tàu', 'Thành phố Bà Rịa', 'TX. Phú Mỹ', 'H. Côn Đảo', 'Huyện Xuyên Mộc', 'Phường 1', 'Xã Long Sơn', 'Đặc khu Côn Đảo'].map((n) => unitNameIn(n, 'en'))).toEqual([
      'Vũng Tàu City',
      'Bà Rịa City',
      'Phú Mỹ Town',
      'Côn Đảo District',
      'Xuyên Mộc District',
      'Ward 1',
      'Long Sơn Commune',
      'Côn Đảo Special Zone',
    ]);
    expect(unitNameIn('H. Côn Đảo', 'vi')).toBe('H. Côn Đảo');
    expect(unitNameIn('Côn Đảo', 'en')).toBe('Côn Đảo');
    expect(unitNameIn('Huyện', 'en')).toBe('Huyện');
  });

  it("builds the console's figures in English: names, stations, units and districts", () => {
    const empty: DigestInput = { definitions: emptyTable(), series: emptyTable(), reports: emptyTable(), environment: emptyTable(), dossiers: emptyTable(), security: emptyTable(), mentions: emptyTable(), cameras: emptyTable() };
    const definition: KpiDefinition = { ...TEST_DEFINITION, unit: 'hồ sơ', unitEn: 'dossiers', decimals: 0 };
    const format = { t: translator('en'), language: 'en' as const, locale: localeOf('en') };
    const lines = digestLines(
      {
        ...empty,
        definitions: tableFrom('kpi-definition', [hubMessage('kpi-definition', 1, definition)]),
        series: tableFrom('kpi', [hubMessage('kpi', 2, { ...kpiPoint(1234, TEST_DEFINITION.id, 'H. Côn Đảo'), unit: 'hồ sơ' })]),
        environment: tableFrom('environment', [hubMessage('environment', 3, { ...environmentReading('st', 57), stationNameEn: 'Station st' })]),
      },
      format,
    );
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      [`${TEST_DEFINITION.en} – Côn Đảo District`, '1,234 dossiers'],
      ['Air quality – Station st', 'AQI 57'],
    ]);
  });
});
