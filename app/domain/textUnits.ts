/**
 * Widen a passage (a search hit) to the word, sentence or paragraph around it. Offsets in and
 * out are Unicode code points into the canonical text, half-open [start, end); the work is done
 * on UTF-16 indexes through the text's CodePointIndex.
 *
 * - word: the run of letters, numbers and combining marks around the passage, continued over an
 *   apostrophe or hyphen that stands between two letters ("Russia's", "Nagorno-Karabakh").
 * - sentence: the sentence(s) the passage falls in, found by `sentenceRanges` inside the
 *   passage's block; a sentence never crosses a block boundary.
 * - paragraph: the block(s) the passage falls in (app/domain/blocks.ts). Text outside every
 *   block (blank lines, Markdown markers) widens to its run between blank lines.
 */
import type { Block } from './blocks.js';
import type { CodePointIndex } from './codepoints.js';

export type TextUnit = 'word' | 'sentence' | 'paragraph';

export interface Span {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** Joins two word characters into one word: apostrophes and hyphens. */
const WORD_JOINER = /['’\-‐‑]/u;
const SPACE = /\s/u;
const LOWERCASE_START = /^\p{Ll}/u;

/** The code point ending just before UTF-16 index `i`, or '' at the start. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
}

/** The code point starting at UTF-16 index `i`, or '' at the end. */
function charAt(text: string, i: number): string {
  if (i >= text.length) return '';
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

function isWordChar(char: string): boolean {
  return char !== '' && WORD_CHAR.test(char);
}

/** Widen [from, to) (UTF-16) to whole words. */
function widenToWord(text: string, from: number, to: number): [number, number] {
  let start = from;
  for (;;) {
    const before = charBefore(text, start);
    if (isWordChar(before)) {
      start -= before.length;
    } else if (before !== '' && WORD_JOINER.test(before) && isWordChar(charBefore(text, start - before.length)) && isWordChar(charAt(text, start))) {
      start -= before.length;
    } else {
      break;
    }
  }
  let end = to;
  for (;;) {
    const after = charAt(text, end);
    if (isWordChar(after)) {
      end += after.length;
    } else if (after !== '' && WORD_JOINER.test(after) && isWordChar(charAt(text, end + after.length)) && isWordChar(charBefore(text, end))) {
      end += after.length;
    } else {
      break;
    }
  }
  return [start, end];
}

// -------------------------------------------------------------------------------------------
// Sentences

/**
 * Abbreviations whose full stop does not end a sentence, lower case, without their final dot
 * (dotted ones keep their inner dots): titles, months, Latin and their Polish and Russian
 * counterparts. "etc." is not here: it often does end a sentence.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'e.g', 'i.e', 'cf', 'vs', 'viz', 'al', 'approx', 'ca', 'resp', 'esp', 'incl', 'dept', 'univ', 'assoc', 'inst', 'govt',
  // Polish: np. (for example), tj., tzn. (that is), ok. (about), mgr, inż., ul. (street), płk, gen.
  'np', 'tj', 'tzn', 'ok', 'mgr', 'inż', 'ul', 'płk', 'prok', 'zob', 'por', 'wg',
  // Russian: т. е., т. д., см. (see), г. (year / city), гг., им. (named after), тыс., млн, млрд
  'т.е', 'т.д', 'т.п', 'т.к', 'см', 'г', 'гг', 'им', 'тыс', 'млн', 'млрд', 'ст', 'проф', 'акад', 'ген',
]);

/** Abbreviations that are only abbreviations before a number: "No. 5", "p. 12", "Vol. 3". */
const BEFORE_NUMBER = new Set(['no', 'nos', 'nr', 'p', 'pp', 'vol', 'vols', 'fig', 'figs', 'art', 'sec', 'ch', 'para', 'ed', 'eds', 'n', 'nn', 's', 'ss', 'r']);

const TERMINATORS = new Set(['.', '!', '?', '…', '。', '！', '？']);
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '›', ')', ']', '}', '」', '』']);
/** Opening quotes and brackets a next sentence may start with. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '(', '[', '{', '„', '‚', '¿', '¡', '—', '–', '-']);

/** The word just before a full stop at UTF-16 index `dot`: letters and inner dots. */
function wordBeforeDot(text: string, from: number, dot: number): string {
  let i = dot;
  while (i > from) {
    const char = charBefore(text, i);
    if (char === '.' || isWordChar(char)) i -= char.length;
    else break;
  }
  return text.slice(i, dot);
}

/**
 * Whether a run of terminators ending at `after` (UTF-16, just past the run and any closing
 * quotes) ends a sentence, given the next visible character.
 */
function endsSentence(text: string, from: number, runStart: number, next: string): boolean {
  if (next === '') return true;
  // A lower-case continuation never starts a new sentence: "approx. five", "etc. and".
  if (LOWERCASE_START.test(next)) return false;
  if (text[runStart] !== '.' || runStart + 1 < text.length && TERMINATORS.has(text[runStart + 1]!)) return true;
  const word = wordBeforeDot(text, from, runStart);
  if (word === '') return true;
  const lower = word.toLowerCase();
  // A single letter is an initial ("D. Trump", "J. R. R. Tolkien").
  if ([...word].length === 1 && /\p{L}/u.test(word)) return false;
  if (ABBREVIATIONS.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && /\p{N}/u.test(next)) return false;
  // A dotted abbreviation: "U.S.", "i.e.", "т.е.".
  if (/^\p{L}{1,3}(\.\p{L}{1,3})+$/u.test(word)) return false;
  return true;
}

/**
 * The sentences of text[from, to) (UTF-16 indexes), as [start, end) pairs without the space
 * between them. A sentence ends at . ! ? … (with any closing quotes or brackets, and a footnote
 * number straight after) followed by a space and then a character that is not a lower-case
 * letter; not after an initial ("D. Trump"), a known abbreviation ("Dr.", "i.e.", "Sept. 12",
 * "np.", "т.е.") or a number's decimal point. A blank line always ends a sentence.
 */
export function sentenceRanges(text: string, from: number, to: number): Array<[number, number]> {
  const sentences: Array<[number, number]> = [];
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (e > s) sentences.push([s, e]);
    start = end;
  };
  let i = from;
  while (i < to) {
    const char = text[i]!;
    if (char === '\n' && i + 1 < to && text[i + 1] === '\n') {
      push(i);
      while (i < to && SPACE.test(text[i]!)) i++;
      start = i;
      continue;
    }
    if (!TERMINATORS.has(char)) {
      i++;
      continue;
    }
    // A decimal point or a dot inside a token ("3.5", "U.S.A", "www.example.org").
    if (char === '.' && i + 1 < to && !SPACE.test(text[i + 1]!) && !CLOSERS.has(text[i + 1]!) && !TERMINATORS.has(text[i + 1]!) && !/\p{N}/u.test(text[i + 1]!)) {
      i++;
      continue;
    }
    const runStart = i;
    let j = i;
    while (j < to && TERMINATORS.has(text[j]!)) j++;
    while (j < to && CLOSERS.has(text[j]!)) j++;
    // A footnote number straight after the stop ("war.12 The"), but not a decimal ("3.5").
    if (j < to && /\p{N}/u.test(text[j]!)) {
      const previous = charBefore(text, runStart);
      if (previous === '' || /\p{N}/u.test(previous)) {
        i = j;
        continue;
      }
      let k = j;
      while (k < to && /\p{N}/u.test(text[k]!)) k++;
      if (k < to && !SPACE.test(text[k]!)) {
        i = k;
        continue;
      }
      j = k;
    }
    if (j < to && !SPACE.test(text[j]!)) {
      i = j;
      continue;
    }
    let k = j;
    while (k < to && SPACE.test(text[k]!)) k++;
    while (k < to && OPENERS.has(text[k]!)) k++;
    const next = k < to ? charAt(text, k) : '';
    if (endsSentence(text, from, runStart, next)) push(j);
    i = j;
  }
  push(to);
  return sentences;
}

