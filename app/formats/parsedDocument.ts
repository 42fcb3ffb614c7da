import type { Block } from '../domain/blocks.js';

export type DocumentFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** What an importer hands to the service: the canonical text and its block structure. */
export interface ParsedDocument {
  format: DocumentFormat;
  /** Canonical text (see app/domain/canonical.ts). */
  text: string;
  /** Ranges over `text` in code points; see app/domain/blocks.ts. */
  blocks: Block[];
  /** How the bytes were decoded, e.g. 'utf-8', 'utf-16le', 'windows-1252'. */
  encoding?: string;
}
