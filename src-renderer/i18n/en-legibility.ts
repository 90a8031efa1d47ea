import type { viLegibility } from './vi-legibility';

/** English strings for the wall's reading aids, typed against the Vietnamese ones. */
export const enLegibility: { readonly [K in keyof typeof viLegibility]: string } = {
  'wall.enlarged.hint': 'One tile enlarged',
  'wall.enlarged.back': 'to go back to the whole wall',
};
