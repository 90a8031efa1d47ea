import type { TakeoverView } from '../../src-shared/wall-view';
import { WarningIcon } from '../components/icons';
import { formatDuration } from '../format/age';
import { useNow } from '../hooks/use-now';
import { localized, unitNameIn } from '../i18n/data-text';
import { useLanguage, useT } from '../i18n/use-t';

/** Says on the wall why it shows what it shows: which alert took it over, and when it goes back. */
export function TakeoverBanner({ takeover }: { takeover: TakeoverView }) {
  const t = useT();
  const language = useLanguage();
  const text = localized(takeover.alertText, takeover.alertTextEn, language);
  const now = useNow();
  const left = takeover.revertAt ? Math.max(0, Math.round((Date.parse(takeover.revertAt) - now) / 1000)) : null;
  return (
    <div className="takeover-banner" role="status" data-severity={takeover.severity} data-takeover-id={takeover.id} data-pinned={takeover.pinned || undefined}>
      <WarningIcon className="takeover-banner__icon" />
      <span className="takeover-banner__label">{t('takeover.banner')}</span>
      <span className="takeover-banner__text" title={text}>
        {text}
        {takeover.district ? ` · ${unitNameIn(takeover.district, language)}` : ''}
      </span>
      <span className="takeover-banner__when">{takeover.pinned ? t('takeover.pinned') : left !== null ? t('takeover.reverts', { duration: formatDuration(left, t) }) : ''}</span>
    </div>
  );
}
