import { useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { useNameBook } from '../names';
import { draftContent, usePushDraftStore } from '../push/push-draft-store';
import { WallCard } from './wall-card';

/** Says what is about to be put on a wall while the walls' miniatures take clicks, with a way out. */
function ArmedBanner() {
  const t = useT();
  const names = useNameBook();
  const source = usePushDraftStore((s) => s.source);
  const cameraId = usePushDraftStore((s) => s.cameraId);
  const kpiId = usePushDraftStore((s) => s.kpiId);
  const chart = usePushDraftStore((s) => s.chart);
  const district = usePushDraftStore((s) => s.district);
  const content = draftContent({ source, cameraId, kpiId, chart, district });
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

/** Every wall of the room, side by side as wide as the desk allows. */
export function WallList() {
  const t = useT();
  const walls = useOperatorStore((s) => s.state?.walls ?? null);
  const loadError = useOperatorStore((s) => s.loadError);
  return (
    <section className="desk-panel walls-panel" aria-labelledby="walls-title">
      <h2 id="walls-title" className="desk-panel__title">
        {t('console.walls')}
      </h2>
      {loadError ? <p className="desk-panel__hint facts__warn">{t('console.loadFailed', { error: loadError })}</p> : null}
      {walls === null && !loadError ? <p className="desk-panel__hint">{t('desk.loading')}</p> : null}
      {walls?.length === 0 ? <p className="desk-panel__hint">{t('console.noWalls')}</p> : null}
      <ArmedBanner />
      <div className="wall-cards">
        {walls?.map((wall) => (
          <WallCard key={wall.view.wall.id} wall={wall} />
        ))}
      </div>
    </section>
  );
}
