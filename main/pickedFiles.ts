/** Reading the files a user picked, and naming the files a user saves. No Electron here. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GlossError } from '../app/domain/errors.js';
import type { PickedFile } from '../app/service/bridge.js';

/** Matches the browser host's upload limit: anything bigger is refused before it is read. */
export const MAX_IMPORT_BYTES = 400 * 1024 * 1024;

export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf', 'csv', 'qdpx', 'qde', 'qdc', 'gloss'] as const;

export function readPickedFiles(files: readonly string[], maxBytes = MAX_IMPORT_BYTES): PickedFile[] {
  return files.map((file) => {
    const stats = statSync(file);
    if (!stats.isFile()) throw new GlossError('bad_file', `${file} is not a file; choose the documents inside it instead.`);
    if (stats.size > maxBytes) {
      throw new GlossError('bad_file', `${path.basename(file)} is larger than ${Math.round(maxBytes / 2 ** 20)} MB; Gloss does not import files that big.`);
    }
    const data = readFileSync(file);
    // A plain Uint8Array, not a Buffer: that is what crosses IPC and what the contract expects.
    return { name: path.basename(file), data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  });
}

// Control characters are exactly what this must catch in a file name.
// eslint-disable-next-line no-control-regex
const RESERVED = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A file name from the page is a suggestion only: never a path, never a reserved character. */
export function safeFileName(suggested: unknown, fallback = 'export.txt'): string {
  if (typeof suggested !== 'string') return fallback;
  const cleaned = suggested.replace(RESERVED, '_').replace(/^[.\s]+|[.\s]+$/g, '').slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}
