import type { OperatorDisplay, OperatorState, OperatorWall } from '../../../src-shared/operator-state';
import { DISPLAY_TIME_ZONE } from '../../constants';
import { nameIn } from '../../i18n/data-text';
import type { Translate } from '../../i18n/translate';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "22:14 01/12" in Vietnam time: a display that went at night is read the next morning, so the
 * day is always there. Empty when the time does not parse.
 */
export function formatMissingTime(isoTime: string, locale: string): string {
  const at = Date.parse(isoTime);
  if (Number.isNaN(at)) return '';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', hourCycle: 'h23' });
    formats.set(locale, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string => format.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}`;
}

/** "Màn hình mất kết nối từ 22:14 01/12" for a display gone since then. */
export function missingText(missingSince: string, t: Translate, locale: string): string {
  return t('desk.displays.missingSince', { time: formatMissingTime(missingSince, locale) });
}

/** A wall card's line about its display: where it is, since when it is gone, or what it waits for; null without one. */
export function wallDisplayText(display: OperatorWall['display'], t: Translate, locale: string): string | null {
  if (!display) return null;
  if (display.present) return t('console.display', { label: display.label });
  if (display.missingSince) return `${missingText(display.missingSince, t, locale)} · ${display.label}`;
  return t('desk.displays.awaited', { label: display.label });
}

/** One line of the console's display list, ready to render. */
export interface DisplayRow {
  key: string;
  name: string;
  size: string;
  shows: string;
  /** Null while the display is there. */
  missing: string | null;
}

/** The display list as the console shows it: what each display shows (or waits to show again). */
export function displayRows(state: Pick<OperatorState, 'displays' | 'walls'>, t: Translate, locale: string): DisplayRow[] {
  const wallName = (wallId: string): string => {
    const wall = state.walls.find((w) => w.view.wall.id === wallId)?.view.wall;
    return wall ? nameIn(wall, t.language) : wallId;
  };
  const shows = (d: OperatorDisplay): string => {
    const parts = [
      ...(d.console ? [t('desk.displays.console')] : []),
      ...(d.wallId !== null ? [t(d.present ? 'desk.displays.wall' : 'desk.displays.waiting', { name: wallName(d.wallId) })] : []),
    ];
    return parts.length > 0 ? parts.join(' · ') : t('desk.displays.free');
  };
  return state.displays.map((d) => ({
    key: d.key,
    name: d.label,
    size: t('desk.displays.size', { width: d.width, height: d.height, scale: `×${d.scaleFactor.toLocaleString(locale)}` }),
    shows: shows(d),
    missing: d.present || !d.missingSince ? null : missingText(d.missingSince, t, locale),
  }));
}
