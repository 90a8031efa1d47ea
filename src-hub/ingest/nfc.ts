/**
 * No record of any topic nests deeper than a few levels; below this depth values are left as they
 * are (the schema refuses them anyway) so a hostile `[[[[…]]]]` cannot overflow the stack.
 */
const MAX_DEPTH = 32;

/**
 * A record with every string in Unicode NFC — values and field names, at any depth a record can
 * have. Vietnamese can be typed precomposed ("à", NFC) or as a letter plus combining marks ("a" +
 * "̀", NFD, as macOS and some keyboards and exports produce); both look the same on a wall but
 * compare unequal. Normalising once, where records enter the hub, makes "TP. Vũng Tàu" one district,
 * one KPI series (`kpiId@district`) and one duplicate signature, however the department wrote it.
 */
export function toNfc(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => toNfc(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.normalize('NFC'), toNfc(v, depth + 1)]));
}
