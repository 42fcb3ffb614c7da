/**
 * Gloss's Electron main process: lifecycle, one window per project, menus, dialogs, the
 * single-instance lock, and IPC to the service. A thin shell: every operation on a project is
 * the service's, reached through the contract.
 */
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../app/domain/errors.js';
import type { MenuCommand } from '../app/service/bridge.js';
import { rendererDirectory } from '../app/host/staticFiles.js';
import { clearRecentProjects, forgetProject, readAppState, rememberProject, writeAppState, type AppState } from './appState.js';
import { CHANNELS } from './channels.js';
import { chooseStartupProject, projectArgument } from './dataDir.js';
import { chooseNewProjectFile, chooseProjectToOpen, showError } from './dialogs.js';
import { prepareSqliteForElectron } from './electronSqlite.js';
import { registerIpcHandlers } from './ipc.js';
import { menuTemplate } from './menu.js';
import { preloadEntry } from './paths.js';
import { ProjectWindows, type OpenMode } from './projectWindows.js';
import { registerAppScheme, serveApp } from './protocol.js';
import { hardenAllContents, hardenSession } from './security.js';

// Before `ready`, and before any await: privileged schemes and paths are fixed at startup.
registerAppScheme();
app.enableSandbox();
app.setName('Gloss');
// GLOSS_USER_DATA_DIR: a separate profile (tests give each run a fresh one).
const userDataOverride = process.env.GLOSS_USER_DATA_DIR;
app.setPath('userData', userDataOverride ? path.resolve(userDataOverride) : path.join(app.getPath('appData'), 'Gloss'));

/** `electron <app folder> <project>` in development, `Gloss <project>` when packaged. */
function projectFromArgv(argv: readonly string[], cwd: string): string | undefined {
  return projectArgument(argv.slice(1), cwd, process.defaultApp === true);
}

const startProject = projectFromArgv(process.argv, process.cwd());

if (!app.requestSingleInstanceLock({ project: startProject ?? null })) {
  // Another Gloss runs with this profile: it got our project (second-instance) and opens it.
  app.quit();
} else {
  start();
}

function start(): void {
  const userData = app.getPath('userData');
  let state: AppState = readAppState(userData);
  let ready = false;
  const pendingFiles: string[] = [];

  function saveState(next: AppState): void {
    state = next;
    try {
      writeAppState(userData, state);
    } catch (error) {
      console.error(`Gloss could not save its settings in ${userData}:`, error);
    }
  }

  function documentsDir(): string {
    try {
      const documents = app.getPath('documents');
      if (existsSync(documents)) return documents;
    } catch {
      // No documents folder on this system: use Gloss's own folder instead.
    }
    return userData;
  }

  const windows = new ProjectWindows({
    preload: preloadEntry,
    devTools: !app.isPackaged,
    windowState: () => state.window,
    saveWindowState: (window) => saveState({ ...state, window }),
    opened: (file) => {
      saveState(rememberProject(state, file));
      app.addRecentDocument(file);
      buildMenu();
    },
    closed: () => buildMenu(),
  });

  function parentWindow(): BrowserWindow | undefined {
    return windows.mostRecent()?.window;
  }

  /** Open a project, reporting any failure in a dialog; true if a window shows it. */
  async function openProject(file: string, mode: OpenMode): Promise<boolean> {
    try {
      windows.openProject(file, mode);
      return true;
    } catch (error) {
      if (error instanceof GlossError && (error.code === 'not_found' || error.code === 'not_a_project')) {
        saveState(forgetProject(state, path.resolve(file)));
        buildMenu();
      }
      await showError(parentWindow(), `Gloss could not open ${path.basename(file)}`, error);
      return false;
    }
  }

  async function openFromDialog(): Promise<void> {
    const file = await chooseProjectToOpen(parentWindow(), documentsDir());
    if (file !== undefined) await openProject(file, 'open');
  }

  async function newFromDialog(): Promise<void> {
    const file = await chooseNewProjectFile(parentWindow(), documentsDir());
    if (file !== undefined) await openProject(file, 'create');
  }

  /** The project given, else the last one, else `Gloss Project.gloss` in the documents folder. */
  async function openAtStart(argument: string | undefined): Promise<void> {
    const { file, reason } = chooseStartupProject(argument, state, documentsDir());
    if (reason === 'default') mkdirSync(path.dirname(file), { recursive: true });
    if (await openProject(file, reason === 'last' ? 'open' : 'openOrCreate')) return;
    // Nothing opened (locked elsewhere, damaged, newer): let the user pick rather than vanish.
    if (windows.count === 0) await openFromDialog();
    if (windows.count === 0) app.quit();
  }

  function send(command: MenuCommand): void {
    const target = windows.focused() ?? windows.mostRecent();
    target?.window.webContents.send(CHANNELS.menu, command);
  }

  function about(): void {
    const options = {
      type: 'info' as const,
      title: 'About Gloss',
      message: `Gloss ${app.getVersion()}`,
      detail: `An offline workbench for qualitative coding.\n\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}.`,
      buttons: ['OK'],
    };
    const parent = parentWindow();
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  }

  function buildMenu(): void {
    if (!ready) return;
    const template = menuTemplate(
      { platform: process.platform, isPackaged: app.isPackaged, recentProjects: state.recentProjects },
      {
        newProject: () => void newFromDialog(),
        openProject: () => void openFromDialog(),
        openRecent: (file) => void openProject(file, 'open'),
        clearRecent: () => {
          saveState(clearRecentProjects(state));
          app.clearRecentDocuments();
          buildMenu();
        },
        send,
        about,
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  // macOS: a .gloss file opened from Finder, possibly before `ready`.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    if (ready) void openProject(file, 'open');
    else pendingFiles.push(file);
  });

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const data = additionalData as { project?: unknown } | null;
    const file = typeof data?.project === 'string' ? data.project : projectFromArgv(argv, workingDirectory);
    if (file !== undefined) {
      void openProject(file, 'openOrCreate');
      return;
    }
    const target = windows.mostRecent();
    if (target) windows.focus(target);
    else void openAtStart(undefined);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (ready && windows.count === 0) void openAtStart(undefined);
  });

  // Services closed and locks released even when windows do not get to close normally.
  app.on('quit', () => windows.releaseAll());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  hardenAllContents();

  void app.whenReady().then(async () => {
    const sqlite = prepareSqliteForElectron(app.isPackaged, process.versions.electron);
    if (!sqlite.ok) {
      dialog.showErrorBox(sqlite.title, sqlite.message);
      app.exit(1);
      return;
    }
    let rendererDir: string;
    try {
      rendererDir = rendererDirectory();
    } catch (error) {
      dialog.showErrorBox('Gloss is not built', `${error instanceof Error ? error.message : String(error)} (the window's page is missing from dist/renderer).`);
      app.exit(1);
      return;
    }
    hardenSession(session.defaultSession);
    serveApp(session.defaultSession, rendererDir);
    registerIpcHandlers(windows, { defaultSaveDir: documentsDir });
    ready = true;
    buildMenu();
    const first = pendingFiles.shift() ?? startProject;
    await openAtStart(first);
    for (const file of pendingFiles.splice(0)) await openProject(file, 'open');
  });
}
