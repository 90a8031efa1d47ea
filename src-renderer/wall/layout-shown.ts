import { createContext, useContext } from 'react';

/**
 * Whether the layout a tile belongs to is on screen, or kept hidden for a quick switch back
 * (standby-layouts.ts). Hidden tiles skip redraws that nobody sees and catch up when shown.
 */
export const LayoutShownContext = createContext(true);

export const useLayoutShown = (): boolean => useContext(LayoutShownContext);
