import { globalShortcut } from 'electron';
import type { KeyBinding } from '../../src-shared/keys/key-table';
import { errorMessage, type Logger } from '../../src-shared/node/log';
import type { KeyStatus } from '../operations/operator-view';
import { globalShortcutsBlocked } from '../shortcuts/global-shortcut-support';

/**
 * Registers the key table's global keys as Electron global shortcuts, so they work while a
 * fullscreen wall has focus; each runs its command as that key. A key another program holds is
 * skipped and reported (the console lists it; it still works inside IOC windows). Where the desktop
 * does not allow global shortcuts at all (Wayland), nothing is registered and the console says so.
 */
export function registerShortcuts(bindings: readonly KeyBinding[], press: (accelerator: string) => void, log: Logger): { status: KeyStatus; unregister(): void } {
  const blocked = globalShortcutsBlocked(process.env, process.platform);
  if (blocked) {
    log.warn(`global shortcuts are off: ${blocked}; keys work only while an IOC window has the focus`);
    return { status: { global: 'unavailable', reason: blocked, taken: [] }, unregister: () => undefined };
  }
  const registered: string[] = [];
  const taken: string[] = [];
  for (const binding of bindings) {
    if (binding.scope !== 'global') continue;
    for (const accelerator of binding.keys) {
      let ok = false;
      try {
        ok = globalShortcut.register(accelerator, () => press(accelerator));
      } catch (error) {
        log.warn(`shortcut ${accelerator} (${binding.id}) cannot be registered: ${errorMessage(error)}`);
      }
      if (ok) registered.push(accelerator);
      else {
        taken.push(accelerator);
        log.warn(`shortcut ${accelerator} (${binding.id}) is taken by another program`);
      }
    }
  }
  log.info(`${registered.length} global shortcuts registered${taken.length > 0 ? `, ${taken.length} taken by other programs` : ''}`);
  return { status: { global: 'active', reason: null, taken }, unregister: () => registered.forEach((accelerator) => globalShortcut.unregister(accelerator)) };
}
