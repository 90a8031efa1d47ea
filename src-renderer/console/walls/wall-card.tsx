import type { MouseEvent } from 'react';
import type { OperatorWall } from '../../../src-shared/operator-state';
import { operatorCommand } from '../../bridge/host-actions';
import { nameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { CommandRefusal } from '../commands/command-refusal';
import { pushDraftTo } from '../push/push-actions';
import { selectArmed, usePushDraftStore } from '../push/push-draft-store';
import { WallMaps } from '../maps/wall-maps';
import { WallHealthNote } from '../shell/wall-health-note';
import { wallDisplayText } from './display-text';
import { LayoutPicker } from './layout-picker';
import { WallPresence } from './wall-presence';
import { WallPushes } from './wall-pushes';
import { wallSourceText } from './wall-source';
import { TakeoverQueue, WallTakeover } from './wall-takeover';
import { WallThumbnail } from './wall-thumbnail';
import { WallTours } from './wall-tours';

/** Clicks on the card's controls are theirs; a click anywhere else on the card selects the wall. */
function onControl(event: MouseEvent): boolean {
  return event.target instanceof Element && event.target.closest('button, a, select, input, label') !== null;
}

/**
 * One wall, live: what it shows and who put it there, its rule takeover, tours and operators'
 * changes, whether its window is there, and its controls. The selected wall (the one the keys act
 * on) stands out; clicking a card selects its wall.
 */
/** The wall's key rides in the link's fragment; the screen shows the address without it (anyone may see the console). */
const withoutKey = (url: string): string => url.replace(/#.*$/, '');

export function WallCard({ wall }: { wall: OperatorWall }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const { view, display, url, presence, queued } = wall;
  const wallId = view.wall.id;
  const isTarget = useOperatorStore((s) => s.state?.targetWallId === wallId);
  const state = useOperatorStore((s) => s.state);
  const armed = usePushDraftStore(selectArmed);
  const select = (): void => {
    if (!isTarget) void operatorCommand(`wall:${wallId}:target`, 'target.select', { wallId });
  };
  return (
    <article className="wall-card" data-wall-id={wallId} data-target={isTarget || undefined} data-presence={presence.windows > 0 ? 'connected' : 'absent'} data-armed={armed || undefined} onClick={(event) => onControl(event) || select()}>
      <header className="wall-card__head">
        <button type="button" className="wall-card__select" aria-pressed={isTarget} data-action="select-wall" onClick={select}>
          <span className="wall-card__name">{nameIn(view.wall, t.language)}</span>
          <span className="wall-card__target">{isTarget ? t('desk.wall.target') : t('desk.wall.select')}</span>
        </button>
        <WallPresence presence={presence} />
      </header>
      <div className="wall-card__body">
        <div className="wall-card__visual">
          <WallThumbnail view={view} onTile={armed ? (tile) => void pushDraftTo(wallId, tile.id, { at: 'wall' }) : undefined} tileAction={t('desk.push.intoTile')} />
        </div>
        <div className="wall-card__details">
          <div className="wall-card__facts">
            <p className="wall-card__source" data-source-kind={view.source.kind}>
              {state ? wallSourceText(view, state, t) : null}
            </p>
            <p className="wall-card__layout">{t('console.layout', { name: nameIn(view.layout, t.language) })}</p>
          </div>
          {view.takeover ? <WallTakeover wallId={wallId} takeover={view.takeover} isTarget={isTarget} /> : null}
          <TakeoverQueue wallId={wallId} queued={queued} />
          <WallTours view={view} />
          <WallPushes view={view} />
          <WallMaps view={view} />
          <LayoutPicker wallId={wallId} layoutId={view.layout.id} isTarget={isTarget} />
        </div>
      </div>
      <CommandRefusal prefix={`wall:${wallId}:`} />
      <WallHealthNote wallId={wallId} />
      <footer className="wall-card__foot" data-has-display={display !== null} data-display-present={display?.present}>
        {display?.present ? (
          <span>{wallDisplayText(display, t, locale)}</span>
        ) : display ? (
          // Its display went (asleep, off, unplugged): the wall has no window and waits for it.
          <span className="wall-card__no-display" data-missing-since={display.missingSince ?? undefined}>
            {wallDisplayText(display, t, locale)}
          </span>
        ) : url ? (
          // Browser mode: a wall is an address any kiosk opens, so having no display of our own is normal.
          <span>{t('console.browserWall')}</span>
        ) : (
          <span className="wall-card__no-display">{t('console.noDisplay')}</span>
        )}
        {url ? (
          <a className="wall-card__link" href={url} target="_blank" rel="noreferrer" title={withoutKey(url)}>
            <span>{t('console.openWall')}</span>
            <span className="wall-card__url">{withoutKey(url)}</span>
          </a>
        ) : null}
      </footer>
    </article>
  );
}
