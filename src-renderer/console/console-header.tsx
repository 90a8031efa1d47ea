import { ConnectionPill } from '../components/connection-pill';
import { useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';
import { WallClock } from '../wall/wall-clock';
import { HelpButton } from './keys/help-button';
import { LanguageSwitch } from './language/language-switch';
import { SessionChip } from './sign-in/session-chip';

/** Title, how the app runs (desktop or browser, demo or province hub), version, live state. */
export function ConsoleHeader() {
  const t = useT();
  const info = useAppInfoStore((s) => s.info);
  return (
    <header className="console-header">
      <div className="console-header__brand">
        <span className="wall-bar__logo" aria-hidden="true">
          IOC
        </span>
        <div>
          <div className="console-header__line">
            <h1 className="console-header__title">{t('console.title')}</h1>
            {info ? (
              <span className="console-header__facts">
                {t(`console.mode.${info.mode}`)} · {t(`console.hub.${info.hub}`)} · {t('console.version', { version: info.version })}
              </span>
            ) : null}
          </div>
          <p className="console-header__subtitle">{t('app.title.full')}</p>
        </div>
      </div>
      <div className="console-header__meta">
        <SessionChip />
        <LanguageSwitch />
        <HelpButton />
        <ConnectionPill />
        <WallClock />
      </div>
    </header>
  );
}
