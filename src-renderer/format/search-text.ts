/**
 * Search that reads Vietnamese the way operators type it: without tones and marks, in any case, so
 * "vung tau" finds "Vũng Tàu" and "ba ria" finds "Bà Rịa". Telex users often search without
 * marks because switching the input method off is quicker than typing them.
 */

/** The text folded for comparison: marks removed, đ as d, lower case, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of the query appears in one of the fields, marks and case aside. */
export function matchesSearch(query: string, fields: readonly (string | undefined)[]): boolean {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  if (words.length === 0) return true;
  const haystack = foldForSearch(fields.filter((field): field is string => field !== undefined).join(' '));
  return words.every((word) => haystack.includes(word));
}
