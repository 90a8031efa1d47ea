/** What each app announces once it shows real data. */
export type ReadyState = 'wall' | 'console' | 'wall-error' | 'sign-in';

/**
 * The named readiness signal end-to-end tests and kiosk watchdogs wait on instead of sleeping:
 * `<html data-ready="…">` plus an `iocwall:ready` event (not sent for the error and sign-in screens).
 */
export function signalReady(state: ReadyState): void {
  if (document.documentElement.dataset.ready === state) return;
  document.documentElement.dataset.ready = state;
  if (state === 'wall' || state === 'console') window.dispatchEvent(new Event('iocwall:ready'));
}
