import type { DemoKpi } from './kpi-catalog';
import type { Random } from './random';

/**
 * Next value of a demo KPI: a mean-reverting random walk, or a counter that only grows.
 * Mean reversion keeps a long-running demo wall near plausible values instead of drifting away.
 */
export function nextKpiValue(kpi: DemoKpi, current: number, random: Random): number {
  const { base, spread, min, max, counter, definition } = kpi;
  let next: number;
  if (counter) {
    next = current + Math.round(random() * spread * 2);
  } else {
    const pull = (base - current) * 0.2;
    next = current + pull + (random() - 0.5) * spread;
  }
  const factor = 10 ** definition.decimals;
  return Math.min(max, Math.max(min, Math.round(next * factor) / factor));
}
