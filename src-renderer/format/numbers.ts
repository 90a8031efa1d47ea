const formatters = new Map<string, Intl.NumberFormat>();

/** Formats a KPI value with its fixed decimals; formatters are cached because tiles repaint every second. */
export function formatNumber(value: number, decimals: number, locale: string): string {
  const key = `${locale}|${decimals}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}
