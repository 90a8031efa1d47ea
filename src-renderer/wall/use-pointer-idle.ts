import { useEffect } from 'react';

/** How long a still pointer stays visible on the wall before it is hidden. */
export const POINTER_IDLE_MS = 3_000;

/**
 * Shows the mouse pointer on the wall while it moves and hides it after it has been still for
 * POINTER_IDLE_MS: a wall nobody touches shows no arrow over a camera, and an operator who reaches
 * for the mouse sees where they click. The state is `data-pointer` on <html> ("moving" | "idle"),
 * which wall.css reads; idle from the start, since a wall opens with nobody at it.
 */
export function usePointerIdle(): void {
  useEffect(() => {
    const root = document.documentElement;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const idle = () => {
      root.dataset.pointer = 'idle';
    };
    const moved = () => {
      root.dataset.pointer = 'moving';
      clearTimeout(timer);
      timer = setTimeout(idle, POINTER_IDLE_MS);
    };
    idle();
    window.addEventListener('pointermove', moved, { passive: true });
    window.addEventListener('pointerdown', moved, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', moved);
      window.removeEventListener('pointerdown', moved);
      delete root.dataset.pointer;
    };
  }, []);
}