// -------------------------------------------------------------------------------------------
// Blocks

/** Index of the first block whose end is after `offset` (code points), or blocks.length. */
function firstBlockEndingAfter(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The blocks [first, last] that [start, end) touches (shares at least one code point with), or null. */
export function blocksTouched(blocks: readonly Block[], start: number, end: number): [number, number] | null {
  const first = firstBlockEndingAfter(blocks, start);
  if (first >= blocks.length || blocks[first]!.start >= end) return null;
  let last = first;
  while (last + 1 < blocks.length && blocks[last + 1]!.start < end) last++;
  return [first, last];
}

/** The run of text between blank lines around [from, to) (UTF-16), trimmed. */
function runBetweenBlankLines(text: string, from: number, to: number): [number, number] {
  const before = text.lastIndexOf('\n\n', from);
  const after = text.indexOf('\n\n', to);
  let start = before < 0 ? 0 : before + 2;
  let end = after < 0 ? text.length : after;
  while (start < from && SPACE.test(text[start]!)) start++;
  while (end > to && SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The region a passage's sentences and paragraph are looked for in, in UTF-16 indexes. */
function regionOf(index: CodePointIndex, blocks: readonly Block[], start: number, end: number): [number, number] {
  const touched = blocksTouched(blocks, start, end);
  if (touched) {
    const first = blocks[touched[0]]!;
    const last = blocks[touched[1]]!;
    return [index.toUtf16(Math.min(first.start, start)), index.toUtf16(Math.max(last.end, end))];
  }
  return runBetweenBlankLines(index.text, index.toUtf16(start), index.toUtf16(end));
}

/**
 * Widen [start, end) (code points) to the given unit. The result always contains the passage.
 */
export function widenToUnit(index: CodePointIndex, blocks: readonly Block[], start: number, end: number, unit: TextUnit): Span {
  const from = index.toUtf16(start);
  const to = index.toUtf16(end);
  let range: [number, number];
  if (unit === 'word') {
    range = widenToWord(index.text, from, to);
  } else {
    const region = regionOf(index, blocks, start, end);
    if (unit === 'paragraph') {
      range = region;
    } else {
      const sentences = sentenceRanges(index.text, region[0], region[1]);
      let s = from;
      let e = to;
      for (const [sentenceStart, sentenceEnd] of sentences) {
        // The sentences the passage touches, or the one it sits just after (in trailing space).
        if (sentenceStart < to && sentenceEnd > from) {
          s = Math.min(s, sentenceStart);
          e = Math.max(e, sentenceEnd);
        }
      }
      range = [s, e];
    }
  }
  return { start: index.toCodePoint(range[0]), end: index.toCodePoint(range[1]) };
}
