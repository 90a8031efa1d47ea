import { FOCUS_TILE_ID, type WallView } from '../../../src-shared/wall-view';
import { operatorCommand } from '../../bridge/host-actions';
import { useT } from '../../i18n/use-t';
import { usePending } from '../commands/use-pending';
import { useNameBook } from '../names';
import { tileText } from './tile-text';

function ClearPushButton({ wallId, tileId }: { wallId: string; tileId: string }) {
  const t = useT();
  const key = `wall:${wallId}:clear:${tileId}`;
  const pending = usePending(key);
  return (
    <button type="button" className="desk-button desk-button--small" data-action="clear-push" data-pushed-tile-id={tileId} disabled={pending} aria-busy={pending || undefined} onClick={() => void operatorCommand(key, 'wall.clear-push', { wallId, tileId })}>
      {t('desk.push.clear')}
    </button>
  );
}

function RestoreButton({ wallId }: { wallId: string }) {
  const t = useT();
  const key = `wall:${wallId}:restore`;
  const pending = usePending(key);
  return (
    <button type="button" className="desk-button desk-button--small" data-action="restore" disabled={pending} aria-busy={pending || undefined} onClick={() => void operatorCommand(key, 'wall.restore', { wallId })}>
      {t('desk.enlarged.restore')}
    </button>
  );
}

/** What operators changed on top of the layout: the enlarged tile, and each pushed tile with a way back. */
export function WallPushes({ view }: { view: WallView }) {
  const t = useT();
  const names = useNameBook();
  const wallId = view.wall.id;
  const enlarged = view.enlargedTileId === FOCUS_TILE_ID ? view.focus : view.layout.tiles.find((tile) => tile.id === view.enlargedTileId);
  if (!enlarged && view.pushedTileIds.length === 0) return null;
  return (
    <ul className="wall-changes">
      {enlarged ? (
        <li className="wall-changes__item" data-enlarged-tile-id={enlarged.id}>
          <span className="wall-changes__text">{t('desk.enlarged.line', { name: tileText(enlarged, names, t, view.tours[enlarged.id]).name })}</span>
          <RestoreButton wallId={wallId} />
        </li>
      ) : null}
      {view.pushedTileIds.map((tileId) => {
        const tile = view.layout.tiles.find((candidate) => candidate.id === tileId);
        const text = tile ? tileText(tile, names, t) : null;
        return (
          <li key={tileId} className="wall-changes__item" data-pushed-tile={tileId}>
            <span className="wall-changes__text" title={tileId}>
              {tile ? t('desk.push.line', { row: tile.area.row, col: tile.area.col, what: text ? `${text.kind}: ${text.name}` : tileId }) : tileId}
            </span>
            <ClearPushButton wallId={wallId} tileId={tileId} />
          </li>
        );
      })}
    </ul>
  );
}
