import { defineConfig } from 'vite';

// The renderer: built into dist/renderer, served by the browser-mode host or loaded by Electron
// from disk. No plugin needed: esbuild compiles TSX with the automatic JSX runtime.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
