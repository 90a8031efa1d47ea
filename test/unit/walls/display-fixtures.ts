import type { DisplayPin, Wall } from '../../../src-shared/domain';
import type { DisplayInfo } from '../../../src-main/walls/display-order';

/** A 1080p display at (x, y), named "D<id>" unless told otherwise. */
export function display(id: number, x: number, y = 0, options: { primary?: boolean; width?: number; height?: number; label?: string; scaleFactor?: number } = {}): DisplayInfo {
  return {
    id,
    label: options.label ?? `D${id}`,
    primary: options.primary ?? false,
    bounds: { x, y, width: options.width ?? 1920, height: options.height ?? 1080 },
    scaleFactor: options.scaleFactor ?? 1,
  };
}

export function wall(id: string, pin?: DisplayPin): Wall {
  return { id, name: `Wall ${id}`, layoutId: 'tong-quan', ...(pin ? { display: pin } : {}) };
}
