/**
 * `npm run electron:addon [-- --headers <dir>] [--force]`: build better-sqlite3 for the
 * installed Electron, for development runs (see electronAddon.ts).
 */
import { parseArgs } from 'node:util';
import { buildElectronAddon } from './electronAddon.js';

const { values } = parseArgs({
  options: {
    headers: { type: 'string' },
    force: { type: 'boolean', default: false },
    electron: { type: 'string' },
  },
});

const result = buildElectronAddon({
  force: values.force,
  ...(values.headers !== undefined ? { headersDir: values.headers } : {}),
  ...(values.electron !== undefined ? { electronVersion: values.electron } : {}),
});
if (result.ok) {
  process.stdout.write(`${result.built ? 'Built' : 'Already built'}: ${result.path}\n`);
} else {
  process.stderr.write(`gloss: ${result.message}\n`);
  process.exitCode = 1;
}
