import { useMemo } from 'react';
import type { TickerTile as TickerTileConfig } from '../../../src-shared/domain';
import { useOrderedAlerts } from '../../alerts/use-alert-list';
import { InboxIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { TICKER_MAX_ROWS } from '../../constants';
import { newestRecordTime } from '../../format/age';
import { useDataAge, useStaleAfter } from '../../hooks/use-data-age';
import { titleIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { TickerRow } from './ticker-row';
import { useFittedRows } from './use-fitted-rows';

const TICKER_ACCENT = '#f59e0b';

/**
 * The alerts in working order (alert-order.ts: open, then acknowledged, then resolved; the most
 * severe and newest first), one row per alert, as many whole rows as the tile holds and a
 * "+N cảnh báo khác" line for the rest: a row is never cut in half. Its age is the newest alert's
 * own time: no alert for longer than the alert topic's stale threshold is more likely a broken
 * feed than a quiet province, so the tile says so.
 */
export function TickerTile({ tile }: { tile: TickerTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const ordered = useOrderedAlerts();
  const items = useMemo(() => ordered.slice(0, TICKER_MAX_ROWS), [ordered]);
  // The newest alert's own time, not the latest update's: re-sending an old alert is not new data.
  const newest = useMemo(() => newestRecordTime('alert', ordered), [ordered]);
  const staleAfter = useStaleAfter('alert');
  const { ageText, freshness } = useDataAge(newest, staleAfter);
  const { boxRef, listRef, moreRef, shown } = useFittedRows(items, items.length === ordered.length);
  const hidden = ordered.length - Math.min(shown, items.length);
  return (
    <TileFrame tile={tile} accent={TICKER_ACCENT} title={titleIn(tile, language) ?? t('ticker.title')} ageText={ageText} freshness={freshness} staleAfterSeconds={staleAfter}>
      {items.length === 0 ? (
        <TileMessage icon={<InboxIcon className="tile-message__icon" />} text={t('ticker.empty')} />
      ) : (
        <div className="ticker-box" ref={boxRef}>
          <ol className="ticker" ref={listRef} aria-live="polite" data-rows-shown={Math.min(shown, items.length)} data-alerts={ordered.length}>
            {items.map((item, i) => (
              <TickerRow key={item.id} item={item} overflow={i >= shown} />
            ))}
          </ol>
          {/* Always laid out, so its height is known before it is needed; visible only when rows are left out. */}
          <p className="ticker__more" ref={moreRef} data-hidden-alerts={hidden} aria-hidden={hidden === 0 || undefined}>
            {t('ticker.more', { n: hidden })}
          </p>
        </div>
      )}
    </TileFrame>
  );
}
