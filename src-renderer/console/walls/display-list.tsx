import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { useOperatorStore } from '../../stores/operator-store';
import { displayRows } from './display-text';

/**
 * The room's physical displays, each with the wall it shows, and how long a missing one has been
 * gone: a monitor asleep or switched off keeps its wall waiting, and the operator sees which. Browser
 * mode has no displays of its own, so nothing shows.
 */
export function DisplayList() {
  const t = useT();
  const locale = localeOf(useLanguage());
  const state = useOperatorStore((s) => s.state);
  if (!state || state.displays.length === 0) return null;
  return (
    <section className="display-list" aria-labelledby="displays-title">
      <h3 id="displays-title" className="display-list__title">
        {t('desk.displays.title')}
      </h3>
      <ul className="display-list__items">
        {displayRows(state, t, locale).map((row) => (
          <li key={row.key} className="display-list__item" data-display-key={row.key} data-present={row.missing === null}>
            <span className="display-list__name">{row.name}</span>
            <span className="display-list__size">{row.size}</span>
            <span className="display-list__shows">{row.shows}</span>
            {row.missing ? <span className="display-list__missing">{row.missing}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
