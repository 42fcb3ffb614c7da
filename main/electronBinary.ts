/**
 * Is Electron's binary on this machine? From plain Node, `require('electron')` returns the
 * executable's path, and throws when the package's download of the binary never happened.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function findElectronBinary(): ElectronBinary {
  let located: unknown;
  try {
    located = createRequire(import.meta.url)('electron');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the electron package has no binary (it is downloaded at install time; that download did not happen here): ${detail}` };
  }
  if (typeof located !== 'string') {
    return { ok: false, reason: "require('electron') did not give a path: this code runs inside Electron, not Node" };
  }
  if (!existsSync(located)) return { ok: false, reason: `the electron package names ${located}, which does not exist` };
  return { ok: true, path: located };
}
