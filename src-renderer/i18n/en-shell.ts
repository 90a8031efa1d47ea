import type { viShell } from './vi-shell';

/** English strings of the console's "how the app runs on this PC" panel. */
export const enShell: { readonly [K in keyof typeof viShell]: string } = {
  'shell.title': 'Running on this PC',
  'shell.displaySleep': 'Display sleep',
  'shell.displaySleep.blocked': 'Kept awake',
  'shell.displaySleep.allowed': 'Allowed (no wall is shown)',
  'shell.displaySleep.browser': 'Up to the kiosk PC’s settings',
  'shell.videoDecode': 'Video decoding',
  'shell.videoDecode.hardware': 'Hardware (GPU)',
  'shell.videoDecode.software': 'Software (CPU)',
  'shell.videoDecode.unknown': 'Unknown (kiosk browser)',
  'shell.logFile': 'Log file',
  'shell.walls': 'Wall pages',
  'shell.wall.answering': 'Answering',
  'shell.wall.silent': 'Not answering',
  'shell.wall.recovering': 'Recovering',
  'shell.wall.none': 'No window yet',
  'shell.wall.since': 'since {time}',
  'shell.wall.recoveries': '{n} recoveries',
  'shell.wall.lastProblem': 'Last problem {time}: {what}',
  'shell.errors': 'Recent errors',
  'shell.errors.none': 'No errors since start',
  'shell.quit': 'Quit the app',
  'shell.quit.hint': 'Closes every wall on this PC (admins only)',
  'shell.quit.confirm': 'Quit IOC Wall on this PC? The walls stay dark until the app is started again.',
};
