import { globalShortcut } from 'electron';
import type { Logger } from '../../src-shared/node/log';

export type ShortcutAction = 'focus-console' | 'reload-walls';

/** The operator's keys, in one table so the console's help and the registration cannot disagree. */
export const SHORTCUTS: ReadonlyArray<{ accelerator: string; action: ShortcutAction; description: string }> = [
  { accelerator: 'CommandOrControl+Shift+C', action: 'focus-console', description: 'Bring the console to the front (reopen it if closed)' },
  { accelerator: 'CommandOrControl+Shift+R', action: 'reload-walls', description: 'Reload every wall window' },
];

/**
 * Registers the table as global shortcuts, so they work while a fullscreen wall has focus.
 * A key another program already holds is logged and skipped, not fatal.
 */
export function registerShortcuts(actions: Record<ShortcutAction, () => void>, log: Logger): () => void {
  const registered: string[] = [];
  for (const { accelerator, action } of SHORTCUTS) {
    if (globalShortcut.register(accelerator, actions[action])) registered.push(accelerator);
    else log.warn(`shortcut ${accelerator} (${action}) is taken by another program`);
  }
  return () => registered.forEach((accelerator) => globalShortcut.unregister(accelerator));
}
