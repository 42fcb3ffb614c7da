/**
 * Retrieval: the coded segments a filter selects (code with or without its sub-codes, documents,
 * coders, document attributes, or given ids), each with the sentence around it; and the same
 * rows as CSV, exactly as the workbench's Segments view shows them.
 */
import type { Block } from '../domain/blocks.js';
import { CodePointIndex } from '../domain/codepoints.js';
import { widenToUnit } from '../domain/textUnits.js';
import { writeCsv } from '../formats/csvTable.js';
import { listCodes } from '../store/codeQueries.js';
import { listSegments, type SegmentFilter, type SegmentRow } from '../store/codingQueries.js';
import { reviewStatuses } from '../store/reviewQueries.js';
import { documentTextAndBlocks } from '../store/searchQueries.js';
import { selectDocuments } from './attributes.js';
import { toSegment } from './codings.js';
import { codePathStrings, withDescendants } from './codeTree.js';
import type { Context } from './context.js';
import { countedCoders } from './countedCoders.js';
import type { Handlers } from './handlers.js';
import { resolveCode, resolveCoder } from './resolve.js';
import type { RetrievalInput, RetrievalResult, RetrievedSegment } from './retrievalInputs.js';
import type { ReviewStatus } from './reviewViews.js';

export const DEFAULT_RETRIEVAL_LIMIT = 2_000;

/** The rows the filter selects, each with its review status (the newest decision on it, else unreviewed). */
function selectRows(context: Context, input: RetrievalInput): { rows: SegmentRow[]; statusOf: (row: SegmentRow) => ReviewStatus; excludedCoder: string | null } {
  const db = context.db;
  const codes = listCodes(db);
  const filter: SegmentFilter = {};
  if (input.code !== undefined) {
    const code = resolveCode(db, input.code);
    filter.codeIds = input.includeSubcodes ? withDescendants(codes, code.id) : [code.id];
  }
  const documents = selectDocuments(db, { ...(input.where ? { where: input.where } : {}), ...(input.documents ? { documents: input.documents } : {}) });
  const coders = input.coders ? new Set(input.coders.map((name) => resolveCoder(db, name).id)) : null;
  const ids = input.ids ? new Set(input.ids) : null;
  // Given ids (a matrix cell's) are those codings, whoever coded them; else no coder chosen is "all coders".
  const counted = coders === null && ids === null ? countedCoders(db) : null;
  const excluded = counted?.excludedCoderId ?? null;
  let rows = listSegments(db, filter);
  if (documents) rows = rows.filter((row) => documents.has(row.document_id));
  if (coders) rows = rows.filter((row) => coders.has(row.coder_id));
  if (excluded !== null) rows = rows.filter((row) => row.coder_id !== excluded);
  if (ids) rows = rows.filter((row) => ids.has(row.uuid));
  const statuses = reviewStatuses(db) as Map<string, ReviewStatus>;
  const statusOf = (row: SegmentRow): ReviewStatus => statuses.get(row.uuid) ?? 'unreviewed';
  if (input.status) {
    const wanted = new Set(input.status);
    rows = rows.filter((row) => wanted.has(statusOf(row)));
  }
  return { rows, statusOf, excludedCoder: counted?.excludedCoder ?? null };
}

/** The segments the filter selects: a page of them (`limit`, default 2,000) for the view, or with `all`, every one (for exports). */
export function retrieveSegments(context: Context, input: RetrievalInput, pages: 'page' | 'all' = 'page'): RetrievalResult {
  const { rows, statusOf, excludedCoder } = selectRows(context, input);
  const limit = pages === 'all' ? rows.length : (input.limit ?? DEFAULT_RETRIEVAL_LIMIT);
  const paths = codePathStrings(listCodes(context.db));
  const texts = new Map<number, { index: CodePointIndex; blocks: Block[] }>();
  const segments = rows.slice(0, limit).map((row): RetrievedSegment => {
    let doc = texts.get(row.document_id);
    if (!doc) {
      const { text, blocks } = documentTextAndBlocks(context.db, row.document_id);
      doc = { index: new CodePointIndex(text), blocks: JSON.parse(blocks) as Block[] };
      texts.set(row.document_id, doc);
    }
    const sentence = widenToUnit(doc.index, doc.blocks, row.start, row.end, 'sentence');
    const slice = (from: number, to: number): string => doc.index.slice(from, to).replace(/\s+/g, ' ');
    return {
      ...toSegment(row, paths),
      before: slice(Math.min(sentence.start, row.start), row.start).trimStart(),
      after: slice(row.end, Math.max(sentence.end, row.end)).trimEnd(),
      status: statusOf(row),
    };
  });
  return { segments, total: rows.length, truncated: rows.length > segments.length, excludedCoder };
}

export const RETRIEVAL_CSV_HEADER = ['document', 'code', 'coder', 'start', 'end', 'before', 'segment', 'after', 'memo', 'review status'] as const;

export function retrievalCsv(result: RetrievalResult): string {
  return writeCsv(
    RETRIEVAL_CSV_HEADER,
    result.segments.map((s) => [s.documentTitle, s.code, s.coder, s.start, s.end, s.before, s.text, s.after, s.memo, s.status]),
  );
}

export const retrievalHandlers: Pick<Handlers, 'retrieval.segments' | 'retrieval.segmentsCsv'> = {
  'retrieval.segments': (context, input) => retrieveSegments(context, input),
  // An export writes every row the filter selects, never the view's page of them.
  'retrieval.segmentsCsv': (context, input) => {
    const result = retrieveSegments(context, input, 'all');
    return { csv: retrievalCsv(result), rows: result.segments.length };
  },
};
