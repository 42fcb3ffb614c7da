/**
 * The one place where the reader converts Gloss offsets (Unicode code points into the canonical
 * text) to ProseMirror positions (UTF-16 units plus one open and one close token per block) and
 * back. Every conversion is a binary search over the block table plus one over the astral
 * characters (CodePointIndex); nothing here walks the document.
 *
 * Positions are "global": the ones a ProseMirror document holding every block would have. The
 * view renders only a window of blocks, whose positions are these minus the window's base
 * (`blockPos(firstBlockOfWindow)`); that subtraction happens in the view, not here.
 *
 * Pure: no DOM, no ProseMirror. Safe to unit-test under Node.
 */
import type { Block, BlockKind } from '../../app/domain/blocks.js';
import { CodePointIndex } from '../../app/domain/codepoints.js';

export class DocumentPositions {
  readonly index: CodePointIndex;
  /** The blocks shown; a text with no blocks is shown as one paragraph. */
  readonly blocks: readonly Block[];
  readonly count: number;
  /** Code-point length of the whole text. */
  readonly length: number;
  /** Size of a ProseMirror document holding every block. */
  readonly size: number;
  private readonly cpStart: Int32Array;
  private readonly cpEnd: Int32Array;
  private readonly u16Start: Int32Array;
  private readonly u16Length: Int32Array;
  /** Global position before block i's open token. */
  private readonly pos: Float64Array;

  constructor(text: string, blocks: readonly Block[]) {
    this.index = new CodePointIndex(text);
    this.length = this.index.length;
    this.blocks = blocks.length > 0 ? blocks : [{ kind: 'paragraph', start: 0, end: this.length }];
    const n = this.blocks.length;
    this.count = n;
    this.cpStart = new Int32Array(n);
    this.cpEnd = new Int32Array(n);
    this.u16Start = new Int32Array(n);
    this.u16Length = new Int32Array(n);
    this.pos = new Float64Array(n + 1);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const block = this.blocks[i]!;
      const from = this.index.toUtf16(block.start);
      const to = this.index.toUtf16(block.end);
      this.cpStart[i] = block.start;
      this.cpEnd[i] = block.end;
      this.u16Start[i] = from;
      this.u16Length[i] = to - from;
      this.pos[i] = pos;
      pos += to - from + 2;
    }
    this.pos[n] = pos;
    this.size = pos;
  }

  kind(i: number): BlockKind {
    return this.blocks[i]!.kind;
  }

  /** Code-point range of block i. */
  blockStart(i: number): number {
    return this.cpStart[i]!;
  }

  blockEnd(i: number): number {
    return this.cpEnd[i]!;
  }

  /** UTF-16 length of block i's text. */
  blockUtf16Length(i: number): number {
    return this.u16Length[i]!;
  }

  /** The text block i shows. */
  blockText(i: number): string {
    const from = this.u16Start[i]!;
    return this.index.text.slice(from, from + this.u16Length[i]!);
  }

  /** Global position before block i's open token; blockPos(count) is the document size. */
  blockPos(i: number): number {
    return this.pos[i]!;
  }

  /** Global position of the start of block i's text. */
  contentStart(i: number): number {
    return this.pos[i]! + 1;
  }

  /** Global position of the end of block i's text. */
  contentEnd(i: number): number {
    return this.pos[i]! + 1 + this.u16Length[i]!;
  }

  /** Index of the last block starting at or before code point `offset`, or -1. */
  private lastBlockStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cpStart[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * The block that shows code point `offset`, or the nearest one when the offset falls between
   * blocks (ties go to the earlier block).
   */
  blockAtOffset(offset: number): number {
    const i = this.lastBlockStartingAtOrBefore(offset);
    if (i < 0) return 0;
    if (offset <= this.cpEnd[i]! || i + 1 === this.count) return i;
    return offset - this.cpEnd[i]! <= this.cpStart[i + 1]! - offset ? i : i + 1;
  }

  /** Global position of code point `offset` inside block i (clamped to the block). */
  toPosInBlock(i: number, offset: number): number {
    const clamped = Math.min(Math.max(offset, this.cpStart[i]!), this.cpEnd[i]!);
    return this.pos[i]! + 1 + this.index.toUtf16(clamped) - this.u16Start[i]!;
  }

  /**
   * Global position of code point `offset`. An offset between blocks maps to the nearest block
   * edge. Where one block ends exactly where the next starts, `side` picks the end of the
   * earlier block (-1, for the end of a range) or the start of the later one (1).
   */
  toPos(offset: number, side: -1 | 1 = 1): number {
    let i = this.blockAtOffset(offset);
    if (side < 0 && i > 0 && offset <= this.cpStart[i]! && this.cpEnd[i - 1]! === offset) i--;
    return this.toPosInBlock(i, offset);
  }

  /** Index of the block whose node contains global position `pos` (a position between two
   *  blocks belongs to the later one). */
  blockAtPos(pos: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.pos[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** Code point at global position `pos`. Positions outside a block's text clamp to its edges;
   *  a position inside a surrogate pair rounds down to the start of its character. */
  toOffset(pos: number): number {
    const i = this.blockAtPos(pos);
    const inner = Math.min(Math.max(pos - this.pos[i]! - 1, 0), this.u16Length[i]!);
    return this.index.toCodePoint(this.u16Start[i]! + inner);
  }

  /** Blocks [first, end) that share at least one code point with [start, end); empty when the
   *  range lies between blocks. */
  blocksInRange(start: number, end: number): [number, number] {
    // First block ending after `start`.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cpEnd[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    // Blocks starting before `end`.
    lo = first;
    hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cpStart[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return [first, Math.max(first, lo)];
  }

  /** Canonical text of code points [start, end). */
  slice(start: number, end: number): string {
    return this.index.slice(start, end);
  }
}
