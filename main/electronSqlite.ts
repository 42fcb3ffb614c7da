/** Point better-sqlite3 at a build for Electron's ABI before any project is opened. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useNativeBinding } from '../app/store/projectFile.js';
import { electronAddonPath } from './paths.js';

export type SqliteCheck = { ok: true } | { ok: false; title: string; message: string };

export function prepareSqliteForElectron(isPackaged: boolean, electronVersion: string): SqliteCheck {
  // Packaged: electron-builder rebuilt better-sqlite3 for Electron in place (npmRebuild).
  if (isPackaged) return { ok: true };
  const addon = electronAddonPath(electronVersion);
  const howToBuild =
    'Build it once with `npm run electron:addon` (it downloads a prebuilt binary, or builds one with node-gyp and ' +
    "a C++ toolchain against Electron's headers), then start Gloss again. `npm start` does this for you.";
  if (!existsSync(addon)) {
    return {
      ok: false,
      title: 'Gloss cannot open projects: SQLite is not built for Electron',
      message: `Electron ${electronVersion} needs its own build of better-sqlite3, expected at\n${addon}\n\n${howToBuild}`,
    };
  }
  try {
    // Load it now, so an ABI mismatch is reported here and not as a failed project open.
    createRequire(import.meta.url)(addon);
  } catch (error) {
    return {
      ok: false,
      title: 'Gloss cannot open projects: SQLite does not load in Electron',
      message: `${addon} could not be loaded (${error instanceof Error ? error.message : String(error)}).\n\nRebuild it with \`npm run electron:addon -- --force\`.`,
    };
  }
  useNativeBinding(addon);
  return { ok: true };
}
