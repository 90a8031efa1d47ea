import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { rowsThatFit } from './fit-rows';

export interface FittedRows {
  /** The box holding the list and the "+N more" line; rows and the line are measured from its top. */
  boxRef: React.RefObject<HTMLDivElement | null>;
  listRef: React.RefObject<HTMLOListElement | null>;
  moreRef: React.RefObject<HTMLParagraphElement | null>;
  /** Rows shown whole, from the top; the rest are laid out but not visible. */
  shown: number;
}

/**
 * Measures which of the ticker's rows fit whole, before the browser paints and again whenever the
 * tile, a row or the "+N more" line changes size (layout change, fonts loaded, a row wrapping to
 * two lines). Rows that do not fit stay laid out, only invisible, so measuring never depends on
 * the previous answer and cannot flip back and forth.
 *
 * `rows` is the list's identity: a new array means new rows to measure.
 */
export function useFittedRows(rows: readonly unknown[], complete: boolean): FittedRows {
  const boxRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const moreRef = useRef<HTMLParagraphElement>(null);
  const [shown, setShown] = useState(rows.length);

  const measure = useCallback(() => {
    const list = listRef.current;
    const more = moreRef.current;
    if (!list) return;
    const style = getComputedStyle(list);
    const gap = Number.parseFloat(style.rowGap) || 0;
    // The box is the offset parent of the list, its rows and the line: one frame of reference.
    const limit = list.offsetTop + list.clientHeight - (Number.parseFloat(style.paddingBottom) || 0);
    const roomWithMore = more ? more.offsetTop - gap : limit;
    const bottoms = [...list.children].map((row) => (row as HTMLElement).offsetTop + (row as HTMLElement).offsetHeight);
    setShown(rowsThatFit(bottoms, limit, roomWithMore, complete));
  }, [complete]);

  useLayoutEffect(measure, [measure, rows]);

  useEffect(() => {
    const box = boxRef.current;
    const list = listRef.current;
    if (!box || !list) return undefined;
    const observer = new ResizeObserver(() => measure());
    observer.observe(box);
    if (moreRef.current) observer.observe(moreRef.current);
    for (const row of list.children) observer.observe(row);
    return () => observer.disconnect();
  }, [measure, rows]);

  return { boxRef, listRef, moreRef, shown };
}
