/**
 * What the service returns: plain JSON-able objects, identified by stable UUIDs. Offsets are
 * Unicode code points into a document's canonical text, half-open [start, end).
 */
import type { InlineMark } from '../domain/inlineMarks.js';

export type { InlineMark };
import type { Block } from '../domain/blocks.js';
import type { DocumentFormat } from '../formats/parsedDocument.js';

export interface ProjectInfo {
  id: string;
  name: string;
  file: string;
  schemaVersion: number;
  createdAt: string;
  /** Codings and coders leave out the consensus coder (see `countsLeaveOut`). */
  counts: { documents: number; codes: number; codings: number; coders: number; memos: number };
  /** The coder the counts leave out (the review's consensus coder), or null when there is none. */
  countsLeaveOut: string | null;
}

export interface DocumentSummary {
  id: string;
  title: string;
  /** Length in Unicode code points. */
  characters: number;
  blocks: number;
  format: DocumentFormat;
  sourceName: string;
  encoding: string | null;
  sha256: string;
  importedAt: string;
  /** Codings in the document, by every coder but the review's consensus coder. */
  codings: number;
}

/** What deleting a document would take with it: to confirm before `documents.delete`. */
export interface DocumentDeletePreview {
  id: string;
  title: string;
  codings: number;
  /** The document's memos and the memos on its codings. */
  memos: number;
  attributeValues: number;
  reviewDecisions: number;
  reviewComments: number;
}

export interface DocumentContent {
  id: string;
  title: string;
  text: string;
  blocks: Block[];
  /**
   * How to present the inline markup left in the text (Markdown's `**`, `\*`, `<sup>`…), in code
   * points, sorted by start; empty for other formats. Presentation only: text and offsets are
   * the canonical ones (app/domain/inlineMarks.ts).
   */
  marks: InlineMark[];
}

export type ImportResult =
  | { status: 'imported'; document: DocumentSummary }
  | { status: 'duplicate'; fileName: string; existing: { id: string; title: string } };

export interface CodeView {
  id: string;
  /** Full path from the root, names joined by "/" (see app/domain/codePath.ts). */
  path: string;
  name: string;
  parentId: string | null;
  depth: number;
  color: string;
  description: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  /** Segments coded with this code itself (not its sub-codes). */
  segments: number;
  /** Documents holding at least one of those segments. */
  documents: number;
  /** Segments of this code and all its sub-codes: an aggregate (equal to `segments` for a leaf). */
  totalSegments: number;
  /** Distinct documents holding a segment of this code or any of its sub-codes. */
  totalDocuments: number;
}

export interface Segment {
  id: string;
  documentId: string;
  documentTitle: string;
  codeId: string;
  /** The code's full path. */
  code: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  memo: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CoderView {
  id: string;
  name: string;
  codings: number;
}

export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'document'; id: string; title: string }
  | { kind: 'code'; id: string; path: string }
  | { kind: 'coding'; id: string };

export interface MemoView {
  id: string;
  target: MemoTarget;
  title: string;
  body: string;
  author: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Null for the memo a target's field shows (its most recently edited memo under this title).
   * Otherwise the id of that memo: this one is an older copy on the same target, written before
   * Gloss kept one memo per target (fast typing once made "T", "Ter", "Term"). It is kept, as
   * it is someone's text; list it apart so the researcher can keep what they need and delete it.
   */
  duplicateOf: string | null;
}

export interface HistoryStep {
  /** The event that was reverted or re-applied. */
  eventId: number;
  operation: string;
  summary: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  kind: 'do' | 'undo' | 'redo';
  operation: string;
  summary: string;
  coder: string | null;
  reverts: number | null;
}

export interface CodebookImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
