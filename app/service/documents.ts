import { createHash } from 'node:crypto';
import type { Block } from '../domain/blocks.js';
import { codePointLength } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import { parseDocument } from '../formats/parseDocument.js';
import type { DocumentFormat } from '../formats/parsedDocument.js';
import { codingIdsOfDocument } from '../store/codingQueries.js';
import { plural } from '../domain/plural.js';
import {
  attributeValueIdsOfDocument,
  documentTitleTaken,
  findDocumentBySha,
  getDocumentListRow,
  listDocuments,
  type DocumentListRow,
  type DocumentRow,
} from '../store/documentQueries.js';
import { memoIdsOn } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import { reviewRowsOfDocument } from '../store/reviewQueries.js';
import type { Context } from './context.js';
import { countedCoders } from './countedCoders.js';
import type { Handlers } from './handlers.js';
import { resolveDocument } from './resolve.js';
import type { DocumentDeletePreview, DocumentSummary, ImportResult } from './views.js';
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
  const row = getDocumentListRow(context.db, id, countedCoders(context.db).excludedCoderId);
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

/** The rows that go with a document when it is deleted, by table. */
interface Dependents {
  codings: number[];
  /** The document's own memos and the memos on its codings. */
  memos: number[];
  attributeValues: number[];
  reviewDecisions: number[];
  reviewLinks: number[];
  reviewComments: number[];
}

function dependentsOf(context: Context, documentId: number): Dependents {
  const codings = codingIdsOfDocument(context.db, documentId);
  const memos = [...codings.flatMap((codingId) => memoIdsOn(context.db, 'coding_id', codingId)), ...memoIdsOn(context.db, 'document_id', documentId)];
  // The review of the document goes with it: its decisions (with their coding links) and comments.
  const review = reviewRowsOfDocument(context.db, documentId);
  return {
    codings,
    memos,
    attributeValues: attributeValueIdsOfDocument(context.db, documentId),
    reviewDecisions: review.decisions,
    reviewLinks: review.links,
    reviewComments: review.comments,
  };
}

function previewOf(row: DocumentRow, dependents: Dependents): DocumentDeletePreview {
  return {
    id: row.uuid,
    title: row.title,
    codings: dependents.codings.length,
    memos: dependents.memos.length,
    attributeValues: dependents.attributeValues.length,
    reviewDecisions: dependents.reviewDecisions.length,
    reviewComments: dependents.reviewComments.length,
  };
}

/** "3 codings, 1 memo and 2 attribute values": what a deletion takes, for confirmations and the history. */
export function deletionWords(preview: DocumentDeletePreview): string {
  const parts = [plural(preview.codings, 'coding'), plural(preview.memos, 'memo')];
  if (preview.attributeValues > 0) parts.push(plural(preview.attributeValues, 'attribute value'));
  if (preview.reviewDecisions > 0) parts.push(plural(preview.reviewDecisions, 'review decision'));
  if (preview.reviewComments > 0) parts.push(plural(preview.reviewComments, 'review comment'));
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

export const MAX_TITLE_LENGTH = 300;

/**
 * A display title as the user typed it, trimmed, or why it cannot be one: not empty, one line,
 * at most MAX_TITLE_LENGTH characters. Said here rather than in the contract's schema so the
 * workbench can show the message as it is.
 */
export function checkedTitle(typed: string): string {
  const title = typed.trim();
  if (title.length === 0) throw new GlossError('invalid_input', 'A document needs a title: type at least one letter.');
  // eslint-disable-next-line no-control-regex -- control characters are what this rule looks for
  if (/[\u0000-\u001f\u007f]/.test(title)) throw new GlossError('invalid_input', 'A title is one line: take out line breaks and tabs.');
  const length = codePointLength(title);
  if (length > MAX_TITLE_LENGTH) throw new GlossError('invalid_input', `A title has at most ${MAX_TITLE_LENGTH} characters; this one has ${length}. Shorten it.`);
  return title;
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

  'documents.list': (context) => listDocuments(context.db, countedCoders(context.db).excludedCoderId).map(toSummary),

  'documents.get': (context, input) => {
    const row = resolveDocument(context.db, input.document);
    return { id: row.uuid, title: row.title, text: row.text, blocks: JSON.parse(row.blocks) as Block[], marks: documentMarks(row) };
  },

  'documents.rename': (context, input) =>
    context.mutate('documents.rename', (recorder) => {
      const row = resolveDocument(context.db, input.document);
      const title = checkedTitle(input.title);
      // Titles are unique (any case), because a title is how a researcher names a document here
      // and in the command line; a change of case of its own title is allowed.
      if (row.title.toLowerCase() !== title.toLowerCase() && documentTitleTaken(context.db, title)) {
        throw new GlossError('exists', `Another document is already called "${title}". Choose another title.`);
      }
      recorder.update('documents', row.id, { title });
      return { result: summaryOf(context, row.uuid), summary: `Rename document "${row.title}" to "${title}"` };
    }),

  'documents.deletePreview': (context, input) => {
    const row = resolveDocument(context.db, input.document);
    return previewOf(row, dependentsOf(context, row.id));
  },

  'documents.delete': (context, input) =>
    context.mutate('documents.delete', (recorder) => {
      const row = resolveDocument(context.db, input.document);
      const dependents = dependentsOf(context, row.id);
      // Children before parents, so that no foreign key is left dangling at any step (undo
      // replays the inverse newest first, which puts the parents back first).
      for (const id of dependents.reviewLinks) recorder.delete('review_decision_codings', id);
      for (const id of dependents.reviewDecisions) recorder.delete('review_decisions', id);
      for (const id of dependents.reviewComments) recorder.delete('review_comments', id);
      for (const id of dependents.memos) recorder.delete('memos', id);
      for (const id of dependents.codings) recorder.delete('codings', id);
      for (const id of dependents.attributeValues) recorder.delete('document_attributes', id);
      recorder.delete('documents', row.id);
      return { result: { id: row.uuid }, summary: `Delete document "${row.title}" with ${deletionWords(previewOf(row, dependents))}` };
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
