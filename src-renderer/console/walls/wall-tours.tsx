import type { WallView } from '../../../src-shared/wall-view';
import { operatorCommand } from '../../bridge/host-actions';
import { titleIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { usePending } from '../commands/use-pending';
import { useNameBook } from '../names';

type TourAction = 'previous' | 'toggle-pause' | 'next';

/** The wall's camera tours: where each stands, whether it is paused or held on an alert, and its controls. */
export function WallTours({ view }: { view: WallView }) {
  const t = useT();
  const names = useNameBook();
  const wallId = view.wall.id;
  const tours = view.layout.tiles.flatMap((tile) => (tile.kind === 'camera-tour' && view.tours[tile.id] ? [{ tile, tour: view.tours[tile.id]! }] : []));
  if (tours.length === 0) return null;
  return (
    <ul className="wall-tours">
      {tours.map(({ tile, tour }) => (
        <li key={tile.id} className="wall-tours__item" data-tour-tile-id={tile.id} data-tour-state={tour.held ? 'held' : tour.paused ? 'paused' : 'running'}>
          <span className="wall-tours__text">
            <strong>{titleIn(tile, t.language) ?? t('tour.title')}</strong> {tour.position}/{tour.count} · {names.camera(tour.cameraId)}
            {tour.held ? <span className="wall-tours__state wall-tours__state--held"> · {t('tour.heldByAlert')}</span> : null}
            {tour.paused && !tour.held ? <span className="wall-tours__state"> · {t('tour.paused')}</span> : null}
          </span>
          <span className="wall-tours__buttons">
            <TourButton wallId={wallId} tileId={tile.id} action="previous" label={t('desk.tour.previous')} />
            <TourButton wallId={wallId} tileId={tile.id} action="toggle-pause" label={tour.paused ? t('desk.tour.resume') : t('desk.tour.pause')} pressed={tour.paused} />
            <TourButton wallId={wallId} tileId={tile.id} action="next" label={t('desk.tour.next')} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function TourButton({ wallId, tileId, action, label, pressed }: { wallId: string; tileId: string; action: TourAction; label: string; pressed?: boolean }) {
  const key = `wall:${wallId}:tour:${tileId}:${action}`;
  const pending = usePending(key);
  return (
    <button type="button" className="desk-button desk-button--small" data-action={`tour-${action}`} aria-pressed={pressed} disabled={pending} onClick={() => void operatorCommand(key, 'tour.control', { wallId, tileId, action })}>
      {label}
    </button>
  );
}
