/**
 * Keyword in context: a hit with the text on either side of it, for a concordance view. The
 * hit's offsets stay exact (code points into the canonical text); the three strings are for
 * reading: runs of white space (line breaks included) become one space, and the context is cut
 * at a word boundary near `width` code points from the hit.
 */
import type { CodePointIndex } from './codepoints.js';

export interface KwicLine {
  before: string;
  hit: string;
  after: string;
}

export const DEFAULT_CONTEXT_WIDTH = 60;

/** How far (code points) a cut may move inward to land on a space instead of inside a word. */
const CUT_SLACK = 15;

function flatten(text: string): string {
  return text.replace(/\s+/gu, ' ');
}

/** The context before the hit: at most `width` code points, starting after a space if one is near. */
function contextBefore(index: CodePointIndex, start: number, width: number): string {
  const from = Math.max(0, start - width);
  const text = index.slice(from, start);
  if (from === 0) return flatten(text).trimStart();
  const chars = [...text];
  const limit = Math.min(CUT_SLACK, chars.length);
  for (let i = 0; i < limit; i++) {
    if (/\s/u.test(chars[i]!)) return flatten(chars.slice(i + 1).join(''));
  }
  return flatten(text);
}

/** The context after the hit: at most `width` code points, ending before a space if one is near. */
function contextAfter(index: CodePointIndex, end: number, width: number): string {
  const to = Math.min(index.length, end + width);
  const text = index.slice(end, to);
  if (to === index.length) return flatten(text).trimEnd();
  const chars = [...text];
  const limit = Math.max(0, chars.length - CUT_SLACK);
  for (let i = chars.length - 1; i >= limit; i--) {
    if (/\s/u.test(chars[i]!)) return flatten(chars.slice(0, i).join(''));
  }
  return flatten(text);
}

/** The hit [start, end) (code points) with up to `width` code points of context on each side. */
export function keywordInContext(index: CodePointIndex, start: number, end: number, width = DEFAULT_CONTEXT_WIDTH): KwicLine {
  return {
    before: contextBefore(index, start, width),
    hit: flatten(index.slice(start, end)),
    after: contextAfter(index, end, width),
  };
}
