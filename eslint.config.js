// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Folder boundaries (see ../shared/design/ARCHITECTURE.md). Do not relax these rules: they are
// what keeps the core runnable and testable under plain Node, without Electron or a DOM.
const coreMayNotImport = [
  { name: 'electron', message: 'app/ is the core: it runs under plain Node. Electron belongs in main/.' },
  { name: 'react', message: 'app/ is the core: React belongs in renderer/.' },
  { name: 'react-dom', message: 'app/ is the core: React belongs in renderer/.' },
];
const corePatterns = [
  { group: ['prosemirror-*', 'react-dom/*'], message: 'app/ is the core: UI code belongs in renderer/.' },
  { group: ['**/renderer/**', '**/main/**'], message: 'app/ may not depend on the shells around it.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: coreMayNotImport, patterns: corePatterns }],
      // The core has no DOM: these globals exist only in a browser.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'HTMLElement'],
    },
  },
  {
    files: ['app/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: coreMayNotImport,
        patterns: [...corePatterns,
          { group: ['node:*', 'fs', 'path', 'better-sqlite3', '../store/*', '../service/*', '../formats/*'],
            message: 'app/domain is pure: no I/O, no storage, no Node modules.' }],
      }],
    },
  },
);
