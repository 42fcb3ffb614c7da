import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/paths.js';

/**
 * The built renderer the tests serve: dist/renderer (`npm run build`), or GLOSS_E2E_RENDERER_DIR
 * to test a build made elsewhere (browser mode only: Electron always loads dist/renderer).
 */
export function rendererDirForTests(): string {
  const dir = path.resolve(process.env.GLOSS_E2E_RENDERER_DIR ?? path.join(repoRoot, 'dist', 'renderer'));
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`The renderer is not built: ${path.join(dir, 'index.html')} is missing. Run \`npm run build\` (vite build) before the end-to-end tests.`);
  }
  return dir;
}
