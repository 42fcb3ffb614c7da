/**
 * Native dialogs. Always called as `dialog.showOpenDialog(…)` on the module object, never
 * destructured, so tests can stub them through electronApp.evaluate.
 */
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { toErrorInfo } from '../app/domain/errors.js';
import { IMPORT_EXTENSIONS } from './pickedFiles.js';

const PROJECT_FILTERS: FileFilter[] = [
  { name: 'Gloss projects', extensions: ['gloss'] },
  { name: 'All files', extensions: ['*'] },
];

async function showOpen(parent: BrowserWindow | undefined, options: OpenDialogOptions): Promise<string[]> {
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function showSave(parent: BrowserWindow | undefined, options: SaveDialogOptions): Promise<string | undefined> {
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
}

export async function chooseProjectToOpen(parent: BrowserWindow | undefined, defaultDir: string): Promise<string | undefined> {
  const [file] = await showOpen(parent, { title: 'Open Project', defaultPath: defaultDir, properties: ['openFile'], filters: PROJECT_FILTERS });
  return file;
}

export async function chooseNewProjectFile(parent: BrowserWindow | undefined, defaultDir: string): Promise<string | undefined> {
  const file = await showSave(parent, {
    title: 'New Project',
    buttonLabel: 'Create',
    defaultPath: path.join(defaultDir, 'Untitled Project.gloss'),
    filters: PROJECT_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (file === undefined) return undefined;
  return /\.gloss$/i.test(file) ? file : `${file}.gloss`;
}

export async function chooseFilesToImport(parent: BrowserWindow | undefined): Promise<string[]> {
  return showOpen(parent, {
    title: 'Import Documents',
    buttonLabel: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Documents (txt, md, html, docx, pdf), codebooks (csv, qdc), projects (qdpx, gloss)', extensions: [...IMPORT_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
}

export async function chooseSaveFile(parent: BrowserWindow | undefined, defaultPath: string): Promise<string | undefined> {
  const extension = path.extname(defaultPath).slice(1).toLowerCase();
  const filters: FileFilter[] = extension ? [{ name: `${extension.toUpperCase()} files`, extensions: [extension] }, { name: 'All files', extensions: ['*'] }] : [];
  return showSave(parent, { title: 'Save', defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] });
}

/** An error as the user should see it: what happened in `title`, what to do in the detail. */
export async function showError(parent: BrowserWindow | undefined, title: string, error: unknown): Promise<void> {
  const options = { type: 'error' as const, title: 'Gloss', message: title, detail: toErrorInfo(error).message, buttons: ['OK'] };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}
