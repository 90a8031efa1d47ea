import type { CSSProperties } from 'react';
import type { KpiDefinition, KpiPoint } from '../../../src-shared/domain';
import { formatNumber } from '../../format/numbers';
import { kpiUnitIn, unitPlacement, withUnit } from '../../format/units';
import { localeOf } from '../../i18n/translate';
import { useLanguage, useT } from '../../i18n/use-t';
import { assessKpi, targetComparator } from './kpi-assessment';

/**
 * The big current value with unit, and the target under it, coloured by whether the value meets it.
 * The unit sits where the convention puts it ("97,5%", "AQI 42", "1.450 hồ sơ"); the target names
 * a unit but not an index ("Mục tiêu ≤ 50" under "AQI 42").
 * `data-kpi-value` carries the raw number so checks never have to parse localized text.
 */
export function KpiReading({ point, definition }: { point: KpiPoint; definition: KpiDefinition | undefined }) {
  const t = useT();
  const language = useLanguage();
  const locale = localeOf(language);
  const decimals = definition?.decimals ?? 0;
  const assessment = definition ? assessKpi(point.value, definition) : 'neutral';
  const target = definition?.target;
  const unit = definition ? kpiUnitIn(definition, language) : point.unit;
  const placement = unitPlacement(unit);
  const unitText = placement === 'none' ? null : <span className="kpi-reading__unit">{unit.trim()}</span>;
  const targetText = target === undefined ? '' : placement === 'before' ? formatNumber(target, decimals, locale) : withUnit(formatNumber(target, decimals, locale), unit);
  const number = formatNumber(point.value, decimals, locale);
  // The number's length caps its size (tile-kpi.css), so 987.654.321,5 fits where 97,5 is huge.
  const style = { '--digits': Math.max(4, number.length) } as CSSProperties;
  return (
    <div className="kpi-reading" data-assessment={assessment}>
      <div className="kpi-reading__value" data-unit-placement={placement}>
        {/* The spaces are in the text too (the gap only draws them), so it reads "AQI 42", "1.450 hồ sơ", "97,5%". */}
        {placement === 'before' ? (
          <>
            {unitText}{' '}
          </>
        ) : null}
        <span className="kpi-reading__number" data-kpi-value={point.value} style={style}>
          {number}
        </span>
        {placement === 'after' ? (
          <>
            {' '}
            {unitText}
          </>
        ) : null}
        {placement === 'attached' ? unitText : null}
      </div>
      {target !== undefined && definition ? (
        <div className="kpi-reading__target">
          <span className="kpi-reading__dot" aria-hidden="true" />
          {t('kpi.target', { target: `${targetComparator(definition)} ${targetText}` })}
        </div>
      ) : null}
    </div>
  );
}
