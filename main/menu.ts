/**
 * The application menu. Items the renderer handles are sent to it as MenuCommand values; the
 * rest (projects, windows, editing roles) are handled here. Only types come from Electron, so
 * the template is tested without it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../app/service/bridge.js';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  /** Send a command to the focused project window's page. */
  send(command: MenuCommand): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  recentProjects: readonly string[];
}

export function menuTemplate(options: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  /**
   * A menu item the page handles. `pageKey`: the page already handles this key itself (and
   * knows when the user is typing in a field), so on Linux and Windows the menu only shows the
   * shortcut instead of taking the key away from the page.
   */
  const command = (label: string, name: MenuCommand, accelerator?: string, pageKey = false): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    ...(pageKey ? { registerAccelerator: false } : {}),
    click: () => actions.send(name),
  });

  const recent: MenuItemConstructorOptions[] =
    options.recentProjects.length === 0
      ? [{ label: 'No Recent Projects', enabled: false }]
      : [
          ...options.recentProjects.map((file): MenuItemConstructorOptions => ({
            label: `${path.basename(file)}  —  ${path.dirname(file)}`,
            click: () => actions.openRecent(file),
          })),
          { type: 'separator' },
          { label: 'Clear Recent', click: () => actions.clearRecent() },
        ];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      // No shortcut: Ctrl/Cmd+I is in-vivo coding in the reader.
      command('Import Documents…', 'import'),
      {
        label: 'Export',
        submenu: [
          command('Codebook CSV…', 'export-codebook-csv'),
          command('Coded Segments CSV…', 'export-segments-csv'),
          { type: 'separator' },
          command('REFI-QDA Project (.qdpx)…', 'export-qdpx'),
          command('REFI-QDA Codebook (.qdc)…', 'export-qdc'),
          command('Web Annotations (JSON-LD)…', 'export-annotations'),
        ],
      },
      { type: 'separator' },
      { label: 'Close Window', role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z', true),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z', true),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F', true),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Command Palette…', 'command-palette', 'CmdOrCtrl+K', true),
      command('Toggle Memos', 'toggle-memos', 'CmdOrCtrl+Shift+M'),
      { type: 'separator' },
      { role: 'reload' },
      ...(options.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ label: 'About Gloss', click: () => actions.about() }],
  };

  return [...(mac ? [{ role: 'appMenu' } as const] : []), file, edit, view, ...(mac ? [{ role: 'windowMenu' } as const] : []), help];
}
