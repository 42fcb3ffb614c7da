import { writeCsv } from '../formats/csvTable.js';
import { codeMemoBodies, listCodes } from '../store/codeQueries.js';
import { listCodeViews } from './codes.js';
import type { Handlers } from './handlers.js';
import { listSegmentViews } from './codings.js';

/** Counts leave out the consensus coder (app/service/countedCoders.ts); totals add the sub-codes'; memo is every memo on the code. */
export const CODEBOOK_COLUMNS = [
  'path', 'name', 'parent', 'color', 'description', 'definition', 'when_to_use', 'when_not_to_use', 'example', 'segments', 'documents',
  'total_segments', 'total_documents', 'memo', 'id',
] as const;

export const SEGMENT_COLUMNS = [
  'document', 'code', 'coder', 'start', 'end', 'text', 'memo', 'id', 'document_id', 'code_id', 'created_at',
] as const;

export const exportHandlers = {
  'export.codebookCsv': (context) => {
    const codes = listCodeViews(context);
    const pathOf = new Map(codes.map((code) => [code.id, code.path]));
    const memos = codeMemoBodies(context.db);
    const idOf = new Map(listCodes(context.db).map((row) => [row.uuid, row.id]));
    const rows = codes.map((code) => [
      code.path, code.name, code.parentId === null ? '' : pathOf.get(code.parentId)!, code.color, code.description,
      code.definition, code.whenToUse, code.whenNotToUse, code.example, code.segments, code.documents,
      code.totalSegments, code.totalDocuments, (memos.get(idOf.get(code.id)!) ?? []).join('\n\n'), code.id,
    ]);
    return { csv: writeCsv(CODEBOOK_COLUMNS, rows) };
  },

  'export.segmentsCsv': (context, input) => {
    const rows = listSegmentViews(context, input).map((segment) => [
      segment.documentTitle, segment.code, segment.coder, segment.start, segment.end, segment.text, segment.memo ?? '',
      segment.id, segment.documentId, segment.codeId, segment.createdAt,
    ]);
    return { csv: writeCsv(SEGMENT_COLUMNS, rows) };
  },
} satisfies Partial<Handlers>;
