/** A Chromium-family browser to show browser mode in, as an app window. */
import { accessSync, constants, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** $GLOSS_BROWSER, else /usr/bin/chromium, else a Chromium or Chrome found where it installs. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.GLOSS_BROWSER?.trim();
  if (chosen) return chosen.includes(path.sep) ? (existsSync(chosen) ? chosen : undefined) : onPath(chosen, env);
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge']
      .map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`)
      .find((file) => existsSync(file));
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => !!root);
    const relative = [path.join('Google', 'Chrome', 'Application', 'chrome.exe'), path.join('Chromium', 'Application', 'chrome.exe'), path.join('Microsoft', 'Edge', 'Application', 'msedge.exe')];
    return roots.flatMap((root) => relative.map((file) => path.join(root, file))).find((file) => existsSync(file));
  }
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of LINUX_NAMES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  return undefined;
}

/** Without a display server, a browser window has nowhere to go (a server, a container, CI). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Chromium's switches for an app window: a fresh profile, nothing phoning home. The sandbox is
 * switched off only where Chromium refuses to start with it (running as root).
 */
export function browserArguments(profileDir: string, startPage: string): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0 && os.platform() === 'linux';
  return [
    `--app=${startPage}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(root ? ['--no-sandbox'] : []),
  ];
}
