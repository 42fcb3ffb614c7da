/** The reader's public types: what the React shell hands in and gets back. Offsets are Unicode
 *  code points into the document's canonical text, half-open [start, end). */
import type { Block } from '../../app/domain/blocks.js';
import type { InlineMark } from '../../app/domain/inlineMarks.js';

export interface ReaderDocument {
  text: string;
  blocks: Block[];
  /** Inline formatting to show (Markdown's bold, emphasis…); the markup itself is hidden. */
  marks?: readonly InlineMark[];
}

export interface ReaderCoding {
  id: string;
  codeId: string;
  codeName: string;
  /** "#RRGGBB" */
  color: string;
  coder: string;
  start: number;
  end: number;
}

export interface ReaderSelection {
  start: number;
  end: number;
  /** Canonical text of [start, end), including any text between blocks. */
  text: string;
}
