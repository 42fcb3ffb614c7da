/**
 * The desktop shell's pure parts, without Electron: remembered state, which project a start
 * opens, command-line project paths, the app URL rules, window placement, the menu, and the
 * files a user picks or saves.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { clearRecentProjects, emptyAppState, forgetProject, MAX_RECENT_PROJECTS, readAppState, rememberProject, stateFile, writeAppState } from '../../main/appState.js';
import { isAppUrl, isExternalWebUrl } from '../../main/appUrl.js';
import { isMenuCommand, MENU_COMMANDS } from '../../main/channels.js';
import { browserModeDataDir, chooseStartupProject, DEFAULT_PROJECT_FILE_NAME, projectArgument } from '../../main/dataDir.js';
import { browserArguments, findBrowser, hasDisplay } from '../../main/findBrowser.js';
import { menuTemplate, type MenuActions } from '../../main/menu.js';
import { readPickedFiles, safeFileName } from '../../main/pickedFiles.js';
import { DEFAULT_SIZE, placeWindow } from '../../main/windowPlacement.js';
import { tempDir } from '../support/paths.js';

const dirs: string[] = [];
function fresh(): string {
  const dir = tempDir('gloss-shell-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('remembered state', () => {
  it('round-trips through an atomically written JSON file', () => {
    const dir = fresh();
    const state = { ...rememberProject(emptyAppState(), '/p/a.gloss'), window: { x: 10, y: 20, width: 900, height: 700, maximized: true } };
    writeAppState(dir, state);
    expect(readAppState(dir)).toEqual(state);
    expect(JSON.parse(readFileSync(stateFile(dir), 'utf8'))).toMatchObject({ version: 1, lastProject: '/p/a.gloss' });
  });

  it('starts empty when the file is missing, damaged or from elsewhere', () => {
    const dir = fresh();
    expect(readAppState(dir)).toEqual(emptyAppState());
    for (const text of ['{', '[]', '{"version":2,"recentProjects":[]}', '{"version":1,"recentProjects":"x"}', '\u0000']) {
      writeFileSync(stateFile(dir), text);
      expect(readAppState(dir), text).toEqual(emptyAppState());
    }
  });

  it('keeps recent projects most recent first, without duplicates, up to the limit', () => {
    let state = emptyAppState();
    for (let i = 0; i < MAX_RECENT_PROJECTS + 3; i++) state = rememberProject(state, `/p/${i}.gloss`);
    state = rememberProject(state, '/p/5.gloss');
    expect(state.recentProjects[0]).toBe('/p/5.gloss');
    expect(state.recentProjects).toHaveLength(MAX_RECENT_PROJECTS);
    expect(new Set(state.recentProjects).size).toBe(MAX_RECENT_PROJECTS);
    expect(state.lastProject).toBe('/p/5.gloss');
    const forgotten = forgetProject(state, '/p/5.gloss');
    expect(forgotten.lastProject).toBeUndefined();
    expect(forgotten.recentProjects).not.toContain('/p/5.gloss');
    expect(clearRecentProjects(state).recentProjects).toEqual([]);
  });
});

describe('which project a start opens', () => {
  it('prefers the argument, then the last project if it still exists, then the default', () => {
    const dir = fresh();
    const last = path.join(dir, 'last.gloss');
    const state = rememberProject(emptyAppState(), last);
    expect(chooseStartupProject('/x/arg.gloss', state, dir)).toEqual({ file: '/x/arg.gloss', reason: 'argument' });
    expect(chooseStartupProject(undefined, state, dir)).toEqual({ file: path.join(dir, DEFAULT_PROJECT_FILE_NAME), reason: 'default' });
    writeFileSync(last, '');
    expect(chooseStartupProject(undefined, state, dir)).toEqual({ file: last, reason: 'last' });
  });

  it('finds the project path in a command line', () => {
    expect(projectArgument(['p.gloss'], '/home/u')).toBe('/home/u/p.gloss');
    expect(projectArgument(['--inspect=0', '/abs/p.gloss'], '/home/u')).toBe('/abs/p.gloss');
    expect(projectArgument([], '/home/u')).toBeUndefined();
    // `electron <app folder> <project>` (development) and Playwright's extra switches.
    expect(projectArgument(['--remote-debugging-port=0', '/repo', 'p.gloss'], '/w', true)).toBe('/w/p.gloss');
    expect(projectArgument(['/repo'], '/w', true)).toBeUndefined();
  });

  it("uses the platform's data folder in browser mode", () => {
    expect(browserModeDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/Gloss');
    expect(browserModeDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.local/share/Gloss');
    expect(browserModeDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/Gloss');
    expect(browserModeDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Gloss');
    expect(browserModeDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'Gloss'));
  });
});

describe('app URLs', () => {
  it('accepts gloss://app only', () => {
    expect(isAppUrl('gloss://app/index.html')).toBe(true);
    expect(isAppUrl('gloss://app/assets/x.js?v=1#top')).toBe(true);
    for (const url of ['gloss://evil/index.html', 'gloss://app:1/index.html', 'gloss://u:p@app/', 'http://app/', 'file:///index.html', 'gloss:app', 'nonsense', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it('hands only http(s) links to the system browser', () => {
    expect(isExternalWebUrl('https://example.org/a')).toBe(true);
    expect(isExternalWebUrl('http://example.org')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'gloss://app/', 'ms-msdt:/id', 'mailto:a@b.c', 'https://']) {
      expect(isExternalWebUrl(url), url).toBe(false);
    }
  });
});

describe('window placement', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  it('puts a window back where it was, if that is on a screen', () => {
    expect(placeWindow(undefined, screen)).toEqual(DEFAULT_SIZE);
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, screen)).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(placeWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: false }, screen, 2)).toEqual({ x: 156, y: 106, width: 1000, height: 700 });
    // A screen that is gone: keep the size, let the system place it.
    expect(placeWindow({ x: 3000, y: 50, width: 1000, height: 700, maximized: false }, screen)).toEqual({ width: 1000, height: 700 });
  });
});

describe('menu', () => {
  function collect(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
    return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? collect(item.submenu) : [])]);
  }
  function actions(sent: string[]): MenuActions {
    const none = (): void => undefined;
    return { newProject: none, openProject: none, openRecent: (file) => sent.push(`open ${file}`), clearRecent: none, send: (command) => sent.push(command), about: none };
  }

  it('has the accelerators the renderer and users expect, and sends renderer commands', () => {
    const sent: string[] = [];
    const items = collect(menuTemplate({ platform: 'linux', isPackaged: true, recentProjects: ['/p/a.gloss'] }, actions(sent)));
    const byLabel = (label: string) => items.find((item) => item.label === label)!;
    expect(byLabel('Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byLabel('Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(byLabel('Command Palette…').accelerator).toBe('CmdOrCtrl+K');
    // Keys the page handles itself are shown, not taken from the page; Ctrl+I is in-vivo coding.
    for (const label of ['Undo', 'Redo', 'Command Palette…', 'Find…']) expect(byLabel(label).registerAccelerator, label).toBe(false);
    expect(byLabel('Import Documents…').accelerator).toBeUndefined();
    for (const label of ['Import Documents…', 'Codebook CSV…', 'Coded Segments CSV…', 'Undo', 'Redo', 'Command Palette…', 'Toggle Memos', 'Find…']) {
      (byLabel(label).click as () => void)();
    }
    expect(sent).toEqual(['import', 'export-codebook-csv', 'export-segments-csv', 'undo', 'redo', 'command-palette', 'toggle-memos', 'find']);
    expect(sent.every(isMenuCommand)).toBe(true);
    expect(items.some((item) => item.role === 'quit')).toBe(true);
    (items.find((item) => typeof item.label === 'string' && item.label.startsWith('a.gloss'))!.click as () => void)();
    expect(sent.at(-1)).toBe('open /p/a.gloss');
  });

  it('offers DevTools only when not packaged', () => {
    const roles = (isPackaged: boolean) => collect(menuTemplate({ platform: 'linux', isPackaged, recentProjects: [] }, actions([]))).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('every menu command is one the preload lets through', () => {
    expect(MENU_COMMANDS.every(isMenuCommand)).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand({ toString: () => 'import' })).toBe(false);
  });
});

describe('picked and saved files', () => {
  it('reads picked files as plain bytes with their names', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'a.txt'), 'hello');
    const [file] = readPickedFiles([path.join(dir, 'a.txt')]);
    expect(file!.name).toBe('a.txt');
    expect(Object.getPrototypeOf(file!.data)).toBe(Uint8Array.prototype);
    expect(new TextDecoder().decode(file!.data)).toBe('hello');
  });

  it('refuses folders and files over the limit', () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'folder'));
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2048));
    expect(() => readPickedFiles([path.join(dir, 'folder')])).toThrow(/not a file/);
    expect(() => readPickedFiles([path.join(dir, 'big.txt')], 1024)).toThrow(/larger than/);
  });

  it('turns a suggested name into a plain file name', () => {
    expect(safeFileName('codebook.csv')).toBe('codebook.csv');
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('a\\b:c*?.csv')).toBe('a_b_c__.csv');
    expect(safeFileName('...')).toBe('export.txt');
    expect(safeFileName(42)).toBe('export.txt');
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });
});

describe('browser for browser mode', () => {
  it('honours GLOSS_BROWSER and needs a display on Linux', () => {
    expect(findBrowser({ GLOSS_BROWSER: '/no/such/browser' }, 'linux')).toBeUndefined();
    if (existsSync('/usr/bin/chromium')) expect(findBrowser({ GLOSS_BROWSER: '/usr/bin/chromium' }, 'linux')).toBe('/usr/bin/chromium');
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });

  it('starts an app window with a fresh profile and nothing phoning home', () => {
    const args = browserArguments('/data/profile-1', 'file:///data/profile-1/open-gloss.html');
    expect(args).toContain('--app=file:///data/profile-1/open-gloss.html');
    expect(args).toContain('--user-data-dir=/data/profile-1');
    for (const flag of ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']) expect(args).toContain(flag);
    expect(args.join(' ')).not.toContain('token=');
  });
});
