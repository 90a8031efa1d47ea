import { operatorCommand } from '../../bridge/host-actions';
import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { CommandRefusal } from '../commands/command-refusal';
import { usePending } from '../commands/use-pending';
import { KeyHint } from '../keys/key-hint';
import { useNameBook } from '../names';
import { usePushDraftStore } from '../push/push-draft-store';
import { useDraftContent } from '../push/use-draft-content';
import { DisplayList } from './display-list';
import { WallCard } from './wall-card';

/** Says what is about to be put on a wall while the walls' miniatures take clicks, with a way out. */
function ArmedBanner() {
  const t = useT();
  const names = useNameBook();
  const content = useDraftContent();
  if (!content) return null;
  return (
    <div className="armed-banner" role="status" data-armed-kind={content.kind}>
      <span>{t('desk.push.armed', { what: names.content(content) })}</span>
      <button type="button" className="desk-button desk-button--small" data-action="release-push" onClick={() => usePushDraftStore.getState().release()}>
        {t('desk.push.release')}
      </button>
    </div>
  );
}

/** Every wall window starts afresh (a stuck kiosk, a new config), saying so in the log. */
function ReloadButton() {
  const t = useT();
  const pending = usePending('walls:reload');
  return (
    <button type="button" className="desk-button desk-button--small" data-action="reload-walls" title={t('desk.walls.reloadHint')} disabled={pending} aria-busy={pending || undefined} onClick={() => void operatorCommand('walls:reload', 'walls.reload', {})}>
      {t('desk.walls.reload')}
      <KeyHint binding="walls.reload" />
    </button>
  );
}

/** Every wall of the room, side by side as wide as the desk allows. */
export function WallList() {
  const t = useT();
  const walls = useOperatorStore((s) => s.state?.walls ?? null);
  const loadError = useOperatorStore((s) => s.loadError);
  return (
    <section className="desk-panel walls-panel" aria-labelledby="walls-title">
      <div className="desk-panel__bar">
        <h2 id="walls-title" className="desk-panel__title">
          {t('console.walls')}
        </h2>
        <div className="walls-panel__tools">
          <span className="walls-panel__keys">
            {t('desk.walls.stepKeys')} <KeyHint binding="target.previous" /> <KeyHint binding="target.next" />
          </span>
          <ReloadButton />
        </div>
      </div>
      {loadError ? <p className="desk-panel__hint facts__warn">{t('console.loadFailed', { error: loadError })}</p> : null}
      {walls === null && !loadError ? <p className="desk-panel__hint">{t('desk.loading')}</p> : null}
      {walls?.length === 0 ? <p className="desk-panel__hint">{t('console.noWalls')}</p> : null}
      <CommandRefusal prefix="walls:" />
      <ArmedBanner />
      <div className="wall-cards">
        {walls?.map((wall) => (
          <WallCard key={wall.view.wall.id} wall={wall} />
        ))}
      </div>
      <DisplayList />
    </section>
  );
}
