import type { TickerTile as TickerTileConfig } from '../../../src-shared/domain';
import { InboxIcon } from '../../components/icons';
import { TileFrame } from '../../components/tile-frame';
import { TileMessage } from '../../components/tile-message';
import { ageMs, formatAge } from '../../format/age';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { useFeedStore } from '../../stores/feed-store';
import { TickerRow } from './ticker-row';

const TICKER_ACCENT = '#f59e0b';

/**
 * Newest alerts stacked from the top; rows that do not fit are clipped at the bottom, so the
 * newest are always visible. Alerts are events, not a stream: a quiet hour is not stale data.
 */
export function TickerTile({ tile }: { tile: TickerTileConfig }) {
  const t = useT();
  const now = useNow();
  const items = useFeedStore((s) => s.items);
  const newest = items[0];
  return (
    <TileFrame
      tile={tile}
      accent={TICKER_ACCENT}
      title={tile.title ?? t('ticker.title')}
      ageText={newest ? t('tile.updated', { age: formatAge(ageMs(newest.time, now), t) }) : t('tile.noData')}
      freshness={newest ? 'fresh' : 'nodata'}
    >
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
