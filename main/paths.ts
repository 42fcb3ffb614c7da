/**
 * Where Gloss's own files are, from dist/main (built), main/ (sources under a test runner) or
 * app.asar/dist/main (packaged). No Electron import: the launcher and tests use it too.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding Gloss's package.json: the repository, or app.asar when packaged. */
export const packageRoot = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'migrations'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Gloss cannot find its package folder; the installation is incomplete.');
    dir = parent;
  }
})();

export const builtMainDirectory = path.join(packageRoot, 'dist', 'main');
/** Electron's entry (package.json "main"). */
export const mainEntry = path.join(builtMainDirectory, 'main.js');
/** The sandboxed preload: one CommonJS file bundled by esbuild (`npm run build:preload`). */
export const preloadEntry = path.join(builtMainDirectory, 'preload.cjs');
export const buildAddonScript = path.join(builtMainDirectory, 'buildElectronAddon.js');

const require = createRequire(import.meta.url);

export function installedVersion(pkg: 'better-sqlite3' | 'electron'): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/**
 * Where a development run keeps better-sqlite3's addon built for Electron's ABI. The name holds
 * every version the build depends on, so upgrading Electron or better-sqlite3 asks for a new
 * build instead of loading a stale one. Packaged apps do not use it: electron-builder rebuilds
 * better-sqlite3 for Electron in place (npmRebuild).
 */
export function electronAddonPath(electronVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  const tag = `better-sqlite3-${installedVersion('better-sqlite3')}-electron-${electronVersion}-${platform}-${arch}`;
  return path.join(packageRoot, 'node_modules', '.gloss-electron', tag, 'better_sqlite3.node');
}
