import type { Block, BlockKind } from '../domain/blocks.js';
import { codePointLength } from '../domain/codepoints.js';

const BLOCK_SEPARATOR = '\n\n';

/**
 * Builds the canonical text of a format whose text Gloss composes itself (HTML, DOCX, PDF):
 * the blocks' texts joined by a blank line, each block's range counted in code points as it is
 * added, so no pass over the finished text is needed.
 */
export class JoinedTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly blocks: Block[] = [];

  /** Adds one block; its text is trimmed, and a block with no text left is dropped. */
  add(kind: BlockKind, text: string, level?: number): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (this.parts.length > 0) {
      this.parts.push(BLOCK_SEPARATOR);
      this.length += BLOCK_SEPARATOR.length;
    }
    const start = this.length;
    this.parts.push(trimmed);
    this.length += codePointLength(trimmed);
    const block: Block = { kind, start, end: this.length };
    if (level !== undefined) block.level = level;
    this.blocks.push(block);
  }

  text(): string {
    return this.parts.join('');
  }
}
