/**
 * A record with every string in Unicode NFC — values and field names, at any depth. Vietnamese can be
 * typed precomposed ("à", NFC) or as a letter plus combining marks ("a" + "̀", NFD, as macOS and some
 * keyboards and exports produce); both look the same on a wall but compare unequal. Normalising once,
 * where records enter the hub, makes "TP. Vũng Tàu" one district, one KPI series (`kpiId@district`)
 * and one duplicate signature, however the department's system wrote it.
 */
export function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.normalize('NFC'), toNfc(v)]));
  }
  return value;
}
