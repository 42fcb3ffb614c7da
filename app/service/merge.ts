/**
 * Merging another coder's copy (Team review): another Gloss project file (.gloss) or a REFI-QDA
 * project (.qdpx, .qde). Both go through the one REFI-QDA import (app/service/refi.ts), so
 * documents match by content, codes by GUID then path, and coders stay distinct whichever way
 * the work travels. A .gloss file is copied to a temporary folder, opened there and exported as
 * a .qdpx in memory; the copy is removed whatever happens, and the file it came from is never
 * opened, so it is left exactly as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GlossError } from '../domain/errors.js';
import { hasEvent, projectIdentity } from '../store/mergeQueries.js';
import { openProjectFile } from '../store/projectFile.js';
import { Context } from './context.js';
import type { Input } from './contract.js';
import { refiHandlers } from './refi.js';
import { exportQdpx } from './refiExport.js';
import type { ExchangeImportSummary, QdpxExport } from './refiViews.js';

const EXCHANGE_PROJECT = /\.(qdpx|qde)$/i;
const GLOSS_PROJECT = /\.gloss$/i;

export const MERGE_SELF_MESSAGE = 'A project cannot be merged into itself.';

/** Whether `merge` takes this file, by its name. */
export function isMergeableFile(fileName: string): boolean {
  return GLOSS_PROJECT.test(fileName) || EXCHANGE_PROJECT.test(fileName);
}

/**
 * The other project is this very one when it has our uuid and its newest event is in our own
 * history: the same file, or a copy of it nobody has worked in since. A copy someone *has*
 * worked in shares the uuid too (a team lead copies one project to each coder), and merges.
 */
function refuseSelf(context: Context, other: Context, fileName: string): void {
  const ours = projectIdentity(context.db);
  const theirs = projectIdentity(other.db);
  if (ours.uuid === null || ours.uuid !== theirs.uuid) return;
  if (theirs.newestEvent === null || hasEvent(context.db, theirs.newestEvent)) {
    throw new GlossError('invalid_input', `${MERGE_SELF_MESSAGE} ${fileName} is this project, or a copy of it with no work added since, so there is nothing to merge.`);
  }
}

/** Errors about the temporary copy name the file the user gave, not the copy. */
function aboutTheirFile(error: unknown, copy: string, fileName: string): GlossError {
  if (error instanceof GlossError) {
    const message = error.message.split(copy).join(fileName);
    return new GlossError(error.code, /nothing was merged/i.test(message) ? message : `${message.replace(/\s*$/, '')} Nothing was merged.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new GlossError('bad_file', `${fileName} could not be read as a Gloss project (${detail}); it may be damaged or not fully copied. Nothing was merged.`);
}

/** Open a copy of another project's bytes and export it as a .qdpx, in memory. */
async function exportOtherProject(context: Context, fileName: string, data: Uint8Array): Promise<QdpxExport> {
  if (data.length === 0) throw new GlossError('empty_file', `${fileName} is empty (0 bytes), so it holds no project. Nothing was merged.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gloss-merge-'));
  const copy = path.join(dir, 'other.gloss');
  try {
    writeFileSync(copy, data);
    let other: Context | undefined;
    try {
      other = new Context(openProjectFile(copy), copy);
      refuseSelf(context, other, fileName);
      return await exportQdpx(other);
    } catch (error) {
      if (error instanceof GlossError && error.message.startsWith(MERGE_SELF_MESSAGE)) throw error;
      throw aboutTheirFile(error, copy, fileName);
    } finally {
      if (other?.db.open) other.db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function mergeProject(context: Context, input: Input<'exchange.mergeProject'>): Promise<ExchangeImportSummary> {
  const fileName = path.basename(input.fileName);
  if (EXCHANGE_PROJECT.test(fileName)) return refiHandlers['exchange.import'](context, { fileName, data: input.data });
  if (!GLOSS_PROJECT.test(fileName)) {
    throw new GlossError(
      'unsupported_format',
      `${fileName} cannot be merged: merge takes another Gloss project (*.gloss) or a REFI-QDA project (*.qdpx, *.qde). A codebook (.qdc) is imported instead (Import…).`,
      { cliHint: 'Import a codebook with `gloss import`.' },
    );
  }
  const exported = await exportOtherProject(context, fileName, input.data);
  const summary = await refiHandlers['exchange.import'](context, { fileName: `${fileName.replace(GLOSS_PROJECT, '')}.qdpx`, data: exported.data });
  // A .gloss merges as the .qdpx it exports: say what that leaves behind.
  const leftBehind = exported.warnings.map((warning) => `not carried over from ${fileName} (a project merges as a .qdpx): ${warning.message}`);
  return { ...summary, notes: [...leftBehind, ...summary.notes] };
}
