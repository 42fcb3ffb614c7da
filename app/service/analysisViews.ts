/**
 * What the analysis operations return (compare coding across papers). Offsets are Unicode code
 * points into a document's canonical text, half-open [start, end); ids are stable uuids.
 */
import type { AttributeType, AttributeValue } from '../domain/attributeValues.js';
import type { TextUnit } from '../domain/textUnits.js';

export interface AnalysisColumn {
  codeId: string;
  /** The code's full path. */
  code: string;
  color: string;
  /** Codes whose segments the column counts: the code's own id, then its sub-codes' if included. */
  codeIds: string[];
}

export interface MatrixRowView {
  /** A document id, or the attribute value the group holds (null: the documents without one). */
  key: string | number | boolean | null;
  label: string;
  documentIds: string[];
  /** Code points in the row's documents. */
  characters: number;
  /** Words in the row's documents: runs of letters and digits, as the search index counts them. */
  words: number;
}

export interface MatrixCellView {
  /** Indexes into `rows` and `columns`. */
  row: number;
  column: number;
  /** Segments (codings) of the column's codes in the row's documents. */
  count: number;
  /** Code points of the row inside at least one of those segments (their union). */
  covered: number;
  /** covered / the row's characters, 0..1. */
  coverage: number;
  /** count × 1000 / the row's words; null when the row has no words. */
  per1000Words: number | null;
  /** The segments' ids, by document then start; empty when asked not to list them. */
  segmentIds: string[];
}

export interface CodeMatrix {
  /** 'document', or the attribute the rows group by. */
  rowsBy: string;
  rowsType: AttributeType | null;
  /** The coder counted, or null for all coders. */
  coder: string | null;
  /** With all coders: the one left out (the review's consensus coder), or null. */
  excludedCoder: string | null;
  includeSubcodes: boolean;
  rows: MatrixRowView[];
  columns: AnalysisColumn[];
  /** Only the cells with at least one segment; every other cell is 0. */
  cells: MatrixCellView[];
  /** One per column, over every row's documents together (segment ids not repeated). */
  totals: { column: number; count: number; covered: number; coverage: number; per1000Words: number | null }[];
  characters: number;
  words: number;
}

export interface CooccurrenceCellView {
  /** Column indexes, a ≤ b; a = b is the diagonal (that code's segment count). */
  a: number;
  b: number;
  /** overlap: pairs of overlapping segments; paragraph: blocks both codes touch; diagonal: segments. */
  count: number;
  /** overlap only, off the diagonal: maximal stretches of text inside segments of both codes. */
  passages?: number;
  /** overlap only, off the diagonal: code points in those passages. */
  characters?: number;
  /** [segment of code a, segment of code b] ids; empty on the diagonal or when not asked for. */
  pairs: [string, string][];
}

export interface CooccurrenceMatrix {
  scope: 'overlap' | 'paragraph';
  /** The coder counted, or null for all coders. */
  coder: string | null;
  /** With all coders: the one left out (the review's consensus coder), or null. */
  excludedCoder: string | null;
  documents: number;
  columns: AnalysisColumn[];
  /** Only non-zero cells with a ≤ b; the matrix is symmetric. */
  cells: CooccurrenceCellView[];
}

export interface SearchHit {
  documentId: string;
  documentTitle: string;
  /** The hit, in code points of the canonical text. */
  start: number;
  end: number;
  /** Keyword in context; white space runs shown as one space. */
  before: string;
  text: string;
  after: string;
}

export interface SearchResult {
  query: string;
  /** The query as the FTS5 index read it. */
  fts: string;
  /** Documents that match. */
  documents: number;
  hits: SearchHit[];
  /** Hits are in document-title order, then text order; true when `limit` cut them short. */
  truncated: boolean;
  /** When a bare word finds nothing: a query that would find something (the word as a prefix, "peacekeep*"). */
  suggestion?: string;
}

export interface AutocodePassage {
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  /** Search hits inside this passage. */
  hits: number;
  /**
   * 'new': a new coding; 'extend': the first of `existing` (a coding of this code by this coder
   * that the passage overlaps) grows to [start, end), and any others are joined into it.
   */
  action: 'new' | 'extend';
  /** The existing codings the passage reaches, in text order; empty when it is new. */
  existing: { id: string; start: number; end: number }[];
}

/** What auto-coding does with one search hit. */
export interface AutocodeHitOutcome {
  documentId: string;
  /** The hit itself (not widened), in code points. */
  start: number;
  end: number;
  /** 'new': coded as a new passage; 'extends': widens an existing coding; 'already-coded': inside one, skipped. */
  outcome: 'new' | 'extends' | 'already-coded';
}

export interface AutocodePreview {
  query: string;
  code: string;
  coder: string;
  scope: TextUnit;
  /** Hits of the query in the documents searched. */
  hits: number;
  documents: number;
  /** Hits whose widened passage this code already covers for this coder: left alone. */
  alreadyCoded: number;
  /** What would be coded: widened hits, overlapping ones merged, in document then text order. */
  passages: AutocodePassage[];
  /** Passages that would be new codings. */
  newPassages: number;
  /** Existing codings that would be extended (one per passage with action 'extend'). */
  extendedCodings: number;
  /** Existing codings that would be joined into an extended one (and so removed as separate codings). */
  joinedCodings: number;
  /** Every hit with what happens to it, in document then text order. */
  hitOutcomes: AutocodeHitOutcome[];
}

export interface AutocodeResult extends AutocodePreview {
  /** Ids of the codings made or extended, one per passage, all in one undoable action. */
  codingIds: string[];
}

export interface AttributeView {
  id: string;
  name: string;
  type: AttributeType;
  /** Documents with a value. */
  documents: number;
}

export interface DocumentAttributesView {
  documentId: string;
  title: string;
  /** By attribute name; absent when the document has no value. */
  values: Record<string, AttributeValue>;
}

export interface AttributeSetResult {
  attribute: AttributeView;
  documentId: string;
  value: AttributeValue | null;
}

export interface AttributeImportResult {
  documents: number;
  valuesSet: number;
  unchanged: number;
  attributesCreated: string[];
  /** Titles in the CSV that match no document (or more than one), with the row number. */
  unmatched: { row: number; title: string }[];
}

export interface DocumentRef {
  id: string;
  title: string;
}
