import type { CSSProperties } from 'react';
import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';
import { formatNumber } from '../../format/numbers';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { assessKpi, targetComparator } from './kpi-assessment';

/**
 * The big current value with unit, and the target under it, coloured by whether the value meets it.
 * `data-kpi-value` carries the raw number so checks never have to parse localized text.
 */
export function KpiReading({ point, definition }: { point: KpiPoint; definition: KpiDefinition | undefined }) {
  const t = useT();
  const locale = localeOf(useLanguage());
  const decimals = definition?.decimals ?? 0;
  const assessment = definition ? assessKpi(point.value, definition) : 'neutral';
  const target = definition?.target;
  const unit = definition?.unit ?? point.unit;
  const number = formatNumber(point.value, decimals, locale);
  // The number's length caps its size (tile-kpi.css), so 987.654.321,5 fits where 97,5 is huge.
  const style = { '--digits': Math.max(4, number.length) } as CSSProperties;
  return (
    <div className="kpi-reading" data-assessment={assessment}>
      <div className="kpi-reading__value">
        <span className="kpi-reading__number" data-kpi-value={point.value} style={style}>
          {number}
        </span>
        {unit ? <span className="kpi-reading__unit">{unit}</span> : null}
      </div>
      {target !== undefined && definition ? (
        <div className="kpi-reading__target">
          <span className="kpi-reading__dot" aria-hidden="true" />
          {t('kpi.target', { target: `${targetComparator(definition)} ${formatNumber(target, decimals, locale)} ${definition.unit}`.trim() })}
        </div>
      ) : null}
    </div>
  );
}
