/**
 * What the renderer gets from its host, besides the contract: the desktop things a page cannot
 * do by itself. Electron's preload implements it with IPC and native dialogs; browser mode
 * implements it in the page (file inputs, downloads). Types only.
 */
import type { GlossApi } from './contract.js';

export interface PickedFile {
  name: string;
  data: Uint8Array;
}

export type MenuCommand =
  | 'import'
  | 'export-codebook-csv'
  | 'export-segments-csv'
  | 'export-qdpx'
  | 'export-qdc'
  | 'export-annotations'
  | 'undo'
  | 'redo'
  | 'command-palette'
  | 'toggle-memos'
  | 'find';

export interface ProjectWindowInfo {
  /** The project's file path. */
  file: string;
  /** 'electron' or 'browser': which door the page came through. */
  shell: 'electron' | 'browser';
}

export interface GlossBridge {
  call: GlossApi['call'];
  /** Ask the user for documents to import (native dialog in Electron). Empty when cancelled. */
  pickFilesToImport(): Promise<PickedFile[]>;
  /** Save text or bytes to a file the user chooses (native dialog in Electron, a download in a browser). */
  saveFile(suggestedName: string, content: string | Uint8Array): Promise<boolean>;
  /** Menu commands from the native menu (Electron only; browser mode uses keyboard shortcuts). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  windowInfo(): Promise<ProjectWindowInfo>;
}
