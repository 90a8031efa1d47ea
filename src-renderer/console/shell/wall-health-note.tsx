import { WarningIcon } from '../../components/icons';
import { formatShortTime } from '../../format/time';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';

/**
 * On a wall's card, where the operator looks first: its page stopped answering, or the host is
 * bringing it back. Nothing while it answers (the shell panel lists the details).
 */
export function WallHealthNote({ wallId }: { wallId: string }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const health = useOperatorStore((s) => s.state?.shell.walls.find((w) => w.wallId === wallId) ?? null);
  if (!health || (health.state !== 'silent' && health.state !== 'recovering')) return null;
  return (
    <p className="wall-health-note" role="status" data-wall-health={health.state}>
      <WarningIcon className="wall-health-note__icon" />
      {t(`shell.wall.${health.state}`)}
      {health.since ? ` ${t('shell.wall.since', { time: formatShortTime(health.since, locale) })}` : ''}
      {health.recoveries > 0 ? ` · ${t('shell.wall.recoveries', { n: health.recoveries })}` : ''}
    </p>
  );
}
