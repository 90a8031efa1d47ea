import type { OperatorWall } from '../../../src-shared/operator-state';
import { nameIn } from '../../i18n/data-text';
import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { usePending } from '../commands/use-pending';
import { useNameBook } from '../names';
import { WallThumbnail } from '../walls/wall-thumbnail';
import { focusCamera, pushDraftTo } from './push-actions';
import { usePushDraftStore } from './push-draft-store';
import { useDraftContent } from './use-draft-content';

const NO_WALLS: OperatorWall[] = [];

/**
 * Where the chosen content goes: a wall (the selected one unless the operator aims elsewhere), and
 * a tile of its layout as it is now, clicked on its miniature; or a camera over the whole wall.
 */
export function PushTarget() {
  const t = useT();
  const names = useNameBook();
  const loaded = useOperatorStore((s) => s.state !== null);
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  const targetWallId = useOperatorStore((s) => s.state?.targetWallId ?? null);
  const aimed = usePushDraftStore((s) => s.wallId);
  const content = useDraftContent();
  const wall = walls.find((w) => w.view.wall.id === aimed) ?? walls.find((w) => w.view.wall.id === targetWallId) ?? walls[0];
  const wallId = wall?.view.wall.id ?? '';
  const focusing = usePending(`push:${wallId}:focus`);
  if (!wall) return <p className="desk-panel__hint">{loaded ? t('console.noWalls') : t('desk.loading')}</p>;
  return (
    <div className="push-target">
      <div className="segmented push-target__walls" role="group" aria-label={t('desk.push.wall')}>
        {walls.map(({ view }) => (
          <button key={view.wall.id} type="button" className="segmented__button" aria-pressed={view.wall.id === wallId} data-push-wall-id={view.wall.id} onClick={() => usePushDraftStore.getState().aimAt(view.wall.id)}>
            {nameIn(view.wall, t.language)}
          </button>
        ))}
      </div>
      <p className="push-target__hint" data-armed={content !== null}>
        {content ? t('desk.push.clickTile', { what: names.content(content), wall: nameIn(wall.view.wall, t.language) }) : t('desk.push.chooseFirst')}
      </p>
      <WallThumbnail view={wall.view} onTile={content ? (tile) => void pushDraftTo(wallId, tile.id, { at: 'panel' }) : undefined} tileAction={t('desk.push.intoTile')} />
      {content?.kind === 'camera' ? (
        <button type="button" className="desk-button desk-button--primary push-target__focus" data-action="focus-camera" disabled={focusing} aria-busy={focusing || undefined} onClick={() => void focusCamera(wallId, content.cameraId, { at: 'panel' })}>
          {t('desk.push.focus', { wall: nameIn(wall.view.wall, t.language) })}
        </button>
      ) : null}
    </div>
  );
}
