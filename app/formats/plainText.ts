import type { Block } from '../domain/blocks.js';
import { CodePointIndex, codePointLength } from '../domain/codepoints.js';
import type { ParsedDocument } from './parsedDocument.js';
import { decodeText } from './decodeText.js';
import { trimRange } from './textRanges.js';

const BLANK_LINE = /^\s*$/;

/** A .txt file: paragraphs are runs of non-blank lines; some one-line paragraphs are headings. */
export function parsePlainText(fileName: string, bytes: Uint8Array): ParsedDocument {
  const { text, encoding } = decodeText(fileName, bytes);
  return { format: 'txt', text, blocks: plainTextBlocks(text), encoding };
}

/**
 * Splits canonical text into paragraphs: runs of non-blank lines separated by blank lines
 * (lines of only whitespace count as blank). Each range is the paragraph with its leading and
 * trailing whitespace trimmed; single newlines inside a paragraph stay in it.
 */
export function plainTextBlocks(text: string): Block[] {
  const paragraphs: Array<{ start: number; end: number; lines: number }> = [];
  let current: { start: number; end: number; lines: number } | undefined;
  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (BLANK_LINE.test(text.slice(lineStart, lineEnd))) {
      current = undefined;
    } else if (current) {
      current.end = lineEnd;
      current.lines++;
    } else {
      current = { start: lineStart, end: lineEnd, lines: 1 };
      paragraphs.push(current);
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }

  const index = new CodePointIndex(text);
  return paragraphs.map((paragraph, i): Block => {
    const [start, end] = trimRange(text, paragraph.start, paragraph.end);
    const content = text.slice(start, end);
    const heading = paragraph.lines === 1 && isLikelyHeading(content, i === paragraphs.length - 1);
    return heading
      ? { kind: 'heading', level: 2, start: index.toCodePoint(start), end: index.toCodePoint(end) }
      : { kind: 'paragraph', start: index.toCodePoint(start), end: index.toCodePoint(end) };
  });
}

/** A footnote marker closing a line: "…term”²¹", "…war[3]", "…<sup>4</sup>", "…^5". */
const FOOTNOTE_ENDING = /(?:\p{No}+|\[\d+\]|<\/sup>|\^\d+)$/u;
const ENDS_LIKE_SENTENCE = /[.,;:]$/;
const STARTS_LIKE_BODY = /^(?:\p{N}|[<*([\-•])/u;
const URL = /https?:\/\/|www\./i;

/**
 * Whether a one-line paragraph of a plain-text file reads as a heading. Plain text has no
 * markup, so this is a guess tuned on papers converted from PDF or Word, where headings are
 * short lines standing alone. A paragraph of exactly one line (the caller checks that) is a
 * heading when all of these hold:
 * - it is at most 120 characters long and contains a letter;
 * - it does not end like a sentence or list entry (`.` `,` `;` `:`), nor with a footnote
 *   marker such as "¹", "[3]" or "</sup>" (a line ending in one is a fragment of body text);
 * - it does not start with a digit (footnotes, numbered references), `<`, `*`, `(`, `[`, `-`
 *   or `•` (links, emphasis, asides, bullets);
 * - it holds no `@` and no URL (addresses and links, as in bylines and references);
 * - it is not the last paragraph (a closing line is a signature or note, not a heading).
 * Headings found this way get level 2: plain text says nothing about nesting.
 */
export function isLikelyHeading(line: string, isLastParagraph: boolean): boolean {
  return !isLastParagraph
    && codePointLength(line) <= 120
    && /\p{L}/u.test(line)
    && !ENDS_LIKE_SENTENCE.test(line)
    && !FOOTNOTE_ENDING.test(line)
    && !STARTS_LIKE_BODY.test(line)
    && !line.includes('@')
    && !URL.test(line);
}
