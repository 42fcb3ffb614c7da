/**
 * better-sqlite3 for Electron in development runs. Electron has its own Node ABI, so the addon
 * that `npm install` built for Node cannot load in Electron's main process, and rebuilding it in
 * place would break every Node test. A second build lives beside it, in
 * node_modules/.gloss-electron/<versions>/better_sqlite3.node (see paths.ts), and main points
 * better-sqlite3 at it with useNativeBinding(). Packaged apps do not need this: electron-builder
 * rebuilds better-sqlite3 for Electron in place (npmRebuild).
 *
 * Building it: first a prebuilt binary for this Electron (prebuild-install, from the
 * better-sqlite3 releases on GitHub), else node-gyp against Electron's headers (a C++
 * toolchain and a download from electronjs.org). Both need the network once.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronAddonPath, installedVersion } from './paths.js';

const require = createRequire(import.meta.url);

export interface AddonBuildOptions {
  electronVersion?: string;
  /** Build against headers already on disk (node-gyp --nodedir) instead of downloading them. */
  headersDir?: string;
  /** Rebuild even if the addon is there. */
  force?: boolean;
  log?: (line: string) => void;
}

export type AddonBuildResult = { ok: true; path: string; built: boolean } | { ok: false; path: string; message: string };

/** npm passes its config to scripts as npm_config_*, which node-gyp and prebuild-install read too. */
const OVERRIDING_NPM_CONFIG = /^npm_config_(target|arch|platform|runtime|disturl|dist_url|nodedir|build_from_source)$/i;

function run(script: string, args: string[], cwd: string, log: (line: string) => void): boolean {
  log(`$ ${path.basename(script)} ${args.join(' ')}`);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !OVERRIDING_NPM_CONFIG.test(key)));
  const result = spawnSync(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
  return result.status === 0;
}

export function buildElectronAddon(options: AddonBuildOptions = {}): AddonBuildResult {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const electronVersion = options.electronVersion ?? installedVersion('electron');
  const target = electronAddonPath(electronVersion);
  if (existsSync(target) && !options.force) return { ok: true, path: target, built: false };

  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'gloss-electron-addon-'));
  const copy = path.join(work, 'better-sqlite3');
  try {
    // A private copy, so the Node build in node_modules/better-sqlite3/build stays untouched.
    cpSync(source, copy, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    const arch = `--arch=${process.arch}`;
    let ok = false;
    if (options.headersDir === undefined) {
      log(`Fetching a prebuilt better-sqlite3 for Electron ${electronVersion}…`);
      const prebuild = require.resolve('prebuild-install/bin.js');
      ok = run(prebuild, ['--runtime=electron', `--target=${electronVersion}`, arch, `--platform=${process.platform}`], copy, log) && existsSync(built);
    }
    if (!ok) {
      log(`Building better-sqlite3 for Electron ${electronVersion} with node-gyp…`);
      const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
      const headers = options.headersDir !== undefined ? [`--nodedir=${path.resolve(options.headersDir)}`] : ['--dist-url=https://electronjs.org/headers'];
      ok = run(nodeGyp, ['rebuild', '--release', `--target=${electronVersion}`, arch, ...headers, '--jobs=max'], copy, log) && existsSync(built);
    }
    if (!ok) {
      return {
        ok: false,
        path: target,
        message:
          `better-sqlite3 could not be built for Electron ${electronVersion}: both a prebuilt download (github.com) and a node-gyp build ` +
          `(a C++ toolchain plus Electron's headers from electronjs.org) failed; see the output above. ` +
          `With Electron's headers on disk, run \`npm run electron:addon -- --headers <dir>\`.`,
      };
    }
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(built, temporary);
    renameSync(temporary, target);
    return { ok: true, path: target, built: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
