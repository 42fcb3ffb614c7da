/**
 * The IPC door to the service. Every handler first checks its sender is the top frame of one of
 * our project windows showing our app; the contract call then validates its input with the
 * contract's zod schemas in the service. Results are values ({ ok, value } / { ok, error }),
 * never thrown, so the renderer gets the message meant for the user and no stack trace.
 */
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { GlossError, toErrorInfo } from '../app/domain/errors.js';
import type { PickedFile, ProjectWindowInfo } from '../app/service/bridge.js';
import { operations, type OperationName, type Result } from '../app/service/contract.js';
import { writeFileAtomically } from './atomicFile.js';
import { CHANNELS } from './channels.js';
import { chooseFilesToImport, chooseSaveFile } from './dialogs.js';
import { readPickedFiles, safeFileName } from './pickedFiles.js';
import type { ProjectWindow, ProjectWindows } from './projectWindows.js';

/** A text file to save may be big (a full segments export), but not unbounded. */
const MAX_SAVE_CHARS = 512 * 1024 * 1024;

function refused(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

const NOT_OUR_WINDOW = 'Gloss refused a request that did not come from one of its own project windows.';

async function guarded<T>(
  windows: ProjectWindows,
  event: IpcMainInvokeEvent,
  action: (target: ProjectWindow) => T | Promise<T>,
): Promise<Result<T>> {
  const target = windows.forSender(event);
  if (!target) return refused(NOT_OUR_WINDOW);
  try {
    return { ok: true, value: await action(target) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

export interface IpcOptions {
  /** Where save dialogs start (the user's documents folder). */
  defaultSaveDir(): string;
}

export function registerIpcHandlers(windows: ProjectWindows, options: IpcOptions): void {
  let lastSaveDir: string | undefined;

  ipcMain.handle(CHANNELS.call, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    const target = windows.forSender(event);
    if (!target) return refused(NOT_OUR_WINDOW);
    if (typeof name !== 'string' || !Object.hasOwn(operations, name)) return refused(`Gloss has no operation "${String(name)}".`);
    // The service validates `input` against the contract's schema before anything runs.
    return target.service.call(name as OperationName, input as never);
  });

  ipcMain.handle(CHANNELS.pickFilesToImport, (event) =>
    guarded(windows, event, async (target): Promise<PickedFile[]> => readPickedFiles(await chooseFilesToImport(target.window))),
  );

  ipcMain.handle(CHANNELS.saveFile, (event, suggestedName: unknown, content: unknown) =>
    guarded(windows, event, async (target): Promise<boolean> => {
      if (typeof content !== 'string' && !(content instanceof Uint8Array)) throw new GlossError('invalid_input', 'Only text or bytes can be saved this way.');
      if (content.length > MAX_SAVE_CHARS) throw new GlossError('invalid_input', `The text to save is larger than ${MAX_SAVE_CHARS / 2 ** 20} MB; export less at once.`);
      const name = safeFileName(suggestedName);
      const file = await chooseSaveFile(target.window, path.join(lastSaveDir ?? options.defaultSaveDir(), name));
      if (file === undefined) return false;
      writeFileAtomically(file, content);
      lastSaveDir = path.dirname(file);
      return true;
    }),
  );

  ipcMain.handle(CHANNELS.windowInfo, (event) => guarded(windows, event, (target): ProjectWindowInfo => ({ file: target.file, shell: 'electron' })));

  app.once('will-quit', () => {
    for (const channel of [CHANNELS.call, CHANNELS.pickFilesToImport, CHANNELS.saveFile, CHANNELS.windowInfo]) ipcMain.removeHandler(channel);
  });
}
