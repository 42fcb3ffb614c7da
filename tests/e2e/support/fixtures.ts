/**
 * The fixtures every end-to-end spec uses. The same specs run in two Playwright projects:
 *
 * - `chromium` (browser mode): a fresh project in a temp folder per test, served in this worker
 *   by openSession (as `gloss serve` does), and the system Chromium at its address.
 * - `electron`: Gloss's Electron build on a fresh project with a fresh profile per test;
 *   skipped, with the reason, where Electron's binary is not installed.
 *
 * Both give the test `page` (the workbench), `gloss` (the page object), `projectFile`, and
 * `service`: a GlossService on the real SQLite file for assertions. In browser mode it is the
 * very service behind the page; in Electron it is a second connection opened in this worker
 * (the app's service lives in Electron's main process), which sees everything committed.
 */
import { test as base, chromium, expect, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSession, type Session } from '../../../app/host/session.js';
import { GlossService } from '../../../app/service/service.js';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.js';
import { electronReadiness, launchGlossElectron } from './electronApp.js';
import { GlossApp, type Shell } from './glossApp.js';
import { rendererDirForTests } from './renderer.js';

export interface GlossOptions {
  /** Set per Playwright project: which door the workbench comes through. */
  shell: Shell;
  /** The test project's name (its file is `<name>.gloss`). */
  projectName: string;
}

export interface GlossFixtures {
  /** A fresh folder for this test, removed after it. */
  workDir: string;
  /** The project file the app has open (created empty for the test). */
  projectFile: string;
  /** Browser mode: the running session (host URL, token, service). Undefined in Electron. */
  session: Session | undefined;
  /** Electron: the running app, for electronApp.evaluate and dialog stubs. Undefined in browser mode. */
  electronApp: ElectronApplication | undefined;
  /** The workbench page. */
  page: Page;
  gloss: GlossApp;
  /** The real project file through the service: assert what the UI did. */
  service: GlossService;
  /** Runs before every test: skips the electron project where Electron cannot run. */
  shellAvailable: void;
}

interface WorkerFixtures {
  /** Launched on first use only, so the electron project never starts Chromium. */
  chromiumBrowser: () => Promise<Browser>;
}

export const test = base.extend<GlossFixtures & GlossOptions, WorkerFixtures>({
  shell: ['browser', { option: true }],
  projectName: ['E2E Project', { option: true }],

  chromiumBrowser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      let launched: Promise<Browser> | undefined;
      await use(() => (launched ??= chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS })));
      if (launched) await (await launched).close();
    },
    { scope: 'worker' },
  ],

  shellAvailable: [
    async ({ shell }, use, testInfo) => {
      if (shell === 'electron') {
        const readiness = electronReadiness();
        if (!readiness.ok) {
          if (readiness.skip) testInfo.skip(true, readiness.reason);
          else throw new Error(readiness.reason);
        }
      }
      await use();
    },
    { auto: true },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  workDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  projectFile: async ({ workDir, projectName }, use) => {
    await use(path.join(workDir, `${projectName}.gloss`));
  },

  session: async ({ shell, projectFile }, use) => {
    if (shell !== 'browser') return use(undefined);
    const session = await openSession(projectFile, { rendererDir: rendererDirForTests() });
    try {
      await use(session);
    } finally {
      await session.close();
    }
  },

  electronApp: async ({ shell, projectFile, workDir }, use) => {
    if (shell !== 'electron') return use(undefined);
    const readiness = electronReadiness();
    if (!readiness.ok) throw new Error(readiness.reason);
    const app = await launchGlossElectron({ executable: readiness.executable, projectFile, userDataDir: path.join(workDir, 'user-data'), cwd: workDir });
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },

  page: async ({ shell, session, electronApp, chromiumBrowser }, use) => {
    if (shell === 'electron') {
      const page = await electronApp!.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      return use(page);
    }
    const context = await (await chromiumBrowser()).newContext();
    try {
      const page = await context.newPage();
      await page.goto(session!.host.url);
      await use(page);
    } finally {
      await context.close();
    }
  },

  gloss: async ({ page, shell, session }, use) => {
    await use(new GlossApp(page, shell, session?.host.token));
  },

  service: async ({ shell, session, page, projectFile }, use) => {
    if (shell === 'browser') return use(session!.service);
    // The window is up, so the app has created the file; read it through a second connection.
    void page;
    const service = GlossService.open(projectFile);
    try {
      await use(service);
    } finally {
      service.close();
    }
  },
});

export { expect };
