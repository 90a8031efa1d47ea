import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventChannel, isInvokeChannel, type InvokeResult } from '../../src-shared/ipc-channels';
import type { IocWallTransport } from '../../src-shared/preload-api';

/**
 * The renderer's only door to the host: two functions on `window.iocWall`, limited to the channels
 * of the contract. ipcRenderer and Electron's event objects never cross into the page, so a
 * compromised page can neither reach other channels nor the sender machinery.
 */
const transport: IocWallTransport = {
  invoke(channel, request) {
    if (!isInvokeChannel(channel)) return Promise.resolve({ ok: false, error: `unknown channel "${String(channel).slice(0, 64)}"` });
    return (ipcRenderer.invoke(channel, request) as Promise<InvokeResult<unknown>>).catch(
      (error: unknown): InvokeResult<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  },
  on(channel, listener) {
    if (!isEventChannel(channel)) throw new TypeError(`unknown event channel "${String(channel).slice(0, 64)}"`);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('iocWall', transport);
