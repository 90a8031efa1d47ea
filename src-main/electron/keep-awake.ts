import { powerSaveBlocker } from 'electron';
import type { Logger } from '../../src-shared/node/log';
import type { ShellHealthBook } from '../shell/shell-health';

/**
 * Keeps the displays awake while any wall is shown. Chromium does so by itself only for some
 * playing videos, so a wall of charts would blank after the OS's display timeout (the README says
 * how to turn that off too, for the login screen and the time before the app starts).
 */
export function createKeepAwake(log: Logger, health: Pick<ShellHealthBook, 'setFacts'>): { wallsShown(count: number): void; stop(): void } {
  let blocker: number | null = null;
  const stop = (): void => {
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    blocker = null;
  };
  return {
    wallsShown: (count) => {
      if (count > 0 && blocker === null) {
        blocker = powerSaveBlocker.start('prevent-display-sleep');
        log.info(`keeping the displays awake while ${count} wall(s) are shown`);
      } else if (count === 0 && blocker !== null) {
        stop();
        log.info('no wall shown: the displays may sleep');
      }
      health.setFacts({ displaySleep: blocker === null ? 'allowed' : 'blocked' });
    },
    stop,
  };
}
