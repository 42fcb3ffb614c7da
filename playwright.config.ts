import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './tests/e2e/support/chromium.js';
import type { GlossOptions } from './tests/e2e/support/fixtures.js';

/**
 * End-to-end tests: the same specs (tests/e2e/**\/*.spec.ts) in browser mode and in Electron.
 * The fixtures (tests/e2e/support/fixtures.ts) start the right shell per project; the electron
 * project skips every test, saying why, where Electron's binary is not installed.
 * Electron on Linux without a display: `xvfb-run -a npx playwright test --project=electron`.
 */
export default defineConfig<GlossOptions>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // Two cores: each test runs a browser or an Electron app, so two at a time at most.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['./tests/e2e/support/skipReasons.ts']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // For specs that use Playwright's own `browser`/`context`: the system Chromium, never a
    // downloaded one (`npx playwright install` cannot download here).
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: { shell: 'browser' } },
    { name: 'electron', use: { shell: 'electron' } },
  ],
});
