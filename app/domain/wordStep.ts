/**
 * Widen or narrow a coding by one word at either end, in code points over a CodePointIndex.
 * A word is a run of characters that are not white space (punctuation stays with its word).
 * The range it returns never starts or ends with white space: a step lands on a word's first
 * or last character, and a range that already had white space at its ends is trimmed too.
 */
import type { CodePointIndex } from './codepoints.js';

export type CodingEdge = 'start' | 'end';
export type WordStepDirection = 'widen' | 'narrow';

export interface CodePointRange {
  start: number;
  end: number;
}

const SPACE = /^\s$/u;

/** Whether the code point at `offset` is white space. */
function isSpace(index: CodePointIndex, offset: number): boolean {
  return SPACE.test(index.slice(offset, offset + 1));
}

/** [start, end) without white space at either end; empty ranges collapse to start = end. */
export function trimRange(index: CodePointIndex, range: CodePointRange): CodePointRange {
  let { start, end } = range;
  while (start < end && isSpace(index, start)) start++;
  while (end > start && isSpace(index, end - 1)) end--;
  return { start, end };
}

/**
 * The range one word wider or narrower at `edge`, or null when there is no such step (no word
 * beyond the edge to take in, or no word left to give up without emptying the coding).
 */
export function wordStep(index: CodePointIndex, range: CodePointRange, edge: CodingEdge, direction: WordStepDirection): CodePointRange | null {
  const { start, end } = trimRange(index, {
    start: Math.max(0, Math.min(range.start, index.length)),
    end: Math.max(0, Math.min(range.end, index.length)),
  });
  if (start >= end) return null;
  let at: number;
  if (edge === 'start' && direction === 'widen') {
    // Back over the space before the coding, then over the word there: its first character.
    at = start;
    while (at > 0 && isSpace(index, at - 1)) at--;
    // Only white space back to the start of the text: nothing to take in.
    if (at === 0) return null;
    while (at > 0 && !isSpace(index, at - 1)) at--;
    return { start: at, end };
  }
  if (edge === 'start') {
    // Past the first word, then past the space after it: the next word's first character.
    at = start;
    while (at < end && !isSpace(index, at)) at++;
    while (at < end && isSpace(index, at)) at++;
    return at < end ? { start: at, end } : null;
  }
  if (direction === 'widen') {
    // Past the space after the coding, then past the word there: its last character.
    at = end;
    while (at < index.length && isSpace(index, at)) at++;
    while (at < index.length && !isSpace(index, at)) at++;
    // Only white space to the end of the text: nothing to take in.
    if (at === end || isSpace(index, at - 1)) return null;
    return { start, end: at };
  }
  // Back over the last word, then over the space before it: the previous word's last character.
  at = end;
  while (at > start && !isSpace(index, at - 1)) at--;
  while (at > start && isSpace(index, at - 1)) at--;
  return at > start ? { start, end: at } : null;
}
