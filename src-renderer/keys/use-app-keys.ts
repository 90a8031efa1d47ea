import { useEffect } from 'react';
import type { WallKeyActionName } from '../../src-shared/keys/key-table';
import { pressKey } from '../bridge/host-actions';
import { errorText } from '../bridge/host-error';
import { useAppInfoStore } from '../stores/app-info-store';
import { useKeyFeedbackStore } from './key-feedback-store';
import { matchKey } from './match-key';

/** Whether the focus is where the operator types (the console's search fields). */
function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/**
 * The key table at work in this window: a global key goes to the host (which runs its command as
 * that key, exactly as Electron's global shortcut would), the help key opens the overlay here, and
 * a wall key is handed to the wall (`onWallAction`). Keys the table does not bind are left alone.
 */
export function useAppKeys(app: 'wall' | 'console', onWallAction?: (action: WallKeyActionName, accelerator: string) => void): void {
  const bindings = useAppInfoStore((s) => s.info?.keys ?? null);
  useEffect(() => {
    if (!bindings) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.isComposing) return;
      const match = matchKey(bindings, { key: event.key, code: event.code, ctrlKey: event.ctrlKey, altKey: event.altKey, shiftKey: event.shiftKey, metaKey: event.metaKey, altGraph: event.getModifierState('AltGraph') }, app, typingTarget(event.target));
      if (!match) return;
      const { binding, accelerator } = match;
      const feedback = useKeyFeedbackStore.getState();
      if (binding.action.type === 'window') {
        event.preventDefault();
        feedback.toggleHelp();
        return;
      }
      if (binding.action.type === 'wall') {
        if (!onWallAction) return;
        event.preventDefault();
        onWallAction(binding.action.action, accelerator);
        return;
      }
      event.preventDefault();
      pressKey(accelerator).catch((error: unknown) => feedback.refused(accelerator, errorText(error)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bindings, app, onWallAction]);
}
