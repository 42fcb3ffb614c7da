/**
 * Compare coding across papers: the code × document matrix and the code × code co-occurrence
 * matrix, as views and as CSV. The figures are defined in app/domain/matrix.ts and
 * app/domain/cooccurrence.ts; this file reads the store, applies filters and shapes the output.
 */
import type { Block } from '../domain/blocks.js';
import { computeCooccurrence } from '../domain/cooccurrence.js';
import { GlossError } from '../domain/errors.js';
import { computeMatrix, per1000, type DocumentSegments } from '../domain/matrix.js';
import { writeCsv, type CsvCell } from '../formats/csvTable.js';
import { analysisSegments, documentBlocks, documentMeasures, type DocumentMeasureRow } from '../store/analysisQueries.js';
import { listCodes, type CodeRow } from '../store/codeQueries.js';
import type { Db } from '../store/projectFile.js';
import type { AnalysisColumn, CodeMatrix, CooccurrenceMatrix, MatrixRowView } from './analysisViews.js';
import { groupDocumentsByAttribute, resolveAttribute, selectDocuments } from './attributes.js';
import { codePathStrings, withDescendants } from './codeTree.js';
import type { Context } from './context.js';
import { countedCoders } from './countedCoders.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { resolveCode, resolveCoder } from './resolve.js';

