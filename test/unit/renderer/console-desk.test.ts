import { beforeEach, describe, expect, it } from 'vitest';
import type { Tile } from '../../../src-shared/domain';
import type { OperatorState } from '../../../src-shared/operator-state';
import type { WallView } from '../../../src-shared/wall-view';
import { nameBook } from '../../../src-renderer/console/names';
import { draftContent } from '../../../src-renderer/console/push/push-draft-store';
import { tileText } from '../../../src-renderer/console/walls/tile-text';
import { wallSourceText } from '../../../src-renderer/console/walls/wall-source';
import { formatCountdown, remainingNow } from '../../../src-renderer/format/countdown';
import { foldForSearch, matchesSearch } from '../../../src-renderer/format/search-text';
import { translator } from '../../../src-renderer/i18n/translate';
import { useOperatorStore } from '../../../src-renderer/stores/operator-store';
import { emptyTable, tableFrom } from '../../../src-renderer/stores/topic-table';
import { camera, hubMessage, TEST_DEFINITION } from '../../helpers/hub-messages';

const t = translator('vi');

describe('console search', () => {
  it('finds Vietnamese names typed without marks, in any case', () => {
    expect(foldForSearch('Vũng Tàu')).toBe('vung tau');
    expect(foldForSearch('  Đường   ĐT 44A ')).toBe('duong dt 44a');
    expect(matchesSearch('vung tau', ['Bãi Sau – Thùy Vân', 'TP. Vũng Tàu'])).toBe(true);
    expect(matchesSearch('BA RIA cho', ['Chợ Bà Rịa', 'TP. Bà Rịa'])).toBe(true);
    expect(matchesSearch('cầu cỏ', ['Cầu Cỏ May', undefined])).toBe(true);
    expect(matchesSearch('con dao', ['Cầu Cỏ May', 'TP. Vũng Tàu'])).toBe(false);
    expect(matchesSearch('   ', ['anything'])).toBe(true);
  });
});

