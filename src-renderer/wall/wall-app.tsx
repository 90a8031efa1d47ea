import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { HelpOverlay } from '../keys/help-overlay';
import { KeyRefusalToast } from '../keys/key-refusal-toast';
import { useAppKeys } from '../keys/use-app-keys';
import { signalReady } from '../readiness';
import { useAppInfoStore } from '../stores/app-info-store';
import { useConnectionStore } from '../stores/connection-store';
import { useWallStore } from '../stores/wall-store';
import { defaultDecodeBudget } from '../tiles/camera/decode-budget';
import { playerPool } from '../tiles/camera/player-pool';
import { TakeoverBanner } from './takeover-banner';
import { runWallKey } from './wall-actions';
import { WallGrid } from './wall-grid';
import { WallMessage } from './wall-message';
import { WallTopBar } from './wall-top-bar';

/** A fullscreen wall window: top bar and tile grid once its layout and the hub state are in. */
export default function WallApp({ wallId }: { wallId: string }) {
  const t = useT();
  const status = useWallStore((s) => s.status);
  const view = useWallStore((s) => s.view);
  const error = useWallStore((s) => s.error);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const configuredBudget = useAppInfoStore((s) => s.info?.cameraDecodeBudget ?? null);
  useAppKeys('wall', runWallKey);

  useEffect(() => {
    playerPool.setBudget(configuredBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  }, [configuredBudget]);

  useEffect(() => {
    if (status === 'ready' && hubLoaded) signalReady('wall');
    else if (status === 'error') signalReady('wall-error');
  }, [status, hubLoaded]);

  useEffect(() => {
    document.title = view ? `${view.wall.name} · IOC` : `IOC · ${wallId}`;
  }, [view, wallId]);

  if (status === 'error') {
    return (
      <WallMessage tone="error" title={t('wall.notFound.title', { id: wallId })} hint={t('wall.notFound.hint')}>
        {error ? <pre className="wall-message__detail">{error}</pre> : null}
        <a className="wall-message__link" href="/console">
          {t('wall.openConsole')}
        </a>
      </WallMessage>
    );
  }
  if (!view) return <WallMessage tone="loading" title={t('wall.loading', { id: wallId })} />;
  return (
    <div className="wall" data-wall-id={view.wall.id} data-enlarged-tile={view.enlargedTileId ?? undefined} data-source={view.source.kind} data-taken-over={view.takeover !== null || undefined}>
      <WallTopBar wallName={view.wall.name} layoutName={view.layout.name} />
      {view.takeover ? <TakeoverBanner takeover={view.takeover} /> : null}
      <WallGrid view={view} />
      <HelpOverlay app="wall" />
      <KeyRefusalToast />
    </div>
  );
}
