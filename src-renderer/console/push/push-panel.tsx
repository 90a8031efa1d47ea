import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { CommandRefusal } from '../commands/command-refusal';
import { CameraPicker } from './camera-picker';
import { KpiPicker } from './kpi-picker';
import { MapPicker } from './map-picker';
import { PUSH_SOURCES, usePushDraftStore, type PushSource } from './push-draft-store';
import { PushTarget } from './push-target';

const SOURCE_LABEL: Readonly<Record<PushSource, MessageKey>> = { camera: 'desk.push.tab.camera', kpi: 'desk.push.tab.kpi', map: 'desk.tile.map' };

/** Put anything on any wall: choose a camera or a KPI on the left, click a tile of a wall on the right. */
export function PushPanel() {
  const t = useT();
  const source = usePushDraftStore((s) => s.source);
  return (
    <section className="desk-panel push-panel" aria-labelledby="push-title">
      <div className="desk-panel__bar">
        <h2 id="push-title" className="desk-panel__title">
          {t('desk.push.title')}
        </h2>
        <div className="segmented" role="tablist" aria-label={t('desk.push.what')}>
          {PUSH_SOURCES.map((kind) => (
            <button key={kind} type="button" role="tab" id={`push-tab-${kind}`} className="segmented__button" aria-selected={source === kind} aria-controls="push-source" data-push-source={kind} onClick={() => usePushDraftStore.getState().showSource(kind)}>
              {t(SOURCE_LABEL[kind])}
            </button>
          ))}
        </div>
      </div>
      <div className="push-panel__body">
        <div id="push-source" role="tabpanel" aria-labelledby={`push-tab-${source}`} className="push-panel__source">
          {source === 'camera' ? <CameraPicker /> : source === 'kpi' ? <KpiPicker /> : <MapPicker />}
        </div>
        <PushTarget />
      </div>
      <CommandRefusal prefix="push:" />
    </section>
  );
}
