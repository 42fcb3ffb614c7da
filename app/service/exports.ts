import { writeCsv } from '../formats/csvTable.js';
import { listCodeViews } from './codes.js';
import type { Handlers } from './handlers.js';
import { listSegmentViews } from './codings.js';

export const CODEBOOK_COLUMNS = [
  'path', 'name', 'parent', 'color', 'description', 'definition', 'when_to_use', 'when_not_to_use', 'example', 'segments', 'documents', 'id',
] as const;

export const SEGMENT_COLUMNS = [
  'document', 'code', 'coder', 'start', 'end', 'text', 'memo', 'id', 'document_id', 'code_id', 'created_at',
] as const;

export const exportHandlers = {
  'export.codebookCsv': (context) => {
    const codes = listCodeViews(context);
    const pathOf = new Map(codes.map((code) => [code.id, code.path]));
    const rows = codes.map((code) => [
      code.path, code.name, code.parentId === null ? '' : pathOf.get(code.parentId)!, code.color, code.description,
      code.definition, code.whenToUse, code.whenNotToUse, code.example, code.segments, code.documents, code.id,
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
