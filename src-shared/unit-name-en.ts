import type { Language } from './domain';

/**
 * An administrative unit's name as an English text writes it: the Vietnamese rank before the name
 * ("TP. Vũng Tàu", "Huyện Côn Đảo") becomes the English rank after it ("Vũng Tàu City",
 * "Côn Đảo District"); a numbered one keeps it first ("Phường 1" is "Ward 1"). The proper name itself is kept as the province writes it. Hub
 * records carry units in Vietnamese only; this is how an English wall shows them.
 */
const RANKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:TP\.|Thành phố)\s*/iu, 'City'],
  [/^(?:TX\.|Thị xã)\s*/iu, 'Town'],
  [/^(?:TT\.|Thị trấn)\s*/iu, 'Township'],
  [/^(?:H\.|Huyện)\s*/iu, 'District'],
  [/^(?:Q\.|Quận)\s*/iu, 'District'],
  [/^(?:P\.|Phường)\s*/iu, 'Ward'],
  [/^(?:X\.|Xã)\s*/iu, 'Commune'],
  [/^Đặc khu\s*/iu, 'Special Zone'],
  [/^Tỉnh\s*/iu, 'Province'],
];

export function unitNameIn(name: string, language: Language): string {
  if (language === 'vi') return name;
  for (const [rank, english] of RANKS) {
    const match = rank.exec(name);
    const rest = match ? name.slice(match[0].length).trim() : '';
    // A numbered unit keeps the rank first, as English writes it: "Ward 1", "District 7".
    if (match && rest !== '') return /^\d+$/u.test(rest) ? `${english} ${rest}` : `${rest} ${english}`;
  }
  return name;
}
