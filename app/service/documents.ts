import { createHash } from 'node:crypto';
import type { Block } from '../domain/blocks.js';
import { codePointLength } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import { parseDocument } from '../formats/parseDocument.js';
import type { DocumentFormat } from '../formats/parsedDocument.js';
import { codingIdsOfDocument } from '../store/codingQueries.js';
import { attributeValueIdsOfDocument, documentTitleTaken, getDocumentListRow, findDocumentBySha, listDocuments, type DocumentListRow } from '../store/documentQueries.js';
import { memoIdsOn } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import { reviewRowsOfDocument } from '../store/reviewQueries.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import { resolveDocument } from './resolve.js';
import type { DocumentSummary, ImportResult } from './views.js';
import { documentMarks } from './documentMarks.js';

function toSummary(row: DocumentListRow): DocumentSummary {
  return {
    id: row.uuid,
    title: row.title,
    characters: row.length,
    blocks: row.block_count,
    format: row.format as DocumentFormat,
    sourceName: row.source_name,
    encoding: row.encoding,
    sha256: row.sha256,
    importedAt: row.imported_at,
    codings: row.coding_count,
  };
}

function summaryOf(context: Context, id: string): DocumentSummary {
  const row = getDocumentListRow(context.db, id);
  if (!row) throw new GlossError('not_found', `Document ${id} is gone.`);
  return toSummary(row);
}

/** A file's name without folders or extension: what a researcher recognises it by. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[^.]+$/, '').trim();
  return stem.length > 0 ? stem : base;
}

function uniqueTitle(context: Context, wanted: string): string {
  if (!documentTitleTaken(context.db, wanted)) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!documentTitleTaken(context.db, candidate)) return candidate;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const documentHandlers = {
  'documents.import': async (context, input) => {
    // Parse outside the transaction: it is the slow part, and a failure writes nothing.
    const parsed = await parseDocument(input.fileName, input.data);
    const sha256 = sha256Hex(parsed.text);
    return context.mutate<ImportResult>('documents.import', (recorder) => {
      const existing = findDocumentBySha(context.db, sha256);
      if (existing) {
        return {
          result: { status: 'duplicate' as const, fileName: input.fileName, existing: { id: existing.uuid, title: existing.title } },
          summary: '',
        };
      }
      return importParsed(context, recorder, input.fileName, parsed.format, parsed.text, parsed.blocks, sha256, parsed.encoding ?? null);
    });
  },

  'documents.list': (context) => listDocuments(context.db).map(toSummary),

  'documents.get': (context, input) => {
    const row = resolveDocument(context.db, input.document);
    return { id: row.uuid, title: row.title, text: row.text, blocks: JSON.parse(row.blocks) as Block[], marks: documentMarks(row) };
  },

  'documents.rename': (context, input) =>
    context.mutate('documents.rename', (recorder) => {
      const row = resolveDocument(context.db, input.document);
      if (row.title.toLowerCase() !== input.title.toLowerCase() && documentTitleTaken(context.db, input.title)) {
        throw new GlossError('exists', `Another document is already called "${input.title}". Choose another title.`);
      }
      recorder.update('documents', row.id, { title: input.title });
      return { result: summaryOf(context, row.uuid), summary: `Rename document "${row.title}" to "${input.title}"` };
    }),

  'documents.delete': (context, input) =>
    context.mutate('documents.delete', (recorder) => {
      const row = resolveDocument(context.db, input.document);
      const codingIds = codingIdsOfDocument(context.db, row.id);
      // The review of the document goes with it: its decisions (with their coding links) and comments.
      const review = reviewRowsOfDocument(context.db, row.id);
      for (const id of review.links) recorder.delete('review_decision_codings', id);
      for (const id of review.decisions) recorder.delete('review_decisions', id);
      for (const id of review.comments) recorder.delete('review_comments', id);
      for (const codingId of codingIds) {
        for (const memoId of memoIdsOn(context.db, 'coding_id', codingId)) recorder.delete('memos', memoId);
        recorder.delete('codings', codingId);
      }
      for (const memoId of memoIdsOn(context.db, 'document_id', row.id)) recorder.delete('memos', memoId);
      for (const id of attributeValueIdsOfDocument(context.db, row.id)) recorder.delete('document_attributes', id);
      recorder.delete('documents', row.id);
      return { result: { id: row.uuid }, summary: `Delete document "${row.title}" and its ${codingIds.length} codings` };
    }),
} satisfies Partial<Handlers>;

function importParsed(
  context: Context,
  recorder: Recorder,
  fileName: string,
  format: DocumentFormat,
  text: string,
  blocks: Block[],
  sha256: string,
  encoding: string | null,
): { result: { status: 'imported'; document: DocumentSummary }; summary: string } {
  const title = uniqueTitle(context, titleFromFileName(fileName));
  const uuid = context.newUuid();
  const length = codePointLength(text);
  recorder.insert('documents', {
    uuid,
    title,
    text,
    length,
    block_count: blocks.length,
    blocks: JSON.stringify(blocks),
    sha256,
    source_name: fileName.split(/[\\/]/).pop() ?? fileName,
    format,
    encoding,
    imported_at: context.now(),
  });
  return {
    result: { status: 'imported', document: summaryOf(context, uuid) },
    summary: `Import "${title}" (${length.toLocaleString('en')} characters)`,
  };
}
