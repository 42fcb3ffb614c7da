/**
 * One project per window. Each window holds its project's lock and its own GlossService for as
 * long as it is open; closing the window closes the service and releases the lock.
 */
import { BrowserWindow, screen, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../app/domain/errors.js';
import { GlossService } from '../app/service/service.js';
import { acquireProjectLock, type ProjectLock } from '../app/store/projectLock.js';
import type { WindowState } from './appState.js';
import { APP_ENTRY_URL, isAppUrl } from './appUrl.js';
import { placeWindow } from './windowPlacement.js';

export interface ProjectWindow {
  readonly window: BrowserWindow;
  /** The project file, absolute. */
  readonly file: string;
  readonly service: GlossService;
}

interface Entry extends ProjectWindow {
  readonly lock: ProjectLock;
}

/** open: it must exist; create: it must not; openOrCreate: either. */
export type OpenMode = 'open' | 'create' | 'openOrCreate';

export interface ProjectWindowsOptions {
  preload: string;
  devTools: boolean;
  windowState(): WindowState | undefined;
  saveWindowState(state: WindowState): void;
  /** Called once a project's window exists: remember it, rebuild the menu. */
  opened(file: string): void;
  closed(file: string): void;
}

/** The same file however it was named: symlinks and relative paths resolved. */
export function canonicalProjectPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

function projectName(file: string): string {
  return path.basename(file).replace(/\.gloss$/i, '') || 'Gloss Project';
}

export class ProjectWindows {
  private readonly entries = new Map<number, Entry>();

  constructor(private readonly options: ProjectWindowsOptions) {}

  get count(): number {
    return this.entries.size;
  }

  all(): ProjectWindow[] {
    return [...this.entries.values()];
  }

  find(file: string): ProjectWindow | undefined {
    const wanted = canonicalProjectPath(file);
    return this.all().find((entry) => entry.file === wanted);
  }

  focused(): ProjectWindow | undefined {
    const window = BrowserWindow.getFocusedWindow();
    return window ? this.entries.get(window.webContents.id) : undefined;
  }

  /** The most recently focused window, for actions with no window of their own. */
  mostRecent(): ProjectWindow | undefined {
    return this.focused() ?? this.all().at(-1);
  }

  forContents(contents: WebContents): ProjectWindow | undefined {
    return this.entries.get(contents.id);
  }

  /**
   * The project window an IPC call comes from, or undefined if the sender is not one of our
   * windows' top frames showing our app (a subframe, a navigated-away page, a destroyed frame).
   */
  forSender(event: IpcMainInvokeEvent): ProjectWindow | undefined {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) return undefined;
    const entry = this.entries.get(event.sender.id);
    if (!entry || entry.window.isDestroyed() || entry.window.webContents.id !== event.sender.id) return undefined;
    return entry;
  }

  focus(entry: ProjectWindow): void {
    if (entry.window.isMinimized()) entry.window.restore();
    entry.window.show();
    entry.window.focus();
  }

  /**
   * Open a project in a new window, or focus the window that already has it. Throws a GlossError
   * the user can act on (locked by another process, not a project, newer schema, exists…).
   */
  openProject(file: string, mode: OpenMode): ProjectWindow {
    const resolved = canonicalProjectPath(file);
    const existing = this.find(resolved);
    if (existing) {
      if (mode === 'create') throw new GlossError('exists', `${resolved} is already open in a Gloss window. Choose another name for the new project.`);
      this.focus(existing);
      return existing;
    }
    const exists = existsSync(resolved);
    if (mode === 'open' && !exists) throw new GlossError('not_found', `${resolved} no longer exists. It may have been moved, renamed or deleted.`);
    if (mode === 'create' && exists) {
      throw new GlossError('exists', `${resolved} already exists, and Gloss never replaces a project file. Choose another name, or use Open Project.`);
    }

    const lock = acquireProjectLock(resolved);
    let service: GlossService;
    try {
      service = exists ? GlossService.open(resolved) : GlossService.create(resolved, projectName(resolved));
    } catch (error) {
      lock.release();
      throw error;
    }
    const window = this.createWindow(resolved);
    const entry: Entry = { window, file: resolved, service, lock };
    const id = window.webContents.id;
    this.entries.set(id, entry);
    window.on('close', () => this.options.saveWindowState({ ...window.getNormalBounds(), maximized: window.isMaximized() }));
    window.on('closed', () => {
      this.entries.delete(id);
      service.close();
      lock.release();
      this.options.closed(resolved);
    });
    void service.run('project.info', {}).then(
      (info) => {
        if (!window.isDestroyed()) window.setTitle(`${info.name} — Gloss`);
      },
      () => undefined,
    );
    void window.loadURL(APP_ENTRY_URL);
    this.options.opened(resolved);
    return entry;
  }

  /** Close every service and release every lock now (quitting, or a signal). */
  releaseAll(): void {
    for (const entry of this.entries.values()) {
      entry.service.close();
      entry.lock.release();
    }
  }

  private createWindow(file: string): BrowserWindow {
    const saved = this.options.windowState();
    const bounds = placeWindow(saved, screen.getAllDisplays().map((display) => display.workArea), this.entries.size);
    const window = new BrowserWindow({
      ...bounds,
      minWidth: 640,
      minHeight: 400,
      show: false,
      title: `${projectName(file)} — Gloss`,
      backgroundColor: '#ffffff',
      webPreferences: {
        preload: this.options.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: this.options.devTools,
      },
    });
    window.once('ready-to-show', () => {
      if (saved?.maximized && this.entries.size <= 1) window.maximize();
      window.show();
    });
    // An invisible app is worse than a blank window: show it even if the page failed.
    window.webContents.once('did-fail-load', () => {
      if (!window.isDestroyed() && !window.isVisible()) window.show();
    });
    return window;
  }
}
