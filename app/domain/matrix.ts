/**
 * The code × document matrix: for each row (a document, or a group of documents) and each
 * column (a code, optionally with its sub-codes), how much of the row that code covers.
 *
 * - count: the number of segments (codings). Two coders coding the same passage are two.
 * - covered / coverage: the code points of the row's documents inside at least one of the
 *   column's segments (the union of their ranges, so overlapping segments are not counted twice),
 *   divided by the row's total code points.
 * - per1000Words: count × 1000 / the row's words (null when the row has no words).
 *
 * Offsets are half-open code-point ranges [start, end); ranges in different documents never
 * merge. Pure: the caller reads segments and documents from the store.
 */

export interface Range {
  start: number;
  end: number;
}

/**
 * The union of `ranges` as disjoint, ascending ranges. Ranges that overlap or touch ([0, 5) and
 * [5, 9)) become one: a union has no gap between them.
 */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      if (range.end > last.end) last.end = range.end;
    } else {
      merged.push({ start: range.start, end: range.end });
    }
  }
  return merged;
}

/** Code points in the union of `ranges`. */
export function unionLength(ranges: readonly Range[]): number {
  return mergeRanges(ranges).reduce((sum, range) => sum + range.end - range.start, 0);
}

/**
 * One document's segments, column by column (parallel arrays of one length), sorted by start
 * then end: the shape the store reads them in, cheap to build for 200,000 codings. `refs` may be
 * empty when no segment is to be listed.
 */
export interface DocumentSegments<Ref> {
  document: number;
  refs: readonly Ref[];
  codes: readonly number[];
  starts: readonly number[];
  ends: readonly number[];
}

export interface SegmentInput<Ref> {
  ref: Ref;
  document: number;
  code: number;
  start: number;
  end: number;
}

/** Segments given one by one, grouped by document and sorted as DocumentSegments wants them. */
export function groupSegments<Ref>(segments: readonly SegmentInput<Ref>[]): Map<number, DocumentSegments<Ref>> {
  const byDocument = new Map<number, SegmentInput<Ref>[]>();
  for (const segment of segments) {
    const list = byDocument.get(segment.document);
    if (list) list.push(segment);
    else byDocument.set(segment.document, [segment]);
  }
  const grouped = new Map<number, DocumentSegments<Ref>>();
  for (const [document, list] of byDocument) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    grouped.set(document, {
      document,
      refs: list.map((s) => s.ref),
      codes: list.map((s) => s.code),
      starts: list.map((s) => s.start),
      ends: list.map((s) => s.end),
    });
  }
  return grouped;
}

/** Whether a document's segments are sorted by start then end. */
export function isSorted<Ref>(segments: DocumentSegments<Ref>): boolean {
  for (let i = 1; i < segments.starts.length; i++) {
    const order = segments.starts[i - 1]! - segments.starts[i]! || segments.ends[i - 1]! - segments.ends[i]!;
    if (order > 0) return false;
  }
  return true;
}

export interface MatrixDocument {
  id: number;
  /** Length in code points. */
  characters: number;
  words: number;
}

export interface MatrixRow {
  /** The documents of the row, each in at most one row; the order segments are listed in. */
  documents: readonly number[];
}

export interface MatrixColumn {
  /** The codes whose segments the column counts: the code, and its sub-codes if asked for. */
  codes: readonly number[];
}

export interface MatrixCell<Ref> {
  row: number;
  column: number;
  count: number;
  covered: number;
  coverage: number;
  per1000Words: number | null;
  /** In the row's document order, then by start and end; empty unless asked for. */
  segmentIds: Ref[];
}

export interface RowTotals {
  characters: number;
  words: number;
}

export interface MatrixResult<Ref> {
  rows: RowTotals[];
  /** Only the cells with at least one segment, by row then column. */
  cells: MatrixCell<Ref>[];
}

export function per1000(count: number, words: number): number | null {
  return words > 0 ? (count * 1000) / words : null;
}

/**
 * Compute the matrix. Segments of documents in no row, or of codes in no column, are ignored.
 * One pass over each document's segments in start order: a column's union grows by the part of
 * each segment past the furthest end seen so far.
 */
export function computeMatrix<Ref>(
  documents: readonly MatrixDocument[],
  rows: readonly MatrixRow[],
  columns: readonly MatrixColumn[],
  segments: ReadonlyMap<number, DocumentSegments<Ref>>,
  options: { listSegments?: boolean } = {},
): MatrixResult<Ref> {
  const listSegments = options.listSegments ?? true;
  const documentById = new Map(documents.map((document) => [document.id, document]));
  const columnsOfCode = new Map<number, number[]>();
  columns.forEach((column, c) => {
    for (const code of new Set(column.codes)) {
      const list = columnsOfCode.get(code);
      if (list) list.push(c);
      else columnsOfCode.set(code, [c]);
    }
  });
  const width = columns.length;
  // Per column, for the document being read: its count, union so far and furthest end; and for
  // the row being read: its count, union and segments. Flat arrays, reset by stamps.
  const documentStamp = new Int32Array(width).fill(-1);
  const count = new Float64Array(width);
  const covered = new Float64Array(width);
  const reach = new Float64Array(width);
  const rowStamp = new Int32Array(width).fill(-1);
  const rowCount = new Float64Array(width);
  const rowCovered = new Float64Array(width);
  const rowSegments: Ref[][] = new Array<Ref[]>(width);
  let documentNumber = 0;

  const totals: RowTotals[] = [];
  const cells: MatrixCell<Ref>[] = [];
  rows.forEach((row, r) => {
    let characters = 0;
    let words = 0;
    const rowColumns: number[] = [];
    for (const id of row.documents) {
      const document = documentById.get(id);
      if (!document) throw new Error(`document ${id} of row ${r} is not among the documents`);
      characters += document.characters;
      words += document.words;
      const list = segments.get(id);
      if (!list) continue;
      const current = documentNumber++;
      const touched: number[] = [];
      for (let i = 0; i < list.starts.length; i++) {
        const cs = columnsOfCode.get(list.codes[i]!);
        if (!cs) continue;
        const start = list.starts[i]!;
        const end = list.ends[i]!;
        for (const c of cs) {
          if (documentStamp[c] !== current) {
            documentStamp[c] = current;
            count[c] = 0;
            covered[c] = 0;
            reach[c] = 0;
            touched.push(c);
          }
          count[c]!++;
          if (end > reach[c]!) {
            covered[c]! += end - Math.max(start, reach[c]!);
            reach[c] = end;
          }
          if (rowStamp[c] !== r) {
            rowStamp[c] = r;
            rowCount[c] = 0;
            rowCovered[c] = 0;
            rowSegments[c] = [];
            rowColumns.push(c);
          }
          if (listSegments) rowSegments[c]!.push(list.refs[i]!);
        }
      }
      for (const c of touched) {
        rowCount[c]! += count[c]!;
        rowCovered[c]! += covered[c]!;
      }
    }
    totals.push({ characters, words });
    rowColumns.sort((a, b) => a - b);
    for (const column of rowColumns) {
      cells.push({
        row: r,
        column,
        count: rowCount[column]!,
        covered: rowCovered[column]!,
        coverage: characters > 0 ? rowCovered[column]! / characters : 0,
        per1000Words: per1000(rowCount[column]!, words),
        segmentIds: rowSegments[column]!,
      });
    }
  });
  return { rows: totals, cells };
}
