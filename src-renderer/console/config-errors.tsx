import { WarningIcon } from '../components/icons';
import { useT } from '../i18n/use-t';
import { useAppInfoStore } from '../stores/app-info-store';

/** Config problems up front, so an operator sees them without opening a log file. */
export function ConfigErrors() {
  const t = useT();
  const errors = useAppInfoStore((s) => s.info?.configErrors);
  if (!errors || errors.length === 0) return null;
  return (
    <section className="console-panel console-panel--alert" role="alert" data-config-errors={errors.length}>
      <h2 className="console-panel__title">
        <WarningIcon className="console-panel__icon" />
        {t('console.configErrors', { n: errors.length })}
      </h2>
      <p className="console-panel__hint">{t('console.configErrors.hint')}</p>
      <ul className="config-errors">
        {errors.map((error, i) => (
          <li key={i} className="config-errors__item">
            {error}
          </li>
        ))}
      </ul>
    </section>
  );
}
