import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../src-hub/ingest/csv-records';
import { jsonErrorOffset } from '../../../src-hub/ingest/json-error-offset';
import { bodyFormat, parseBody } from '../../../src-hub/ingest/parse-body';
import { validateRecord, WHOLE_RECORD } from '../../../src-hub/ingest/validate-record';
import { validRecord } from '../../helpers/hub-fixtures';

const NOW = Date.now();

describe('CSV records', () => {
  it('builds nested records from dotted headers and coerces cells by the schema, not by their look', () => {
    const csv = 'stationId,stationName,district,time,aqi,pm25,waterLevelCm\n0042,"Trạm ""A""",2024,2026-11-23T08:00:00+07:00,51,,-12.5e1\n';
    const parsed = csvRecords('environment', csv);
    expect(parsed).toEqual({
      ok: true,
      records: [{ stationId: '0042', stationName: 'Trạm "A"', district: '2024', time: '2026-11-23T08:00:00+07:00', aqi: 51, waterLevelCm: -125 }],
    });
    const alerts = csvRecords('alert', 'id,location.district,location.point.lat,location.point.lng\na,TP. Bà Rịa,10.5,107.2\n');
    expect(alerts).toEqual({ ok: true, records: [{ id: 'a', location: { district: 'TP. Bà Rịa', point: { lat: 10.5, lng: 107.2 } } }] });
    const defs = csvRecords('kpi-definition', 'id,higherIsBetter,decimals\nk,FALSE,2\nl,no,1.5\n');
    expect(defs).toEqual({ ok: true, records: [{ id: 'k', higherIsBetter: false, decimals: 2 }, { id: 'l', higherIsBetter: 'no', decimals: 1.5 }] });
  });

  it('keeps text that is not clearly a number as text, for the schema to reject', () => {
    const parsed = csvRecords('kpi', 'value\n12 %\n"1,5"\n0x10\nInfinity\n');
    expect(parsed.ok && parsed.records.map((r) => r.value)).toEqual(['12 %', '1,5', '0x10', 'Infinity']);
  });

  it('refuses headers that are not single fields of the topic', () => {
    expect(csvRecords('kpi', 'kpiId,kpiId\na,b')).toEqual({ ok: false, error: expect.stringMatching(/appears twice/) });
    expect(csvRecords('kpi', '__proto__.x\n1')).toEqual({ ok: false, error: expect.stringMatching(/not a field of topic "kpi"/) });
    expect(csvRecords('alert', 'location.constructor\n1')).toEqual({ ok: false, error: expect.stringMatching(/not a field/) });
    expect(csvRecords('alert', 'location..district\n1')).toEqual({ ok: false, error: expect.stringMatching(/not a field/) });
    expect(csvRecords('alert', 'location\n1')).toEqual({ ok: false, error: expect.stringMatching(/not a single value/) });
    expect(csvRecords('kpi', '')).toEqual({ ok: false, error: 'CSV: no header row' });
    expect(csvRecords('kpi', 'kpiId\n"a')).toEqual({ ok: false, error: expect.stringMatching(/^CSV: Quote Not Closed/) });
  });
});

describe('record validation', () => {
  it('accepts a valid record and returns it with defaults filled in', () => {
    const { decimals: _d, higherIsBetter: _h, ...bare } = validRecord('kpi-definition', 1);
    expect(validateRecord('kpi-definition', bare, NOW)).toEqual({ ok: true, payload: { ...bare, decimals: 0, higherIsBetter: true } });
  });

  it('names every bad field by its dotted path', () => {
    const record = { ...validRecord('alert'), severity: 'huge', location: { district: '', point: { lat: 91, lng: 0 } }, extra: 1 };
    const check = validateRecord('alert', record, NOW);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.issues.map((i) => i.field).sort()).toEqual(['extra', 'location.district', 'location.point.lat', 'severity']);
  });

  it('names the whole record when it is not an object, or fails a rule across fields', () => {
    expect(validateRecord('kpi', [1], NOW)).toEqual({ ok: false, issues: [{ field: WHOLE_RECORD, message: 'expected an object, got an array' }] });
    expect(validateRecord('kpi', null, NOW)).toEqual({ ok: false, issues: [{ field: WHOLE_RECORD, message: 'expected an object, got null' }] });
    const { aqi: _a, pm25: _p, ...none } = validRecord('environment');
    const check = validateRecord('environment', none, NOW);
    expect(!check.ok && check.issues[0]).toEqual({ field: WHOLE_RECORD, message: expect.stringMatching(/at least one of/) });
  });

  it('rejects a time more than five minutes ahead of the hub clock, in any date-time field', () => {
    const soon = new Date(NOW + 4 * 60_000).toISOString();
    const late = new Date(NOW + 6 * 60_000).toISOString();
    expect(validateRecord('kpi', { ...validRecord('kpi'), time: soon }, NOW).ok).toBe(true);
    const check = validateRecord('citizen-report', { ...validRecord('citizen-report'), resolvedAt: late }, NOW);
    expect(!check.ok && check.issues).toEqual([{ field: 'resolvedAt', message: `${late} is more than 5 minutes in the future` }]);
  });

  it('reports at most 20 issues and clips absurd field names', () => {
    const junk = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${'k'.repeat(500)}${i}`, i]));
    const check = validateRecord('kpi', junk, NOW);
    expect(!check.ok && check.issues.length).toBe(20);
    expect(!check.ok && check.issues[0]!.field.length).toBeLessThanOrEqual(121);
  });
});

describe('ingest bodies', () => {
  it('takes JSON and CSV content types only', () => {
    expect(bodyFormat('application/json; charset=utf-8')).toBe('json');
    expect(bodyFormat('Text/CSV')).toBe('csv');
    expect(bodyFormat('text/plain')).toBeUndefined();
    expect(bodyFormat(undefined)).toBeUndefined();
  });

  it('finds where JSON goes wrong, line and column', () => {
    for (const [text, offset] of [
      ['[1, 2,]', 6],
      ['{"a": tru}', 6],
      ['[{"a": 1} {"b": 2}]', 10],
      ['["ok", "bad \\x"]', 12],
      ['[1] 2', 4],
      ['[' + '['.repeat(100_000), 100_001],
    ] as const) {
      expect(jsonErrorOffset(text), text.slice(0, 20)).toBe(offset);
    }
    const parsed = parseBody('kpi', 'json', Buffer.from('[\n  {"kpiId": "a",\n   "value": }\n]'));
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^body is not valid JSON: [\s\S]*\(line 3, column 13\)$/) });
  });

  it('refuses bodies that are not UTF-8 or hold no records', () => {
    expect(parseBody('kpi', 'json', Buffer.from([0x5b, 0xff, 0x5d]))).toEqual({ ok: false, error: 'body is not valid UTF-8' });
    expect(parseBody('kpi', 'json', Buffer.from('{"records": []}'))).toEqual({ ok: false, error: 'body holds no records' });
    expect(parseBody('kpi', 'csv', Buffer.from('\uFEFFkpiId\na\n'))).toEqual({ ok: true, records: [{ kpiId: 'a' }] });
  });
});
