/**
 * Browser mode from `npm start` where Electron cannot run: the project is served on 127.0.0.1
 * (openSession locks it) and shown in a Chromium app window with a throwaway profile, or its
 * address is printed. Stops on Ctrl+C, SIGTERM, or when the app window is closed, and then
 * releases the project's lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GlossError } from '../app/domain/errors.js';
import { openSession, type Session } from '../app/host/session.js';
import { rendererDirectory } from '../app/host/staticFiles.js';
import { readAppState, rememberProject, writeAppState } from './appState.js';
import { browserModeDataDir, chooseStartupProject } from './dataDir.js';
import { browserArguments, findBrowser, hasDisplay } from './findBrowser.js';

export interface BrowserModeOptions {
  project?: string;
  dataDir?: string;
  out?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The address carries the session's secret token. Command lines are visible to every user of
 * the machine (ps), so the browser is pointed at a private file that forwards to the address.
 */
function writeStartPage(profileDir: string, url: string): string {
  const file = path.join(profileDir, 'open-gloss.html');
  const html = `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeHtml(url)}"><title>Gloss</title>`;
  writeFileSync(file, html, { mode: 0o600 });
  return pathToFileURL(file).href;
}

export async function runBrowserMode(options: BrowserModeOptions = {}): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? browserModeDataDir(env);
  mkdirSync(dataDir, { recursive: true });
  const state = readAppState(dataDir);
  const { file } = chooseStartupProject(options.project, state, dataDir);

  let rendererDir: string;
  try {
    rendererDir = rendererDirectory();
  } catch {
    out('gloss: the workbench page is not built (dist/renderer/index.html is missing): run `npm run build` first.');
    return 1;
  }

  let session: Session;
  try {
    session = await openSession(file, { rendererDir });
  } catch (error) {
    out(`gloss: ${error instanceof GlossError ? error.message : `Gloss could not open ${file}: ${error instanceof Error ? error.message : String(error)}`}`);
    return 1;
  }
  try {
    writeAppState(dataDir, rememberProject(state, path.resolve(file)));
  } catch {
    // Only the recent-projects list is lost; the project itself is open.
  }
  const info = await session.service.run('project.info', {});
  out(`Gloss is serving "${info.name}" (${path.resolve(file)}) at ${session.host.url}`);

  let browser: ChildProcess | undefined;
  let profileDir: string | undefined;
  const browserPath = findBrowser(env);
  if (!browserPath) {
    out('No Chromium or Chrome found (set GLOSS_BROWSER to one): open the address above in a Chromium-based browser.');
  } else if (!hasDisplay(env)) {
    out('No display to open a window on: open the address above in a browser.');
  } else {
    const profiles = path.join(dataDir, 'browser-profiles');
    mkdirSync(profiles, { recursive: true });
    profileDir = mkdtempSync(path.join(profiles, 'profile-'));
    browser = spawn(browserPath, browserArguments(profileDir, writeStartPage(profileDir, session.host.url)), { stdio: 'ignore' });
  }
  out('Press Ctrl+C to stop.');

  const reason = await new Promise<string>((resolve) => {
    const stop = (signal: string) => (): void => resolve(signal);
    process.once('SIGINT', stop('interrupted'));
    process.once('SIGTERM', stop('terminated'));
    browser?.once('error', (error) => {
      out(`Could not start ${browserPath}: ${error.message}. Open the address above in a browser.`);
      browser = undefined;
    });
    browser?.once('exit', (code) => {
      browser = undefined;
      // A window the user closed ends Gloss; a browser that failed to start leaves the address.
      if (code === 0) resolve('window closed');
      else out(`${browserPath} exited (code ${code}); open the address above in a browser.`);
    });
  });

  browser?.kill();
  await session.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  out(`Gloss stopped (${reason}); ${path.basename(file)} is closed.`);
  return 0;
}
