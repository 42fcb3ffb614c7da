/**
 * Offsets in Gloss are Unicode code points (W3C TextPositionSelector); JavaScript strings and
 * ProseMirror count UTF-16 code units. This module is the one place that converts between them.
 *
 * A CodePointIndex is built once per text: it records where the astral characters (the ones
 * that take two UTF-16 units) sit, so each conversion is a binary search instead of a walk over
 * a document that may be a million characters long.
 */
export class CodePointIndex {
  readonly text: string;
  /** Code-point length of the text. */
  readonly length: number;
  /** UTF-16 index of every astral character, ascending. */
  private readonly astralUtf16: Int32Array;

  constructor(text: string) {
    this.text = text;
    const astral: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          astral.push(i);
          i++;
        }
      }
    }
    this.astralUtf16 = Int32Array.from(astral);
    this.length = text.length - astral.length;
  }

  /** UTF-16 index of code point `offset` (0 ≤ offset ≤ length). */
  toUtf16(offset: number): number {
    // The k-th astral character (0-based) sits at code point astralUtf16[k] - k.
    let lo = 0;
    let hi = this.astralUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralUtf16[mid]! - mid < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  }

  /**
   * Code-point offset of UTF-16 index `index`. An index inside a surrogate pair is rounded down
   * to the start of its character, so a conversion never splits one.
   */
  toCodePoint(index: number): number {
    let lo = 0;
    let hi = this.astralUtf16.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.astralUtf16[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    // lo astral characters start before `index`, each one UTF-16 unit wider than a code
    // point. An index inside a pair also lands on its character's start this way.
    return index - lo;
  }

  /** The text of code points [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

/** Code-point length of a string. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}