/** Codes depth-first, siblings by position then name, as the codebook shows them. */
function codesInTreeOrder(rows: readonly CodeRow[]): CodeRow[] {
  const children = new Map<number | null, CodeRow[]>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  const ordered: CodeRow[] = [];
  const visit = (parentId: number | null): void => {
    for (const row of children.get(parentId) ?? []) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

interface Columns {
  views: AnalysisColumn[];
  /** Per column, the code ids it counts. */
  codeIds: number[][];
}

function analysisColumns(db: Db, references: readonly string[] | undefined, includeSubcodes: boolean): Columns {
  const rows = listCodes(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const paths = codePathStrings(rows);
  const chosen = references === undefined ? codesInTreeOrder(rows) : references.map((reference) => resolveCode(db, reference));
  const seen = new Set<number>();
  for (const code of chosen) {
    if (seen.has(code.id)) throw new GlossError('invalid_input', `The code "${paths.get(code.id)}" is listed twice.`);
    seen.add(code.id);
  }
  const codeIds = chosen.map((code) => (includeSubcodes ? withDescendants(rows, code.id) : [code.id]));
  const views = chosen.map((code, i) => ({
    codeId: code.uuid,
    code: paths.get(code.id)!,
    color: code.color,
    codeIds: codeIds[i]!.map((id) => byId.get(id)!.uuid),
  }));
  return { views, codeIds };
}

interface Scope {
  documents: DocumentMeasureRow[];
  /** By document, only the selected documents. */
  segments: Map<number, DocumentSegments<string>>;
  coder: string | null;
  /** With no coder chosen, the coder left out of "all coders" (the consensus coder), if any. */
  excludedCoder: string | null;
}

/** The selected documents (by title) and the codings in them: of one coder if asked, else of all coders (app/service/countedCoders.ts). */
function readScope(db: Db, input: Input<'analysis.matrix'> | Input<'analysis.cooccurrence'>, withIds: boolean): Scope {
  const selected = selectDocuments(db, input);
  const coder = input.coder === undefined ? undefined : resolveCoder(db, input.coder);
  const counted = countedCoders(db, coder ? [coder.id] : []);
  const documents = documentMeasures(db).filter((document) => selected === null || selected.has(document.id));
  const segments = analysisSegments(db, { ...(coder ? { coderId: coder.id } : {}), excludedCoderId: counted.excludedCoderId, withIds });
  if (selected !== null) for (const id of segments.keys()) if (!selected.has(id)) segments.delete(id);
  return { documents, segments, coder: coder?.name ?? null, excludedCoder: counted.excludedCoder };
}

function round(value: number | null, digits: number): number | null {
  return value === null ? null : Number(value.toFixed(digits));
}

export function codeMatrix(context: Context, input: Input<'analysis.matrix'>): CodeMatrix {
  const db = context.db;
  const includeSubcodes = input.includeSubcodes ?? false;
  const withSegments = input.withSegments ?? true;
  const columns = analysisColumns(db, input.codes, includeSubcodes);
  const scope = readScope(db, input, withSegments);
  const byId = new Map(scope.documents.map((document) => [document.id, document]));

  const rowsBy = input.rows === undefined || input.rows.toLowerCase() === 'document' ? null : resolveAttribute(db, input.rows);
  let rowViews: MatrixRowView[];
  let rowDocuments: number[][];
  if (rowsBy === null) {
    rowDocuments = scope.documents.map((document) => [document.id]);
    rowViews = scope.documents.map((document) => ({ key: document.uuid, label: document.title, documentIds: [document.uuid], characters: 0, words: 0 }));
  } else {
    const groups = groupDocumentsByAttribute(db, rowsBy, scope.documents.map((document) => document.id));
    rowDocuments = groups.map((group) => group.documentIds);
    rowViews = groups.map((group) => ({
      key: group.key,
      label: group.label,
      documentIds: group.documentIds.map((id) => byId.get(id)!.uuid),
      characters: 0,
      words: 0,
    }));
  }

  const result = computeMatrix(
    scope.documents.map((document) => ({ id: document.id, characters: document.characters, words: document.words })),
    rowDocuments.map((documents) => ({ documents })),
    columns.codeIds.map((codes) => ({ codes })),
    scope.segments,
    { listSegments: withSegments },
  );
  result.rows.forEach((totals, i) => Object.assign(rowViews[i]!, totals));

  // Rows partition the documents and a union is taken per document, so a column's totals are
  // the sums of its cells.
  const characters = scope.documents.reduce((sum, document) => sum + document.characters, 0);
  const words = scope.documents.reduce((sum, document) => sum + document.words, 0);
  const sums = columns.views.map(() => ({ count: 0, covered: 0 }));
  for (const cell of result.cells) {
    sums[cell.column]!.count += cell.count;
    sums[cell.column]!.covered += cell.covered;
  }
  return {
    rowsBy: rowsBy === null ? 'document' : rowsBy.name,
    rowsType: rowsBy === null ? null : (rowsBy.type as CodeMatrix['rowsType']),
    coder: scope.coder,
    excludedCoder: scope.excludedCoder,
    includeSubcodes,
    rows: rowViews,
    columns: columns.views,
    cells: result.cells,
    totals: sums.map((sum, column) => ({
      column,
      count: sum.count,
      covered: sum.covered,
      coverage: characters > 0 ? sum.covered / characters : 0,
      per1000Words: per1000(sum.count, words),
    })),
    characters,
    words,
  };
}

export function cooccurrenceMatrix(context: Context, input: Input<'analysis.cooccurrence'>): CooccurrenceMatrix {
  const db = context.db;
  const scopeName = input.scope ?? 'overlap';
  const withSegments = input.withSegments ?? true;
  const columns = analysisColumns(db, input.codes, false);
  const scope = readScope(db, input, withSegments);
  let blocks: Map<number, Block[]> | undefined;
  if (scopeName === 'paragraph') {
    const wanted = new Set(scope.documents.map((document) => document.id));
    blocks = new Map(documentBlocks(db).filter((row) => wanted.has(row.id)).map((row) => [row.id, JSON.parse(row.blocks) as Block[]]));
  }
  const cells = computeCooccurrence(
    columns.codeIds.map((ids) => ids[0]!),
    scope.segments.values(),
    scopeName,
    blocks,
    { listPairs: withSegments },
  );
  return {
    scope: scopeName,
    coder: scope.coder,
    excludedCoder: scope.excludedCoder,
    documents: scope.documents.length,
    columns: columns.views,
    cells,
  };
}

// -------------------------------------------------------------------------------------------
// CSV

const MEASURE_DIGITS = { coverage: 6, per1000: 3 } as const;

function matrixCsv(matrix: CodeMatrix, measure: 'count' | 'coverage' | 'per1000'): string {
  const pick = (figures: { count: number; coverage: number; per1000Words: number | null }): CsvCell => {
    if (measure === 'count') return figures.count;
    if (measure === 'coverage') return round(figures.coverage, MEASURE_DIGITS.coverage);
    return round(figures.per1000Words, MEASURE_DIGITS.per1000);
  };
  const empty = (row: MatrixRowView): CsvCell => (measure === 'per1000' && row.words === 0 ? null : 0);
  const header = [matrix.rowsBy, 'documents', 'characters', 'words', ...matrix.columns.map((column) => column.code)];
  const grid: CsvCell[][] = matrix.rows.map((row) => [row.label, row.documentIds.length, row.characters, row.words, ...matrix.columns.map(() => empty(row))]);
  for (const cell of matrix.cells) grid[cell.row]![4 + cell.column] = pick(cell);
  const documents = matrix.rows.reduce((sum, row) => sum + row.documentIds.length, 0);
  grid.push(['All documents', documents, matrix.characters, matrix.words, ...matrix.totals.map((total) => (measure === 'per1000' && matrix.words === 0 ? null : pick(total)))]);
  return writeCsv(header, grid);
}

function cooccurrenceCsv(matrix: CooccurrenceMatrix): string {
  const size = matrix.columns.length;
  const grid: CsvCell[][] = matrix.columns.map((column) => [column.code, ...new Array<CsvCell>(size).fill(0)]);
  for (const cell of matrix.cells) {
    grid[cell.a]![1 + cell.b] = cell.count;
    grid[cell.b]![1 + cell.a] = cell.count;
  }
  return writeCsv(['code', ...matrix.columns.map((column) => column.code)], grid);
}

export const analysisHandlers = {
  'analysis.matrix': (context, input) => codeMatrix(context, input),
  'analysis.matrixCsv': (context, input) => ({ csv: matrixCsv(codeMatrix(context, { ...input, withSegments: false }), input.measure ?? 'count') }),
  'analysis.cooccurrence': (context, input) => cooccurrenceMatrix(context, input),
  'analysis.cooccurrenceCsv': (context, input) => ({ csv: cooccurrenceCsv(cooccurrenceMatrix(context, { ...input, withSegments: false })) }),
} satisfies Partial<Handlers>;
