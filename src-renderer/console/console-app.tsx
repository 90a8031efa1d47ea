import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { signalReady } from '../readiness';
import { useAppInfoStore } from '../stores/app-info-store';
import { useConnectionStore } from '../stores/connection-store';
import { HelpOverlay } from '../keys/help-overlay';
import { KeyRefusalToast } from '../keys/key-refusal-toast';
import { useAppKeys } from '../keys/use-app-keys';
import { useOperatorStore } from '../stores/operator-store';
import { useSessionStore } from '../stores/session-store';
import { roleAllows } from '../../src-shared/access';
import { AgendaPanel } from './agenda/agenda-panel';
import { AuditPanel } from './audit/audit-panel';
import { SignInScreen } from './sign-in/sign-in-screen';
import { AlertPanel } from './alerts/alert-panel';
import { RecentCommands } from './commands/recent-commands';
import { ConfigErrors } from './config-errors';
import { ConnectionPanel } from './connection-panel';
import { ConsoleHeader } from './console-header';
import { DeskNotices } from './keys/desk-notices';
import { PresetPanel } from './preset-panel';
import { PushPanel } from './push/push-panel';
import { ShellPanel } from './shell/shell-panel';
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
import '../styles/console-access.css';
import '../styles/console-shell.css';

/** The console: the sign-in until someone is signed in, then the desk. */
export default function ConsoleApp() {
  const status = useSessionStore((s) => s.status);
  if (status === 'signed-out') return <SignInScreen />;
  if (status === 'checking') return null;
  return <Desk />;
}

/**
 * The operator's desk: the walls and what to put on them on the left, the alerts, the briefing and
 * the log of commands on the right, the hub link and the figures below. Config problems come first.
 * A viewer sees it all with the controls switched off; operators and admins also see the audit log.
 */
function Desk() {
  const t = useT();
  const role = useSessionStore((s) => s.session?.role ?? 'viewer');
  const mayOperate = roleAllows(role, 'operator');
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
    <div className="console desk" data-role={role}>
      <div className="desk__zoom">
        <ConsoleHeader />
        <DeskNotices />
        <div className="desk__content">
          <ConfigErrors />
          {mayOperate ? null : (
            <p className="desk-notice desk-notice--viewer" role="status">
              {t('session.viewerNotice')}
            </p>
          )}
          <div className="desk__grid">
            {/* A disabled fieldset switches off every control inside it at once: what a viewer may not use. */}
            <fieldset className="desk__main desk__controls" disabled={!mayOperate}>
              <PresetPanel />
              <WallList />
              <PushPanel />
            </fieldset>
            <aside className="desk__side" aria-label={t('desk.side')}>
              <fieldset className="desk__controls" disabled={!mayOperate}>
                <AlertPanel />
                <AgendaPanel />
              </fieldset>
              <RecentCommands />
              {mayOperate ? <AuditPanel /> : null}
            </aside>
          </div>
          <div className="desk__status">
            <div className="desk__status-column">
              <ConnectionPanel />
              <ShellPanel />
            </div>
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
