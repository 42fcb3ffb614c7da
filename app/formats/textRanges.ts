/** Helpers for block ranges found in a JavaScript string (UTF-16 indexes). */

const WHITESPACE = /\s/;

/**
 * Shrinks the UTF-16 range [start, end) of `text` past leading and trailing whitespace, so a
 * block never starts or ends with a space or newline. Returns an empty range when the range
 * holds only whitespace.
 */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text[s]!)) s++;
  while (e > s && WHITESPACE.test(text[e - 1]!)) e--;
  return [s, e];
}
