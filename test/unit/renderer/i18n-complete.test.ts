import { describe, expect, it } from 'vitest';
import { LANGUAGE_NAMES } from '../../../src-shared/bilingual';
import { COMMAND_NAMES, COMMANDS } from '../../../src-shared/commands';
import { VN_AQI_BANDS } from '../../../src-shared/map';
import { SUBSYSTEMS } from '../../../src-shared/subsystems';
import { en } from '../../../src-renderer/i18n/en';
import { vi } from '../../../src-renderer/i18n/vi';
import { DEFAULT_AGENDAS, DEFAULT_RULES, DEFAULT_SCHEDULES } from '../../../src-main/config/default-operations';
import { DEFAULT_LAYOUTS, DEFAULT_PRESETS, DEFAULT_WALLS } from '../../../src-main/config/default-walls';
import { ALERT_TEMPLATES } from '../../../src-hub/demo/alert-templates';
import { ALERT_TEXT_EN, KPI_ENGLISH, STATION_NAME_EN } from '../../../src-hub/demo/demo-english';
import { DEMO_STATIONS } from '../../../src-hub/demo/environment-feed';
import { DEMO_KPI_DEFINITIONS } from '../../../src-hub/demo/kpi-catalog';
import { UNIT_KPI } from '../../../src-hub/demo/unit-kpi-feed';

/**
 * Every string the UI shows exists in both languages: each catalogue key has a non-empty value in
 * Vietnamese and English with the same `{placeholders}`, and no English value is Vietnamese left
 * untranslated (Vietnamese diacritics). The same holds for the tables the host and the data words
 * themselves: command labels, subsystems, AQI bands, the demo config and the demo hub's English.
 * Proper names keep their marks in English ("Bà Rịa – Vũng Tàu"): only the names listed here may.
 */

/** Letters only Vietnamese writes: a vowel with a tone or hat, and đ. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

/** Place names an English text may carry as the province writes them. */
const PROPER_NAMES = ['Bà Rịa', 'Vũng Tàu', 'Côn Đảo', 'Phú Mỹ', 'Tam Thắng', 'Thắng Tam', 'Phước Thắng', 'Tân Phước', 'Long Hải', 'Đất Đỏ', 'Xuyên Mộc', 'Ngãi Giao', 'Cái Mép', 'Giếng Nước'];

const withoutProperNames = (text: string): string => PROPER_NAMES.reduce((rest, name) => rest.split(name).join(''), text);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Why a pair of texts is not a complete translation, or null. */
function problem(vi: string | undefined, en: string | undefined): string | null {
  if (vi === undefined || vi.trim() === '') return 'Vietnamese missing or empty';
  if (en === undefined || en.trim() === '') return 'English missing or empty';
  if (placeholders(vi).join() !== placeholders(en).join()) return `placeholders differ: vi {${placeholders(vi).join(', ')}} en {${placeholders(en).join(', ')}}`;
  if (VIETNAMESE.test(withoutProperNames(en))) return `English looks untranslated: "${en}"`;
  return null;
}

/** Every problem of a table of pairs, by its key: empty when the table is complete. */
function problems(pairs: Iterable<readonly [string, string | undefined, string | undefined]>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, viText, enText] of pairs) {
    const why = problem(viText, enText);
    if (why) found[key] = why;
  }
  return found;
}

describe('the UI catalogues', () => {
  it('have every key of either language, non-empty, with the same placeholders, and English that is English', () => {
    const keys = new Set([...Object.keys(vi), ...Object.keys(en)]);
    const table = vi as Record<string, string | undefined>;
    const english = en as Record<string, string | undefined>;
    expect(problems([...keys].map((key) => [key, table[key], english[key]] as const))).toEqual({});
  });

  it('keep operator screens free of technical words in Vietnamese', () => {
    const jargon = /\bhub\b|\bseq\b|giải mã|tại giao diện|\bcache\b|\bHLS\b|\bkiosk\b/iu;
    expect(Object.entries(vi).filter(([, text]) => jargon.test(text))).toEqual([]);
  });

  it('write "vừa cập nhật", not "cập nhật vừa xong"', () => {
    expect(Object.values(vi).filter((text) => /cập nhật vừa xong/u.test(text))).toEqual([]);
    expect(vi['tile.updatedJustNow']).toBe('vừa cập nhật');
  });
});

