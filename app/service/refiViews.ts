/** What the exchange operations (REFI-QDA, W3C Web Annotation) return. */

export type ExchangeFormat = 'qdpx' | 'qdc' | 'jsonld';

/** Something in the project that the target format cannot carry: told before writing. */
export interface ExchangeWarning {
  /** Stable key, e.g. "code-fields", "blocks". */
  topic: string;
  message: string;
  /** How many things it concerns, where that is countable. */
  count?: number;
}

export interface ExportCounts {
  documents: number;
  codes: number;
  codings: number;
  coders: number;
  memos: number;
  attributes: number;
  /** PlainTextSelection elements written (one per range and coder). */
  selections: number;
}

export interface QdpxExport {
  /** The .qdpx archive. */
  data: Uint8Array;
  warnings: ExchangeWarning[];
  counts: ExportCounts;
}

export interface QdcExport {
  xml: string;
  warnings: ExchangeWarning[];
  codes: number;
}

export interface AnnotationsExport {
  json: string;
  warnings: ExchangeWarning[];
  annotations: number;
}

/** Things an import left out, grouped by what they are and why. */
export interface SkippedGroup {
  what: string;
  reason: string;
  count: number;
  /** Up to five names or places, to find them in the other program. */
  examples: string[];
}

/** How one source's selection positions were read (see app/formats/refi/positions.ts). */
export interface PositionReport {
  source: string;
  document: string;
  /** e.g. "UTF-16 code units, CRLF counted as two". */
  rule: string;
  reason: string;
  selections: number;
  /** Selections whose `name` carries text that differs from the text at their positions. */
  nameMismatches: number;
}

export interface ExchangeImportSummary {
  file: string;
  kind: 'project' | 'codebook';
  /** The program that wrote the file (its `origin`), if it says. */
  origin: string | null;
  /** "new project" when the project was empty (it takes the file's name), else "merge". */
  mode: 'new project' | 'merge';
  /** False for a preview: nothing was written. */
  applied: boolean;
  documents: { created: number; matched: number; items: Array<{ source: string; title: string; status: 'created' | 'matched'; characters: number }> };
  codes: { created: number; matched: number };
  codings: { created: number; alreadyPresent: number };
  coders: { created: number; matched: number; renamed: Array<{ name: string; as: string }> };
  memos: { created: number; alreadyPresent: number };
  attributes: { created: number; values: number };
  positions: PositionReport[];
  skipped: SkippedGroup[];
  /** What the import chose where Gloss and REFI-QDA differ (sets, folders, …). */
  notes: string[];
}
