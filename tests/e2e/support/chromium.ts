/** The system Chromium Playwright drives here (Playwright cannot download its own). */
export const CHROMIUM_EXECUTABLE = process.env.GLOSS_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
