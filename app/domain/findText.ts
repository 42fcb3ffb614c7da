/**
 * Find in one document's canonical text, as the reader's find bar does it: case ignored,
 * accents ignored unless asked for ("gorski" finds "Górski", as the Search tab does), and any run
 * of white space matching any other (a line break in the text matches a space in the query).
 *
 * A FindIndex folds the whole text once (one pass, O(n)) into a search string plus a map from
 * each of its UTF-16 units back to the code point it came from; every query is then a native
 * `indexOf` scan of that string, so a query on a million-character book costs milliseconds and
 * only the first query pays for the folding. Matches are code-point ranges, half-open
 * [start, end), as every Gloss offset is; they do not overlap ("aa" in "aaaa" is found twice).
 *
 * Pure: no DOM, no I/O.
 */
import type { CodePointIndex } from './codepoints.js';
import { foldForSearch } from './searchQuery.js';

export interface FindOptions {
  /** Tell "é" from "e" (default: accents ignored). */
  matchAccents?: boolean;
}

/** Matches in text order: match k is [starts[k], ends[k]) in code points. */
export interface FindMatches {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export const NO_MATCHES: FindMatches = { starts: new Int32Array(0), ends: new Int32Array(0) };

const COMBINING_MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const WHITE_SPACE = /\s/u;

/** Folds one character at a time, remembering runs of white space. */
class Folder {
  private readonly matchAccents: boolean;
  private readonly cache = new Map<number, string>();
  /** The last unit written was a space standing for white space. */
  private inSpace = false;

  constructor(options: FindOptions) {
    this.matchAccents = options.matchAccents ?? false;
  }

  /** What code point `cp` becomes in the search string ('' when it folds away). */
  fold(cp: number): string {
    if (cp < 0x80) {
      // ASCII, nearly every character of most texts: no allocation beyond the one-unit string.
      if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d)) return this.space();
      this.inSpace = false;
      return String.fromCharCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
    }
    let folded = this.cache.get(cp);
    if (folded === undefined) {
      folded = this.foldOther(String.fromCodePoint(cp));
      this.cache.set(cp, folded);
    }
    if (folded === ' ') return this.space();
    if (folded !== '') this.inSpace = false;
    return folded;
  }

  private space(): string {
    if (this.inSpace) return '';
    this.inSpace = true;
    return ' ';
  }

  private foldOther(char: string): string {
    if (WHITE_SPACE.test(char)) return ' ';
    if (this.matchAccents) return char.toLowerCase();
    if (COMBINING_MARK.test(char)) return '';
    return foldForSearch(char.normalize('NFD').replace(MARKS, '')).toLowerCase().normalize('NFD').replace(MARKS, '');
  }
}

/** Fold a whole string (a query) the way FindIndex folds its text. */
export function foldForFind(text: string, options: FindOptions = {}): string {
  const folder = new Folder(options);
  let out = '';
  for (const char of text) out += folder.fold(char.codePointAt(0)!);
  return out;
}

export class FindIndex {
  /** The folded text searched. */
  readonly folded: string;
  readonly options: FindOptions;
  /** Code point of the text each folded unit came from; one more entry: the text's length. */
  private readonly origin: Int32Array;

  constructor(text: string, options: FindOptions = {}) {
    this.options = { ...options };
    const folder = new Folder(options);
    let units = new Uint16Array(text.length + 16);
    let origin = new Int32Array(text.length + 17);
    let length = 0;
    let cp = 0;
    for (let i = 0; i < text.length; i++, cp++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const folded = folder.fold(code);
      if (length + folded.length >= units.length) {
        const grownUnits = new Uint16Array(units.length * 2);
        grownUnits.set(units);
        units = grownUnits;
        const grownOrigin = new Int32Array(units.length + 1);
        grownOrigin.set(origin);
        origin = grownOrigin;
      }
      for (let k = 0; k < folded.length; k++) {
        units[length] = folded.charCodeAt(k);
        origin[length] = cp;
        length++;
      }
    }
    origin[length] = cp;
    this.origin = origin.slice(0, length + 1);
    // From units to a string in chunks: one call per unit would be slow, one call for all
    // would overflow the argument stack.
    const chunks: string[] = [];
    for (let at = 0; at < length; at += 8192) chunks.push(String.fromCharCode(...units.subarray(at, Math.min(length, at + 8192))));
    this.folded = chunks.join('');
  }

  /** Every match of `query`, in text order. An empty query (once folded) matches nothing. */
  find(query: string): FindMatches {
    const needle = foldForFind(query, this.options);
    if (needle.length === 0) return NO_MATCHES;
    const starts: number[] = [];
    const ends: number[] = [];
    const { folded, origin } = this;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      const after = at + needle.length;
      starts.push(origin[at]!);
      // Up to where the next unit's character starts, so accents and marks folded away after
      // the last letter belong to the match; at least past the last letter's character.
      ends.push(Math.max(origin[after]!, origin[after - 1]! + 1));
    }
    return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  }
}

/** Index of the first match starting at or after code point `offset`, wrapping to 0; -1 when
 *  there are none. */
export function firstMatchFrom(matches: FindMatches, offset: number): number {
  const { starts } = matches;
  if (starts.length === 0) return -1;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? lo : 0;
}

/** Matches [first, end) that share a code point with [from, to). */
export function matchesIn(matches: FindMatches, from: number, to: number): [number, number] {
  const { starts, ends } = matches;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < to) lo = mid + 1;
    else hi = mid;
  }
  return [first, Math.max(first, lo)];
}

/** The words around a match, on one line, for a screen reader to say: about `radius` code
 *  points each side, cut at a word boundary, with an ellipsis where the text goes on. */
export function matchContext(index: CodePointIndex, start: number, end: number, radius = 40): string {
  const flat = (text: string): string => text.replace(/\s+/gu, ' ');
  let before = flat(index.slice(Math.max(0, start - radius), start));
  let after = flat(index.slice(end, Math.min(index.length, end + radius)));
  if (start - radius > 0) before = `…${before.replace(/^\S*\s?/u, '')}`;
  if (end + radius < index.length) after = `${after.replace(/\s?\S*$/u, '')}…`;
  return `${before}${flat(index.slice(start, end))}${after}`.trim();
}
