import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeResult } from '../../src-shared/ipc';
import type { Logger } from '../../src-shared/node/log';
import type { AppCore } from '../app-core';
import { eventIsFor } from '../window-identity';
import { isAppUrl } from './app-url';
import { appWindows, identityOf, isAppWebContents } from './window-factory';

/**
 * Why a sender may not call the host, or null when it may: it must be the main frame of one of our
 * windows, showing an app:// page. Anything else (a window we did not make, a frame that navigated
 * away, a subframe) is refused before its request is even parsed.
 */
function untrustedReason(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'sender frame is gone';
  if (!isAppWebContents(event.sender)) return 'sender is not an app window';
  if (frame !== event.sender.mainFrame) return 'sender is a subframe';
  if (!isAppUrl(frame.url)) return `sender page ${frame.url} is not app://`;
  return null;
}

/**
 * Wires Electron IPC to the app core: one handler per invoke channel, all through the same sender
 * check, each request run as the window the host made (a wall's or the console), and each host
 * event sent to the windows it is for. The only file that touches ipcMain.
 */
export function registerIpc(core: AppCore, log: Logger): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<InvokeResult<unknown>> => {
      const reason = untrustedReason(event);
      const window = reason ? undefined : identityOf(event.sender);
      if (!window) {
        log.warn(`refused ${channel}: ${reason ?? 'window has no role'}`);
        return { ok: false, error: 'untrusted sender' };
      }
      return core.invoke(window, channel, request);
    });
  }
  const unsubscribe = core.onEvent((channel, payload) => {
    for (const win of appWindows()) {
      const contents = win.webContents;
      const window = identityOf(contents);
      if (window && !contents.isDestroyed() && isAppUrl(contents.getURL()) && eventIsFor(window, channel, payload)) contents.send(channel, payload);
    }
  });
  return () => {
    unsubscribe();
    INVOKE_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
  };
}
