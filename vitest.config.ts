import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,store,formats,service,cli}/**/*.test.ts'],
    // better-sqlite3 is a native addon: forks isolate it more simply than worker threads.
    pool: 'forks',
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
