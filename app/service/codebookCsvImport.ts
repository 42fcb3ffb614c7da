import { parseCodePath } from '../domain/codePath.js';
import { normalizeColor } from '../domain/color.js';
import { GlossError } from '../domain/errors.js';
import { readCsv } from '../formats/csvTable.js';
import type { Recorder } from '../store/recorder.js';
import { addCodePath } from './codeCreation.js';
import type { Context } from './context.js';
import { findCode } from './resolve.js';
import type { CodebookImportResult } from './views.js';

/** CSV column -> codes column, for the fields a codebook row may set. */
const FIELD_COLUMNS: Record<string, string> = {
  color: 'color',
  description: 'description',
  definition: 'definition',
  when_to_use: 'when_to_use',
  when_not_to_use: 'when_not_to_use',
  example: 'example',
};

/**
 * Merge a codebook CSV (as `gloss export … codebook --format csv` writes it) into the
 * codebook: codes are matched by path, missing ones created with their parents, and the
 * fields of existing ones updated. Count columns are ignored.
 */
export function importCodebookCsv(context: Context, recorder: Recorder, csv: string): CodebookImportResult {
  const rows = readCsv(csv);
  if (rows.length === 0 || !('path' in rows[0]!)) {
    throw new GlossError('bad_file', 'This CSV is not a codebook: it needs a header row with a "path" column (as Gloss exports it).');
  }
  const result: CodebookImportResult = { created: 0, updated: 0, unchanged: 0 };
  for (const [i, row] of rows.entries()) {
    const line = i + 2;
    const path = row.path ?? '';
    let names: string[];
    try {
      names = parseCodePath(path);
    } catch (error) {
      throw new GlossError('bad_file', `Codebook CSV row ${line}: ${(error as Error).message}`);
    }
    const patch: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(FIELD_COLUMNS)) {
      const value = row[column];
      if (value === undefined || (column === 'color' && value === '')) continue;
      if (column === 'color') {
        try {
          patch[field] = normalizeColor(value);
        } catch (error) {
          throw new GlossError('bad_file', `Codebook CSV row ${line}: ${(error as Error).message}`);
        }
      } else {
        patch[field] = value;
      }
    }
    const existing = findCode(context.db, path);
    const code = existing ?? addCodePath(context, recorder, names, {}, { existingLeaf: 'reuse' });
    const before = recorder.changes.length;
    recorder.update('codes', code.id, patch);
    if (!existing) result.created++;
    else if (recorder.changes.length > before) result.updated++;
    else result.unchanged++;
  }
  return result;
}
