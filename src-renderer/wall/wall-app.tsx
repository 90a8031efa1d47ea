import { useEffect } from 'react';
import { useOutage } from '../hooks/use-outage';
import { nameIn } from '../i18n/data-text';
import { useLanguage, useT } from '../i18n/use-t';
import { HelpOverlay } from '../keys/help-overlay';
import { KeyRefusalToast } from '../keys/key-refusal-toast';
import { useAppKeys } from '../keys/use-app-keys';
import { signalReady } from '../readiness';
import { useAppInfoStore } from '../stores/app-info-store';
import { useConnectionStore } from '../stores/connection-store';
import { useWallStore } from '../stores/wall-store';
import { defaultDecodeBudget } from '../tiles/camera/decode-budget';
import { playerPool } from '../tiles/camera/player-pool';
import { EnlargedHint } from './enlarged-hint';
import { WallOutage } from './outage-band';
import { TakeoverBanner } from './takeover-banner';
import { usePointerIdle } from './use-pointer-idle';
import { runWallKey } from './wall-actions';
import { WallGrid } from './wall-grid';
import { WallMessage } from './wall-message';
import { WallTopBar } from './wall-top-bar';

/** A fullscreen wall window: top bar and tile grid once its layout and the hub state are in. */
export default function WallApp({ wallId }: { wallId: string }) {
  const t = useT();
  const language = useLanguage();
  const status = useWallStore((s) => s.status);
  const view = useWallStore((s) => s.view);
  const error = useWallStore((s) => s.error);
  const hubLoaded = useConnectionStore((s) => s.hubLoaded);
  const refused = useConnectionStore((s) => s.refused);
  const outage = useOutage();
  const configuredBudget = useAppInfoStore((s) => s.info?.cameraDecodeBudget ?? null);
  // The grid waits for the host's word on the language (or its failure): a wall switched to English
  // is never painted in Vietnamese first, charts and all, after a reload or a restart.
  const languageKnown = useAppInfoStore((s) => s.language !== null || s.error !== null);
  useAppKeys('wall', runWallKey);
  usePointerIdle();

  useEffect(() => {
    playerPool.setBudget(configuredBudget ?? defaultDecodeBudget(navigator.hardwareConcurrency));
  }, [configuredBudget]);

  useEffect(() => {
    if (refused !== null || status === 'error') signalReady('wall-error');
    else if (status === 'ready' && hubLoaded && languageKnown) signalReady('wall');
  }, [status, hubLoaded, refused, languageKnown]);

  useEffect(() => {
    document.title = view ? `${nameIn(view.wall, language)} · IOC` : `IOC · ${wallId}`;
  }, [view, wallId, language]);

  if (refused !== null) {
    // The host would not let this window in: its address lacks the wall's key, or has a wrong one.
    return (
      <WallMessage tone="error" title={t('wall.refused.title', { id: wallId })} hint={t('wall.refused.hint')}>
        <pre className="wall-message__detail">{refused}</pre>
      </WallMessage>
    );
  }
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
  if (!view || !languageKnown) return <WallMessage tone="loading" title={t('wall.loading', { id: wallId })} />;
  return (
    <div className="wall" data-wall-id={view.wall.id} data-enlarged-tile={view.enlargedTileId ?? undefined} data-source={view.source.kind} data-taken-over={view.takeover !== null || undefined} data-outage={outage.link ?? undefined}>
      <WallTopBar wallName={nameIn(view.wall, language)} layoutName={nameIn(view.layout, language)} />
      <WallOutage outage={outage} />
      {view.takeover ? <TakeoverBanner takeover={view.takeover} /> : null}
      <WallGrid view={view} />
      {view.enlargedTileId !== null ? <EnlargedHint /> : null}
      <HelpOverlay app="wall" />
      <KeyRefusalToast />
    </div>
  );
}
