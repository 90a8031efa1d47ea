import { describe, expect, it } from 'vitest';
import { ageMs, formatAge, formatDuration } from '../../../src-renderer/format/age';
import { formatNumber } from '../../../src-renderer/format/numbers';
import { formatClockTime, formatShortTime } from '../../../src-renderer/format/time';
import { translator } from '../../../src-renderer/i18n/translate';

const vi = translator('vi');
const en = translator('en');

describe('data age', () => {
  it('reads as relative time in Vietnamese and English', () => {
    expect(formatAge(400, vi)).toBe('vừa xong');
    expect(formatAge(3_200, vi)).toBe('3 giây trước');
    expect(formatAge(3_200, en)).toBe('3 s ago');
    expect(formatAge(125_000, vi)).toBe('2 phút trước');
    expect(formatAge(2 * 3_600_000, vi)).toBe('2 giờ trước');
    expect(formatAge(3 * 86_400_000, en)).toBe('3 d ago');
    expect(formatAge(Number.POSITIVE_INFINITY, vi)).toBe('Chưa có dữ liệu');
  });

  it('measures from an ISO time and never goes negative when the hub clock is ahead', () => {
    const now = Date.parse('2025-11-23T08:00:10+07:00');
    expect(ageMs('2025-11-23T08:00:07+07:00', now)).toBe(3_000);
    expect(ageMs('2025-11-23T08:00:12+07:00', now)).toBe(0);
    expect(ageMs('not a time', now)).toBe(Number.POSITIVE_INFINITY);
  });

  it('names a threshold as a plain span', () => {
    expect(formatDuration(45, vi)).toBe('45 giây');
    expect(formatDuration(600, vi)).toBe('10 phút');
    expect(formatDuration(6 * 3600, en)).toBe('6 h');
    expect(formatDuration(400 * 86_400, vi)).toBe('400 ngày');
  });
});

describe('Vietnamese formatting', () => {
  it('formats numbers the vi-VN way with the KPI decimals', () => {
    expect(formatNumber(38250, 0, 'vi-VN')).toBe('38.250');
    expect(formatNumber(97.25, 1, 'vi-VN')).toMatch(/^97,[23]$/);
    expect(formatNumber(8, 2, 'vi-VN')).toBe('8,00');
  });

  it('shows times in Vietnam time whatever the machine zone', () => {
    expect(formatClockTime(Date.parse('2025-11-23T01:02:03Z'), 'vi-VN')).toBe('08:02:03');
    expect(formatShortTime('2025-11-23T16:30:00Z', 'vi-VN')).toBe('23:30');
    expect(formatShortTime('garbage', 'vi-VN')).toBe('');
  });
});
