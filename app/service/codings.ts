import { anchorByOffsets, anchorByQuote, type Anchor } from '../domain/anchor.js';
import { CodePointIndex } from '../domain/codepoints.js';
import { getCodeRow, listCodes } from '../store/codeQueries.js';
import { GlossError } from '../domain/errors.js';
import { findSameCoding, listSegments, type CodingRow, type SegmentFilter, type SegmentRow } from '../store/codingQueries.js';
import { getCoderRow } from '../store/coderQueries.js';
import { getDocumentRow } from '../store/documentQueries.js';
import { findCodingMemo } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import { codeView } from './codes.js';
import { codePathStrings, withDescendants } from './codeTree.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { ensureCoder, resolveCode, resolveCoder, resolveCoding, resolveDocument } from './resolve.js';
import type { Segment } from './views.js';

export function listSegmentViews(context: Context, input: Input<'codings.list'>): Segment[] {
  const filter: SegmentFilter = {};
  const codes = listCodes(context.db);
  if (input.document !== undefined) filter.documentId = resolveDocument(context.db, input.document).id;
  if (input.coder !== undefined) filter.coderId = resolveCoder(context.db, input.coder).id;
  if (input.code !== undefined) {
    const code = resolveCode(context.db, input.code);
    filter.codeIds = input.includeSubcodes ? withDescendants(codes, code.id) : [code.id];
  }
  const paths = codePathStrings(codes);
  return listSegments(context.db, filter).map((row) => toSegment(row, paths));
}

export function toSegment(row: SegmentRow, paths: Map<number, string>): Segment {
  return {
    id: row.uuid,
    documentId: row.document_uuid,
    documentTitle: row.document_title,
    codeId: row.code_uuid,
    code: paths.get(row.code_id)!,
    coder: row.coder_name,
    start: row.start,
    end: row.end,
    text: row.quote,
    memo: row.memo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function segmentView(context: Context, codingUuid: string): Segment {
  const coding = resolveCoding(context.db, codingUuid);
  const [row] = listSegments(context.db, { codingId: coding.id });
  return toSegment(row!, new Map([[row!.code_id, codeView(context, row!.code_uuid).path]]));
}

/** Create, change or (with an empty body) remove a coding's memo. */
function writeCodingMemo(context: Context, recorder: Recorder, codingId: number, body: string, coderId: number | null): void {
  const existing = findCodingMemo(context.db, codingId);
  if (body.trim().length === 0) {
    if (existing) recorder.delete('memos', existing.id);
  } else if (existing) {
    recorder.update('memos', existing.id, { body, updated_at: context.now() });
  } else {
    const now = context.now();
    recorder.insert('memos', { uuid: context.newUuid(), coding_id: codingId, coder_id: coderId, body, created_at: now, updated_at: now });
  }
}

/**
 * One code by one coder on one passage is one coding: applying it again (a double-click, a
 * repeated shortcut) would count the passage twice in every figure. `exceptId` is the coding
 * being changed, which may keep its own range.
 */
export function refuseDuplicateCoding(
  context: Context,
  coding: Pick<CodingRow, 'code_id' | 'document_id' | 'coder_id' | 'start' | 'end'>,
  exceptId: number | null = null,
): void {
  if (!findSameCoding(context.db, coding, exceptId)) return;
  const code = getCodeRow(context.db, coding.code_id);
  const coder = getCoderRow(context.db, coding.coder_id);
  throw new GlossError('duplicate_coding', `This passage is already coded as “${code.name}” by ${coder.name}.`);
}

export const codingHandlers = {
  'codings.apply': (context, input) => {
    const coderName = input.coder;
    return context.mutate('codings.apply', (recorder) => {
      const document = resolveDocument(context.db, input.document);
      const code = resolveCode(context.db, input.code);
      const index = new CodePointIndex(document.text);
      const anchor: Anchor =
        input.quote !== undefined ? anchorByQuote(index, input.quote, input.occurrence) : anchorByOffsets(index, input.start ?? 0, input.end ?? 0);
      const coder = ensureCoder(context.db, recorder, coderName, context.now(), context.newUuid());
      refuseDuplicateCoding(context, { code_id: code.id, document_id: document.id, coder_id: coder.id, start: anchor.start, end: anchor.end });
      const now = context.now();
      const coding = recorder.insert('codings', {
        uuid: context.newUuid(),
        document_id: document.id,
        code_id: code.id,
        coder_id: coder.id,
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        created_at: now,
        updated_at: now,
      });
      if (input.memo !== undefined) writeCodingMemo(context, recorder, coding.id, input.memo, coder.id);
      return {
        result: segmentView(context, coding.uuid as string),
        coderId: coder.id,
        summary: `Code "${anchor.quote.length > 40 ? `${anchor.quote.slice(0, 39)}…` : anchor.quote}" in "${document.title}" as "${code.name}"`,
      };
    }, { step: input.step });
  },

  'codings.list': (context, input) => listSegmentViews(context, input),

  'codings.delete': (context, input) =>
    context.mutate('codings.delete', (recorder) => {
      const coding = resolveCoding(context.db, input.coding);
      const memo = findCodingMemo(context.db, coding.id);
      if (memo) recorder.delete('memos', memo.id);
      recorder.delete('codings', coding.id);
      return { result: { id: coding.uuid }, summary: `Remove the coding of "${coding.quote.slice(0, 40)}"` };
    }),

  'codings.update': (context, input) =>
    context.mutate('codings.update', (recorder) => {
      const coding = resolveCoding(context.db, input.coding);
      const patch: Record<string, unknown> = {};
      if (input.code !== undefined) patch.code_id = resolveCode(context.db, input.code).id;
      if (input.start !== undefined || input.end !== undefined) {
        const document = getDocumentRow(context.db, coding.document_id);
        const anchor = anchorByOffsets(new CodePointIndex(document.text), input.start ?? coding.start, input.end ?? coding.end);
        Object.assign(patch, { start: anchor.start, end: anchor.end, quote: anchor.quote });
      }
      if (Object.keys(patch).length > 0) {
        refuseDuplicateCoding(context, { ...coding, ...(patch as Partial<CodingRow>) }, coding.id);
        patch.updated_at = context.now();
      }
      recorder.update('codings', coding.id, patch);
      return { result: segmentView(context, coding.uuid), summary: `Change the coding of "${coding.quote.slice(0, 40)}"` };
    }),

  'codings.setMemo': (context, input) =>
    context.mutate('codings.setMemo', (recorder) => {
      const coding = resolveCoding(context.db, input.coding);
      const coderId = input.coder === undefined ? coding.coder_id : ensureCoder(context.db, recorder, input.coder, context.now(), context.newUuid()).id;
      writeCodingMemo(context, recorder, coding.id, input.memo, coderId);
      return { result: segmentView(context, coding.uuid), summary: `Write the memo of the coding "${coding.quote.slice(0, 40)}"` };
    }, { step: input.step }),
} satisfies Partial<Handlers>;
