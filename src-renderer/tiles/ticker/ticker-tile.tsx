import { useMemo } from 'react';
import type { TickerTile as TickerTileConfig } from '../../../src-shared/domain';
import { InboxIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { TICKER_MAX_ROWS } from '../../constants';
import { newestRecordTime } from '../../format/age';
import { useDataAge, useStaleAfter } from '../../hooks/use-data-age';
import { titleIn } from '../../i18n/data-text';
import { useLanguage, useT } from '../../i18n/use-t';
import { useFeedStore } from '../../stores/feed-store';
import { currentRecords, newestFirst } from '../../stores/topic-table';
import { TickerRow } from './ticker-row';

const TICKER_ACCENT = '#f59e0b';

/**
 * The alerts updated most recently, stacked from the top; rows that do not fit are clipped at the
 * bottom. Its age is the newest alert's own time: no alert for longer than the alert topic's stale
 * threshold is more likely a broken feed than a quiet province, so the tile says so.
 */
export function TickerTile({ tile }: { tile: TickerTileConfig }) {
  const t = useT();
  const language = useLanguage();
  const alerts = useFeedStore((s) => s.table);
  const items = useMemo(() => newestFirst(alerts).slice(0, TICKER_MAX_ROWS), [alerts]);
  // The newest alert's own time, not the latest update's: re-sending an old alert is not new data.
  const newest = useMemo(() => newestRecordTime('alert', currentRecords(alerts)), [alerts]);
  const staleAfter = useStaleAfter('alert');
  const { ageText, freshness } = useDataAge(newest, staleAfter);
  return (
    <TileFrame tile={tile} accent={TICKER_ACCENT} title={titleIn(tile, language) ?? t('ticker.title')} ageText={ageText} freshness={freshness} staleAfterSeconds={staleAfter}>
      {items.length === 0 ? (
        <TileMessage icon={<InboxIcon className="tile-message__icon" />} text={t('ticker.empty')} />
      ) : (
        <ol className="ticker" aria-live="polite">
          {items.map((item) => (
            <TickerRow key={item.id} item={item} />
          ))}
        </ol>
      )}
    </TileFrame>
  );
}