describe('agenda countdown', () => {
  it('formats time left to the second, rounding up so 0:00 means done', () => {
    expect(formatCountdown(179_001)).toBe('3:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('counts down from when the host sent the state only while running', () => {
    expect(remainingNow(60_000, 1_000, 11_000, true)).toBe(50_000);
    expect(remainingNow(60_000, 1_000, 90_000, true)).toBe(0);
    expect(remainingNow(60_000, 1_000, 11_000, false)).toBe(60_000);
    // A console clock slightly behind the receipt time never adds time.
    expect(remainingNow(60_000, 2_000, 1_000, true)).toBe(60_000);
  });
});

describe('wall source', () => {
  const lookups: Pick<OperatorState, 'presets' | 'agendas' | 'schedules'> = {
    presets: [{ id: 'dieu-hanh-giao-thong', name: 'Điều hành giao thông', layouts: {} }],
    agendas: [{ id: 'giao-ban', name: 'Giao ban sáng thứ Hai', steps: [{ note: 'a' }, { note: 'b' }, { note: 'c' }] }],
    schedules: [{ id: 'sang-thu-hai', at: '07:30', days: ['mon'], name: 'Giao ban 7:30', kind: 'agenda' }],
  };
  const source = (s: WallView['source'], takeover: WallView['takeover'] = null): string => wallSourceText({ source: s, takeover }, lookups, t);

  it('says who put the wall there, by name', () => {
    expect(source({ kind: 'preset', id: 'dieu-hanh-giao-thong' })).toBe('Kịch bản: Điều hành giao thông');
    expect(source({ kind: 'agenda', id: 'giao-ban', step: 1 })).toBe('Giao ban sáng thứ Hai · bước 2/3');
    expect(source({ kind: 'operator' })).toBe('Do cán bộ vận hành thay đổi');
    expect(source({ kind: 'schedule', id: 'sang-thu-hai' })).toBe('Theo lịch: Giao ban 7:30');
    expect(source({ kind: 'config' })).toBe('Bố cục mặc định theo cấu hình');
    expect(source({ kind: 'rule', id: 'va-cham' })).toBe('Theo cảnh báo: va-cham');
  });

  it('falls back to the id of something the console does not know', () => {
    expect(source({ kind: 'preset', id: 'da-xoa' })).toBe('Kịch bản: da-xoa');
  });
});

describe('tile text', () => {
  const names = nameBook(tableFrom('camera', [hubMessage('camera', 1, camera('cau-co-may'))]), tableFrom('kpi-definition', [hubMessage('kpi-definition', 2, TEST_DEFINITION)]), 'vi', t);
  const area = { col: 1, row: 1, colSpan: 1, rowSpan: 1 };

  it('names cameras and KPIs the way the room does, ids only while unknown', () => {
    expect(tileText({ id: 'c', kind: 'camera', cameraId: 'cau-co-may', area }, names, t)).toEqual({ kind: 'Camera', name: 'Camera cau-co-may' });
    expect(tileText({ id: 'c', kind: 'camera', cameraId: 'chua-co', area }, names, t).name).toBe('chua-co');
    expect(tileText({ id: 'k', kind: 'kpi', kpiId: TEST_DEFINITION.id, chart: 'gauge', district: 'TP. Bà Rịa', area }, names, t)).toEqual({ kind: 'Chỉ số', name: 'Hồ sơ TTHC đúng hạn – TP. Bà Rịa', detail: 'Đồng hồ' });
    expect(names.content({ kind: 'kpi', kpiId: TEST_DEFINITION.id, chart: 'line' })).toBe('Hồ sơ TTHC đúng hạn (đồ thị)');
  });

  it('says where a tour stands and why it does not move', () => {
    const tour: Tile = { id: 'tour', kind: 'camera-tour', cameraIds: ['cau-co-may', 'b'], dwellSeconds: 15, pauseOnAlert: true, area };
    expect(tileText(tour, names, t).detail).toBe('2 camera');
    const view = { cameraId: 'cau-co-may', upcomingCameraId: 'b', msUntilAdvance: null, position: 1, count: 2, paused: false, held: true };
    expect(tileText(tour, names, t, view).detail).toBe('1/2 · Camera cau-co-may · Đang dừng để theo dõi cảnh báo');
  });

  it('has a name for every tile kind', () => {
    expect(tileText({ id: 'x', kind: 'ticker', area }, nameBook(emptyTable(), emptyTable(), 'vi', t), t).name).toBe('Cảnh báo và sự kiện');
  });
});

describe('push draft', () => {
  it('is the chosen content of the shown picker only', () => {
    const base = { source: 'camera' as const, cameraId: null, kpiId: 'aqi', chart: 'gauge' as const, district: null };
    expect(draftContent(base)).toBeNull();
    expect(draftContent({ ...base, cameraId: 'cau-co-may' })).toEqual({ kind: 'camera', cameraId: 'cau-co-may' });
    expect(draftContent({ ...base, source: 'kpi', district: 'TP. Bà Rịa' })).toEqual({ kind: 'kpi', kpiId: 'aqi', chart: 'gauge', district: 'TP. Bà Rịa' });
    expect(draftContent({ ...base, source: 'kpi' })).toEqual({ kind: 'kpi', kpiId: 'aqi', chart: 'gauge' });
  });
});

describe('operator store refusals', () => {
  beforeEach(() => useOperatorStore.setState({ pending: new Set(), failures: new Map(), commandError: null, commandErrorKey: null }));

  it('keeps a row’s refusal until that command is tried again, and the last refusal for its panel', () => {
    const store = useOperatorStore.getState();
    store.commandStarted('alert:a:ack');
    store.commandFinished('alert:a:ack', 'not connected to the hub');
    store.commandStarted('agenda:agenda.next');
    expect(useOperatorStore.getState().failures.get('alert:a:ack')).toBe('not connected to the hub');
    expect(useOperatorStore.getState().commandError).toBeNull();
    store.commandFinished('agenda:agenda.next', 'Chưa có chương trình giao ban nào đang chạy');
    expect(useOperatorStore.getState()).toMatchObject({ commandError: 'Chưa có chương trình giao ban nào đang chạy', commandErrorKey: 'agenda:agenda.next' });
    store.commandStarted('alert:a:ack');
    expect(useOperatorStore.getState().failures.has('alert:a:ack')).toBe(false);
    expect(useOperatorStore.getState().pending.has('alert:a:ack')).toBe(true);
    store.commandFinished('alert:a:ack', null);
    expect(useOperatorStore.getState().pending.size).toBe(0);
  });

  it('does not clear another command’s refusal on a success', () => {
    const store = useOperatorStore.getState();
    store.commandStarted('a');
    store.commandStarted('b');
    store.commandFinished('b', 'refused');
    store.commandFinished('a', null);
    expect(useOperatorStore.getState()).toMatchObject({ commandError: 'refused', commandErrorKey: 'b' });
  });
});
