import { ConnectionPill } from '../components/connection-pill';
import { useT } from '../i18n/use-t';
import { WallClock } from './wall-clock';

/** The slim bar over the wall: who we are, which wall this is, the time, and whether data is live. */
export function WallTopBar({ wallName, layoutName }: { wallName: string; layoutName: string }) {
  const t = useT();
  return (
    <header className="wall-bar">
      <div className="wall-bar__brand">
        <span className="wall-bar__logo" aria-hidden="true">
          IOC
        </span>
        <div className="wall-bar__titles">
          <span className="wall-bar__title wall-bar__title--full">{t('app.title.full')}</span>
          <span className="wall-bar__title wall-bar__title--short">{t('app.title.short')}</span>
        </div>
      </div>
      <div className="wall-bar__wall">
        <span className="wall-bar__wall-name">{wallName}</span>
        <span className="wall-bar__layout-name">{layoutName}</span>
      </div>
      <div className="wall-bar__status">
        <ConnectionPill />
        <WallClock />
      </div>
    </header>
  );
}
