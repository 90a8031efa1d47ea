import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { signalReady } from '../readiness';
import { useAppInfoStore } from '../stores/app-info-store';
import { useConnectionStore } from '../stores/connection-store';
import { HelpOverlay } from '../keys/help-overlay';
import { KeyRefusalToast } from '../keys/key-refusal-toast';
import { useAppKeys } from '../keys/use-app-keys';
import { useOperatorStore } from '../stores/operator-store';
import { AgendaPanel } from './agenda/agenda-panel';
import { AlertPanel } from './alerts/alert-panel';
import { RecentCommands } from './commands/recent-commands';
import { ConfigErrors } from './config-errors';
import { ConnectionPanel } from './connection-panel';
import { ConsoleHeader } from './console-header';
import { DeskNotices } from './keys/desk-notices';
import { PresetPanel } from './preset-panel';
import { PushPanel } from './push/push-panel';
import { SubsystemSummary } from './subsystem-summary';
import { WallList } from './walls/wall-list';
import '../styles/console-controls.css';
import '../styles/console-desk.css';
import '../styles/console-walls.css';
import '../styles/console-thumb.css';
import '../styles/console-takeover.css';
import '../styles/console-push.css';
import '../styles/console-alerts.css';
import '../styles/console-agenda.css';

/**
 * The operator's desk: the walls and what to put on them on the left, the alerts, the briefing and
 * the log of commands on the right, the hub link and the figures below. Config problems come first.
 */
export default function ConsoleApp() {
  const t = useT();
  const stateSettled = useOperatorStore((s) => s.state !== null || s.loadError !== null);
  useAppKeys('console');
  const infoSettled = useAppInfoStore((s) => s.info !== null || s.error !== null);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);

  useEffect(() => {
    if (infoSettled && hubLoaded && stateSettled) signalReady('console');
  }, [infoSettled, hubLoaded, stateSettled]);

  useEffect(() => {
    document.title = `${t('console.title')} · IOC`;
  }, [t]);

  return (
    <div className="console desk">
      <div className="desk__zoom">
        <ConsoleHeader />
        <DeskNotices />
        <div className="desk__content">
          <ConfigErrors />
          <div className="desk__grid">
            <div className="desk__main">
              <PresetPanel />
              <WallList />
              <PushPanel />
            </div>
            <aside className="desk__side" aria-label={t('desk.side')}>
              <AlertPanel />
              <AgendaPanel />
              <RecentCommands />
            </aside>
          </div>
          <div className="desk__status">
            <ConnectionPanel />
            <SubsystemSummary />
          </div>
        </div>
      </div>
      {/* Outside the zoomed desk: the overlay and the toast size themselves to the screen. */}
      <HelpOverlay app="console" />
      <KeyRefusalToast />
    </div>
  );
}
