// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

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

const shellMayNotImport = [
  { name: 'react', message: 'main/ is the Electron shell: React belongs in renderer/.' },
  { name: 'react-dom', message: 'main/ is the Electron shell: React belongs in renderer/.' },
  { name: 'better-sqlite3', message: 'main/ reaches SQLite only through app/service (app/store is the only place with SQL).' },
];
const shellPatterns = [
  { group: ['**/renderer/**', 'prosemirror-*', 'react-dom/*'], message: 'main/ may not depend on the renderer or UI libraries: it talks to the page over IPC.' },
  { group: ['**/app/formats/**', '**/app/cli/**'], message: 'main/ is a thin shell: importers, exporters and commands are reached through app/service.' },
  { group: ['**/app/store/**', '!**/app/store/projectLock.js', '!**/app/store/projectFile.js'], message: 'main/ uses app/store only for the project lock and useNativeBinding; everything else goes through app/service.' },
  { group: ['**/app/store/projectFile.js'], allowImportNames: ['useNativeBinding'], message: 'main/ may only call useNativeBinding from projectFile.js; projects are opened through GlossService.' },
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
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // React's rules of hooks; a missing dependency is an error here, not a warning nobody reads.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The renderer reaches the core only through the contract: types from app/service, pure
      // code from app/domain, nothing that touches files, SQLite or Node.
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to Electron only through the preload bridge (window.gloss).' }],
        patterns: [
          { group: ['node:*', 'fs', 'path', 'better-sqlite3'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
          { group: ['**/app/store/**', '**/app/formats/**', '**/app/host/**', '**/app/cli/**', '**/main/**'], message: 'The renderer reaches the core only through the contract.' },
          { group: ['**/app/service/*'], allowTypeImports: true, message: 'Import only types from app/service (contract, views, bridge); calls go through the bridge.' },
        ],
      }],
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
  { files: ['main/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: shellMayNotImport, patterns: shellPatterns }] } },
  {
    // Bundled into a sandboxed CommonJS preload, which can only require('electron').
    files: ['main/preload.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\./channels\\.js$)', allowTypeImports: true,
        message: 'The sandboxed preload may only require electron (and main/channels.ts, inlined); import anything else as a type.' }] }],
    },
  },
);