describe('the bilingual tables of the host and the data', () => {
  it('name every command in both languages', () => {
    expect(problems(COMMAND_NAMES.map((name) => [name, COMMANDS[name].vi, COMMANDS[name].en] as const))).toEqual({});
  });

  it('name every subsystem, AQI band and language in both languages', () => {
    expect(problems(Object.values(SUBSYSTEMS).map((s) => [s.id, s.vi, s.en] as const))).toEqual({});
    expect(problems(VN_AQI_BANDS.map((band) => [String(band.max), band.vi, band.en] as const))).toEqual({});
    expect(problems(Object.entries(LANGUAGE_NAMES).map(([id, name]) => [id, name.vi, name.en] as const))).toEqual({});
  });

  it('give every name of the demo config an English one', () => {
    const tileTitles = DEFAULT_LAYOUTS.flatMap((layout) => layout.tiles.flatMap((tile) => ('title' in tile && tile.title !== undefined ? [[`${layout.id}/${tile.id}`, tile.title, tile.titleEn] as const] : [])));
    const steps = DEFAULT_AGENDAS.flatMap((agenda) =>
      agenda.steps.flatMap((step, i) => [
        ...(step.title !== undefined ? [[`${agenda.id}[${i}].title`, step.title, step.titleEn] as const] : []),
        ...(step.note !== undefined ? [[`${agenda.id}[${i}].note`, step.note, step.noteEn] as const] : []),
      ]),
    );
    const named = [...DEFAULT_LAYOUTS, ...DEFAULT_WALLS, ...DEFAULT_PRESETS, ...DEFAULT_AGENDAS, ...DEFAULT_RULES].map((item) => [item.id, item.name, item.nameEn] as const);
    const schedules = DEFAULT_SCHEDULES.map((s) => [s.id, s.name, s.nameEn] as const);
    expect(problems([...named, ...schedules, ...tileTitles, ...steps])).toEqual({});
  });

  it("give every demo KPI, alert template and station an English form, and units in English where they are words", () => {
    const definitions = [...DEMO_KPI_DEFINITIONS, UNIT_KPI];
    expect(problems(definitions.map((d) => [d.id, d.vi, d.en] as const))).toEqual({});
    expect(problems(definitions.map((d) => [`${d.id} short`, d.shortVi, d.shortEn] as const))).toEqual({});
    // A unit written with letters (hồ sơ, lượt) needs its English; symbols (%, µg/m³) read the same.
    const wordUnits = definitions.filter((d) => VIETNAMESE.test(d.unit));
    expect(problems(wordUnits.map((d) => [`${d.id} unit`, d.unit, d.unitEn] as const))).toEqual({});
    expect(wordUnits.length).toBeGreaterThan(0);
    expect(Object.keys(KPI_ENGLISH).sort()).toEqual(definitions.map((d) => d.id).sort());

    expect(problems(ALERT_TEMPLATES.map((template) => [template.category, template.text, ALERT_TEXT_EN[template.category]] as const))).toEqual({});
    // Station names are names, but say what the station is: the English says it in English.
    expect(problems(DEMO_STATIONS.map((station) => [station.id, station.name, STATION_NAME_EN[station.id]] as const))).toEqual({});
  });
});

describe('the check itself', () => {
  it('catches each kind of gap it is there for', () => {
    expect(problem('Mục tiêu {target}', undefined)).toMatch(/English missing/);
    expect(problem('Mục tiêu {target}', ' ')).toMatch(/English missing/);
    expect(problem('', 'Target')).toMatch(/Vietnamese missing/);
    expect(problem('Mục tiêu {target}', 'Target')).toMatch(/placeholders differ/);
    expect(problem('Mục tiêu', 'Mục tiêu')).toMatch(/untranslated/);
    expect(problem('Đang kết nối', 'Đang connecting')).toMatch(/untranslated/);
    expect(problem('Chỉ số AQI – TP. Vũng Tàu', 'AQI – Vũng Tàu City')).toBeNull();
  });
});
