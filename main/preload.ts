/**
 * The sandboxed preload: exposes exactly one object, `window.gloss`, implementing GlossBridge
 * over IPC, and nothing else. Sandboxed preloads must be CommonJS and may only require
 * 'electron', so esbuild bundles this file (and channels.ts) into dist/main/preload.cjs.
 * The page never sees ipcRenderer or an IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { GlossBridge, MenuCommand, PickedFile, ProjectWindowInfo } from '../app/service/bridge.js';
import type { GlossApi, Result } from '../app/service/contract.js';
import { CHANNELS, isMenuCommand } from './channels.js';

/** Desktop calls fail as rejected promises with the user-facing message, like a failed fetch. */
async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new Error(result.error.message);
}

const bridge = {
  call: ((name, input) => ipcRenderer.invoke(CHANNELS.call, name, input)) as GlossApi['call'],

  pickFilesToImport: () => unwrap<PickedFile[]>(ipcRenderer.invoke(CHANNELS.pickFilesToImport)),

  saveFile: (suggestedName: string, content: string | Uint8Array) => unwrap<boolean>(ipcRenderer.invoke(CHANNELS.saveFile, suggestedName, content)),

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(CHANNELS.menu, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menu, handler);
    };
  },

  windowInfo: () => unwrap<ProjectWindowInfo>(ipcRenderer.invoke(CHANNELS.windowInfo)),
} satisfies GlossBridge;

contextBridge.exposeInMainWorld('gloss', bridge);
