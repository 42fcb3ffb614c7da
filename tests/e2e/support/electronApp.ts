/**
 * Launching Gloss's Electron build for a test, and stubbing what a test cannot click: native
 * dialogs and the system browser (as Joplin's integration tests do, through
 * electronApp.evaluate, which runs in Electron's main process).
 */
import { _electron, type ElectronApplication } from '@playwright/test';
import { existsSync } from 'node:fs';
import { findElectronBinary } from '../../../main/electronBinary.js';
import { electronAddonPath, installedVersion, mainEntry, packageRoot, preloadEntry } from '../../../main/paths.js';

export type ElectronReadiness = { ok: true; executable: string } | { ok: false; skip: boolean; reason: string };

/**
 * Can the Electron project run here? `skip` when Electron's binary is absent (it cannot be
 * downloaded on this machine or CI); a failure, not a skip, when the binary is there but Gloss
 * is not ready for it: that is a broken build, and must not pass quietly.
 */
export function electronReadiness(): ElectronReadiness {
  const binary = findElectronBinary();
  if (!binary.ok) return { ok: false, skip: true, reason: `Electron binary not installed here: ${binary.reason}` };
  const missing = [mainEntry, preloadEntry].filter((file) => !existsSync(file));
  if (missing.length > 0) return { ok: false, skip: false, reason: `Gloss is not built for Electron (${missing.join(', ')} missing): run \`npm run build\`.` };
  const addon = electronAddonPath(installedVersion('electron'));
  if (!existsSync(addon)) return { ok: false, skip: false, reason: `better-sqlite3 is not built for Electron (${addon} missing): run \`npm run electron:addon\`.` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { ok: false, skip: false, reason: 'Electron needs a display: run the electron project under xvfb-run (xvfb-run -a npx playwright test --project=electron).' };
  }
  return { ok: true, executable: binary.path };
}

export interface LaunchOptions {
  executable: string;
  projectFile: string;
  userDataDir: string;
  cwd: string;
}

/** Gloss as a user starts it (`electron <app> <project>`), with a profile of its own. */
export async function launchGlossElectron(options: LaunchOptions): Promise<ElectronApplication> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  return _electron.launch({
    executablePath: options.executable,
    args: [packageRoot, options.projectFile],
    cwd: options.cwd,
    env: { ...env, GLOSS_USER_DATA_DIR: options.userDataDir },
    timeout: 30_000,
  });
}

/** The next Import Documents dialog "chooses" these files (none: the user cancels). */
export async function stubImportDialog(app: ElectronApplication, files: readonly string[]): Promise<void> {
  await app.evaluate(({ dialog }, filePaths) => {
    dialog.showOpenDialog = (async () => ({ canceled: filePaths.length === 0, filePaths })) as typeof dialog.showOpenDialog;
  }, [...files]);
}

/** Save dialogs answer with this file (undefined: the user cancels). */
export async function stubSaveDialog(app: ElectronApplication, file: string | undefined): Promise<void> {
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = (async () => (filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath })) as typeof dialog.showSaveDialog;
  }, file ?? null);
}

/** Message boxes answer at once with button `response`; their texts are kept for assertions. */
export async function stubMessageBoxes(app: ElectronApplication, response = 0): Promise<void> {
  await app.evaluate(({ dialog }, answer) => {
    const store = globalThis as unknown as { __glossMessages?: string[] };
    store.__glossMessages = [];
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.find((arg) => typeof arg === 'object' && arg !== null && 'message' in arg) as { message: string; detail?: string } | undefined;
      store.__glossMessages!.push([options?.message, options?.detail].filter(Boolean).join('\n'));
      return { response: answer, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  }, response);
}

export async function shownMessages(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => (globalThis as unknown as { __glossMessages?: string[] }).__glossMessages ?? []);
}

/** shell.openExternal records its URLs instead of starting a browser. */
export async function recordExternalOpens(app: ElectronApplication): Promise<void> {
  await app.evaluate(({ shell }) => {
    const store = globalThis as unknown as { __glossExternal?: string[] };
    store.__glossExternal = [];
    shell.openExternal = (async (url: string) => {
      store.__glossExternal!.push(url);
    }) as typeof shell.openExternal;
  });
}

export async function externalOpens(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => (globalThis as unknown as { __glossExternal?: string[] }).__glossExternal ?? []);
}
