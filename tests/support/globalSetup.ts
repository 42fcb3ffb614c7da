import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** CLI tests run the built `gloss`, so build it first: a stale dist/ would test old code. */
export default function setup(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
