import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { signalReady } from '../readiness';
import { useAppInfoStore } from '../stores/app-info-store';
import { useConnectionStore } from '../stores/connection-store';
import { HelpOverlay } from '../keys/help-overlay';
import { KeyRefusalToast } from '../keys/key-refusal-toast';
import { useAppKeys } from '../keys/use-app-keys';
import { useOperatorStore } from '../stores/operator-store';
import { ConfigErrors } from './config-errors';
import { ConnectionPanel } from './connection-panel';
import { ConsoleHeader } from './console-header';
import { PresetPanel } from './preset-panel';
import { SubsystemSummary } from './subsystem-summary';
import { WallCard } from './wall-card';

/** The operator's desk window: config problems first, then the hub link, the walls and the KPIs. */
export default function ConsoleApp() {
  const t = useT();
  const walls = useOperatorStore((s) => s.state?.walls ?? null);
  const wallsError = useOperatorStore((s) => s.loadError);
  useAppKeys('console');
  const infoSettled = useAppInfoStore((s) => s.info !== null || s.error !== null);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);

  useEffect(() => {
    if (infoSettled && hubLoaded && (walls !== null || wallsError !== null)) signalReady('console');
  }, [infoSettled, hubLoaded, walls, wallsError]);

  useEffect(() => {
    document.title = `${t('console.title')} · IOC`;
  }, [t]);

  return (
    <div className="console">
      <ConsoleHeader />
      <div className="console__content">
        <ConfigErrors />
        <div className="console__row">
          <ConnectionPanel />
          <section className="console-panel console-panel--grow">
            <h2 className="console-panel__title">{t('console.walls')}</h2>
            {wallsError ? <p className="console-panel__hint facts__warn">{t('console.loadFailed', { error: wallsError })}</p> : null}
            {walls?.length === 0 ? <p className="console-panel__hint">{t('console.noWalls')}</p> : null}
            <div className="wall-cards">
              {walls?.map((summary) => (
                <WallCard key={summary.view.wall.id} summary={summary} />
              ))}
            </div>
          </section>
        </div>
        <PresetPanel />
        <SubsystemSummary />
      </div>
      <HelpOverlay app="console" />
      <KeyRefusalToast />
    </div>
  );
}
