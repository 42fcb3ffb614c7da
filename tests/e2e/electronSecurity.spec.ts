/**
 * Electron's window is locked down: only the bridge is exposed, the page cannot navigate away
 * or open windows (http(s) links go to the system browser, nothing else does), remote content
 * and permissions are refused, and every response carries the Content-Security-Policy.
 * Electron only: in browser mode the host's own tests (tests/unit/hostSecurity.test.ts) apply.
 */
import type { ElectronApplication } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../app/host/server.js';
import { externalOpens, recordExternalOpens } from './support/electronApp.js';
import { expect, test } from './support/fixtures.js';

const APP_URL = 'gloss://app/index.html';

test.skip(({ shell }) => shell !== 'electron', 'Electron only: it tests the Electron window; browser mode is covered by tests/unit/hostSecurity.test.ts');

function app(electronApp: ElectronApplication | undefined): ElectronApplication {
  if (!electronApp) throw new Error('no Electron app in this project');
  return electronApp;
}

test('the window runs sandboxed and isolated, with only window.gloss exposed', async ({ page, electronApp }) => {
  // getLastWebPreferences is Electron's own (undocumented, untyped) view of what the window got.
  const preferences = await app(electronApp).evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
    const prefs = contents.getLastWebPreferences?.();
    return prefs ? { contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity, webviewTag: prefs.webviewTag } : null;
  });
  if (preferences === null) test.info().annotations.push({ type: 'note', description: 'getLastWebPreferences is gone from this Electron: preferences checked through the page only' });
  else expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(page.url()).toBe(APP_URL);
  const globals = await page.evaluate(() => {
    const page = globalThis as unknown as { gloss: object; require?: unknown; process?: unknown; electron?: unknown; module?: unknown };
    return {
      bridge: Object.keys(page.gloss).sort(),
      require: typeof page.require,
      process: typeof page.process,
      electron: typeof page.electron,
      module: typeof page.module,
    };
  });
  expect(globals).toEqual({ bridge: ['call', 'onMenuCommand', 'pickFilesToImport', 'saveFile', 'windowInfo'], require: 'undefined', process: 'undefined', electron: 'undefined', module: 'undefined' });
});

test('the page cannot navigate away from the app', async ({ page }) => {
  for (const target of ['https://example.org/', 'file:///etc/passwd', 'data:text/html,<h1>x</h1>', 'gloss://evil/index.html']) {
    await page.evaluate((url) => {
      (globalThis as unknown as { location: { href: string } }).location.href = url;
    }, target);
    await page.waitForTimeout(300);
    expect(page.url(), target).toBe(APP_URL);
  }
});

test('window.open opens no window; http(s) goes to the system browser, nothing else does', async ({ page, electronApp }) => {
  const electron = app(electronApp);
  await recordExternalOpens(electron);
  const opened = await page.evaluate(() => {
    const page = globalThis as unknown as { open(url: string): unknown };
    return ['https://example.org/help', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'gloss://app/index.html'].map((url) => page.open(url) === null);
  });
  expect(opened).toEqual([true, true, true, true, true]);
  await expect.poll(() => externalOpens(electron)).toEqual(['https://example.org/help']);
  expect(electron.windows()).toHaveLength(1);
});

test('every response carries the Content-Security-Policy, and inline script does not run', async ({ page }) => {
  const header = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-security-policy'), APP_URL);
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  const missing = await page.evaluate(async () => {
    const response = await fetch('gloss://app/no-such-file.js');
    return { status: response.status, csp: response.headers.get('content-security-policy') };
  });
  expect(missing).toEqual({ status: 404, csp: CONTENT_SECURITY_POLICY });
  // A string, evaluated in the page: the tests' tsconfig has no DOM types.
  const ran = await page.evaluate(`(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.__inlineRan === true;
  })()`);
  expect(ran).toBe(false);
});

test('remote content, file reads and permissions are refused', async ({ page }) => {
  const results = await page.evaluate(async () => {
    const attempt = async (url: string): Promise<string> => {
      try {
        await fetch(url);
        return 'loaded';
      } catch {
        return 'refused';
      }
    };
    return {
      remote: await attempt('https://example.org/'),
      file: await attempt('file:///etc/passwd'),
      notifications: await (globalThis as unknown as { Notification: { requestPermission(): Promise<string> } }).Notification.requestPermission(),
    };
  });
  expect(results).toEqual({ remote: 'refused', file: 'refused', notifications: 'denied' });
});

test('the IPC door refuses unknown operations and invalid input', async ({ page }) => {
  const results = await page.evaluate(async () => {
    const bridge = (globalThis as unknown as { gloss: { call(name: string, input: unknown): Promise<{ ok: boolean; error?: { message: string } }> } }).gloss;
    return {
      unknown: await bridge.call('toString', {}),
      invalid: await bridge.call('project.rename', { name: '' }),
      notAnObject: await bridge.call('project.rename', 'x'),
    };
  });
  expect(results.unknown).toMatchObject({ ok: false, error: { message: 'Gloss has no operation "toString".' } });
  expect(results.invalid.ok).toBe(false);
  expect(results.notAnObject.ok).toBe(false);
});
