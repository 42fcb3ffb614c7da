import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from tests/support (source) or dist/tests/support (built). */
export const repoRoot = ((): string => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** ../shared sits beside the repo in development and CI, but not in a user's clone. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const hasShared = existsSync(corpusDir);
export const SHARED_MISSING = `skipped: ${sharedDir} is absent (it sits beside the repo in development and CI, not in a user's clone)`;

export const cliEntry = path.join(repoRoot, 'dist', 'app', 'cli', 'main.js');

export function tempDir(prefix = 'gloss-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
