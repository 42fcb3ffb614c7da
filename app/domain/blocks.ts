/**
 * The block structure of a document: ranges over its canonical text, in Unicode code points,
 * half-open [start, end), in document order and never overlapping. Text between blocks
 * (blank lines, Markdown markers) stays in the canonical text but belongs to no block.
 */
export type BlockKind = 'heading' | 'paragraph' | 'list_item' | 'blockquote';

export interface Block {
  kind: BlockKind;
  /** 1–6 for headings, absent otherwise. */
  level?: number;
  start: number;
  end: number;
}

/** Throws when blocks are out of order, overlap, are empty or run past the text. */
export function assertValidBlocks(blocks: readonly Block[], textLength: number): void {
  let previousEnd = 0;
  for (const [i, block] of blocks.entries()) {
    if (!(block.start >= previousEnd && block.end > block.start && block.end <= textLength)) {
      throw new Error(`block ${i} [${block.start}, ${block.end}) is out of order, empty or past the text (${textLength})`);
    }
    previousEnd = block.end;
  }
}
