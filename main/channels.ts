/**
 * The IPC channels between the preload and the main process, and the menu commands main may
 * send. The preload bundles this file, so it holds constants and pure checks only.
 */
import type { MenuCommand } from '../app/service/bridge.js';

export const CHANNELS = {
  /** Every contract operation: (name, input) -> Result. */
  call: 'gloss:call',
  /** Native open dialog for documents to import -> Result<PickedFile[]>. */
  pickFilesToImport: 'gloss:pick-files-to-import',
  /** Native save dialog, then an atomic write -> Result<boolean>. */
  saveFile: 'gloss:save-file',
  /** The window's project file -> Result<ProjectWindowInfo>. */
  windowInfo: 'gloss:window-info',
  /** main -> renderer: a MenuCommand from the native menu. */
  menu: 'gloss:menu',
} as const;

export const MENU_COMMANDS = [
  'import',
  'export-codebook-csv',
  'export-segments-csv',
  'export-qdpx',
  'export-qdc',
  'export-annotations',
  'undo',
  'redo',
  'command-palette',
  'toggle-memos',
  'find',
] as const satisfies readonly MenuCommand[];

// A MenuCommand added to bridge.ts but not listed above fails to compile here.
type Unlisted = Exclude<MenuCommand, (typeof MENU_COMMANDS)[number]>;
const everyCommandListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCommandListed;

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
