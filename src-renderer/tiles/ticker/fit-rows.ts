/**
 * How many rows of a list fit whole in its box, keeping room for the "+N more" line when some do
 * not. Pure, fed by measurements the ticker takes from the DOM (layout boxes, not transforms, so a
 * row sliding in is measured where it lands).
 *
 * @param rowBottoms each row's bottom edge, in list order
 * @param limit where rows must end when every row is shown: the list's content bottom
 * @param roomWithMore where rows must end when the "+N more" line is shown: the top of that line
 * @param complete false when more alerts exist than rows were drawn: the line is needed whatever fits
 */
export function rowsThatFit(rowBottoms: readonly number[], limit: number, roomWithMore: number, complete = true): number {
  // Layout sizes are rounded to whole pixels: half a pixel over is the same line, not a cut one.
  const fits = (bottom: number, room: number): boolean => bottom <= room + 0.5;
  const n = rowBottoms.length;
  if (n === 0) return 0;
  if (complete && fits(rowBottoms[n - 1]!, limit)) return n;
  const room = Math.min(limit, roomWithMore);
  let k = 0;
  while (k < n && fits(rowBottoms[k]!, room)) k += 1;
  return k;
}
