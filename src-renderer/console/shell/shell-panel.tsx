import { roleAllows } from '../../../src-shared/access';
import type { ShellHealth, WallHealth } from '../../../src-shared/operator-state';
import { operatorCommand } from '../../bridge/host-actions';
import { WarningIcon } from '../../components/icons';
import { formatShortTime } from '../../format/time';
import { nameIn } from '../../i18n/data-text';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppInfoStore } from '../../stores/app-info-store';
import { useOperatorStore } from '../../stores/operator-store';
import { useSessionStore } from '../../stores/session-store';
import { usePending } from '../commands/use-pending';

const ERRORS_SHOWN = 8;
/** One empty list for every render: a selector returning a new [] each time makes React re-render without end (error #185). */
const NO_WALLS: never[] = [];

/**
 * How the app itself runs on this PC: whether each wall's page answers and what the host did when
 * one did not, display sleep, video decoding, where the log file is, and the latest errors — what
 * an operator checks before blaming the data, without opening a terminal.
 */
export function ShellPanel() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const shell = useOperatorStore((s) => s.state?.shell ?? null);
  const walls = useOperatorStore((s) => s.state?.walls ?? NO_WALLS);
  if (!shell) return null;
  const troubled = shell.walls.some((w) => w.state === 'silent' || w.state === 'recovering') || shell.warnings.length > 0;
  const nameOf = (wallId: string): string => {
    const wall = walls.find((w) => w.view.wall.id === wallId)?.view.wall;
    return wall ? nameIn(wall, t.language) : wallId;
  };
  return (
    <section className={`console-panel shell-panel${troubled ? ' shell-panel--trouble' : ''}`} data-shell-panel>
      <h2 className="console-panel__title">
        {troubled ? <WarningIcon className="console-panel__icon" /> : null}
        {t('shell.title')}
      </h2>
      {shell.warnings.length > 0 ? (
        <ul className="shell-panel__warnings" role="alert">
          {shell.warnings.map((warning) => (
            <li key={warning.en}>{warning[t.language]}</li>
          ))}
        </ul>
      ) : null}
      <ul className="shell-walls" aria-label={t('shell.walls')}>
        {shell.walls.map((wall) => (
          <WallHealthRow key={wall.wallId} wall={wall} name={nameOf(wall.wallId)} locale={locale} />
        ))}
      </ul>
      <Facts shell={shell} />
      <h3 className="shell-panel__subtitle">{t('shell.errors')}</h3>
      {shell.errors.length === 0 ? (
        <p className="console-panel__hint">{t('shell.errors.none')}</p>
      ) : (
        // The log's own lines, quoted as the log writes them (in English, for whoever reads the file).
        <ol className="shell-errors" data-error-count={shell.errors.length} data-verbatim>
          {shell.errors.slice(0, ERRORS_SHOWN).map((error, i) => (
            <li key={`${error.at}-${i}`} className="shell-errors__item">
              <time dateTime={error.at}>{formatShortTime(error.at, locale)}</time>
              <span className="shell-errors__scope">{error.scope}</span>
              <span className="shell-errors__message" title={error.message}>
                {error.message}
              </span>
            </li>
          ))}
        </ol>
      )}
      <QuitButton />
    </section>
  );
}

function WallHealthRow({ wall, name, locale }: { wall: WallHealth; name: string; locale: string }) {
  const t = useT();
  return (
    <li className="shell-walls__wall" data-wall-health={wall.state} data-wall-id={wall.wallId}>
      <span className="shell-walls__name">{name}</span>
      <span className="shell-walls__state">
        {t(`shell.wall.${wall.state}`)}
        {wall.since && wall.state !== 'answering' ? ` ${t('shell.wall.since', { time: formatShortTime(wall.since, locale) })}` : ''}
      </span>
      {wall.recoveries > 0 ? <span className="shell-walls__count">{t('shell.wall.recoveries', { n: wall.recoveries })}</span> : null}
      {wall.lastProblem ? <span className="shell-walls__problem">{t('shell.wall.lastProblem', { time: formatShortTime(wall.lastProblem.at, locale), what: wall.lastProblem.what[t.language] })}</span> : null}
    </li>
  );
}

function Facts({ shell }: { shell: ShellHealth }) {
  const t = useT();
  return (
    <dl className="facts">
      <dt>{t('shell.displaySleep')}</dt>
      <dd data-display-sleep={shell.displaySleep}>{t(`shell.displaySleep.${shell.displaySleep}`)}</dd>
      <dt>{t('shell.videoDecode')}</dt>
      <dd data-video-decode={shell.videoDecode.status} className={shell.videoDecode.status === 'software' ? 'facts__warn' : undefined}>
        {t(`shell.videoDecode.${shell.videoDecode.status}`)}
        {shell.videoDecode.detail ? <span className="facts__detail">{shell.videoDecode.detail}</span> : null}
      </dd>
      {shell.logFile ? (
        <>
          <dt>{t('shell.logFile')}</dt>
          <dd className="facts__mono" title={shell.logFile}>
            {shell.logFile}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** Only an admin on the desktop app may quit it: wall windows cannot be closed one by one. */
function QuitButton() {
  const t = useT();
  const desktop = useAppInfoStore((s) => s.info?.mode === 'electron');
  const admin = useSessionStore((s) => roleAllows(s.session?.role ?? 'viewer', 'admin'));
  const pending = usePending('app:quit');
  if (!desktop || !admin) return null;
  return (
    <button
      type="button"
      className="desk-button desk-button--small desk-button--danger"
      data-action="quit-app"
      title={t('shell.quit.hint')}
      disabled={pending}
      onClick={() => {
        if (window.confirm(t('shell.quit.confirm'))) void operatorCommand('app:quit', 'app.quit', {});
      }}
    >
      {t('shell.quit')}
    </button>
  );
}
