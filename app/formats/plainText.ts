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
  const ranges = paragraphs.map((paragraph) => trimRange(text, paragraph.start, paragraph.end));
  const contents = ranges.map(([start, end]) => text.slice(start, end));
  return paragraphs.map((paragraph, i): Block => {
    const [start, end] = ranges[i]!;
    const heading = paragraph.lines === 1 && isLikelyHeading(contents[i]!, i === paragraphs.length - 1) && !isBylineInContext(contents, i);
    return heading
      ? { kind: 'heading', level: 2, start: index.toCodePoint(start), end: index.toCodePoint(end) }
      : { kind: 'paragraph', start: index.toCodePoint(start), end: index.toCodePoint(end) };
  });
}

/** An ORCID line ("ORCID: 0000-0002-0522-4658") or a bare ORCID iD. */
const ORCID = /\bORCID\b|\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/i;
/** An institution's name, as affiliations under a byline give it. Case-sensitive: a heading about "universities" stays. */
const AFFILIATION = /\b(?:Universit(?:y|ät|é|à|at|e|atea|eit|y College)|Universidad|Universidade|Institute|Institut|College|Faculty|Department|Academy|Akademia|Uniwersytet|Politechnika|School of|Centre for|Center for)\b/u;
/** One word of a person's name: "Nazrin", "Gadimova-Akbulut", "O’Brien", "ALIYEV", an initial "N.". */
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}\p{M}]*(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}[\p{Lu}\p{M}]+(?:[-'’]\p{Lu}[\p{Lu}\p{M}]+)*|\p{Lu}\.)$/u;
/** Particles inside names: "de Waal", "van der Leeuw", "bin Salman". */
const NAME_PARTICLE = /^(?:de|da|di|del|der|van|von|la|le|bin|ibn|al|el)$/u;

/** Two to four words that could be a person's name, none of them an ordinary lowercase word. */
function isNameLike(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  return words.every((word) => NAME_WORD.test(word) || NAME_PARTICLE.test(word)) && NAME_WORD.test(words[0]!);
}

/** "By Nazrin Gadimova-Akbulut": a byline introduced as such. */
function isIntroducedByline(line: string): boolean {
  const match = /^By\s+(.+)$/u.exec(line);
  return match !== null && isNameLike(match[1]!.replace(/,?\s+and\s+/u, ' '));
}

/** "Gadimova-Akbulut, Nazrin": a name written surname first, as citations and title pages give it. */
function isSurnameFirst(line: string): boolean {
  const match = /^([^,\s]+),\s+([^,]+)$/u.exec(line);
  return match !== null && NAME_WORD.test(match[1]!) && match[2]!.split(/\s+/).length <= 3 && match[2]!.split(/\s+/).every((word) => NAME_WORD.test(word));
}

/** A line that only front matter or an author note holds: a byline, an affiliation, an ORCID, an address. */
function isFrontMatter(line: string): boolean {
  return ORCID.test(line) || AFFILIATION.test(line) || isIntroducedByline(line) || isSurnameFirst(line) || line.includes('@');
}

/**
 * A name-like line ("NURLAN ALIYEV", "Yeghia Tashjian") is a byline, not a heading, when its
 * neighbours say so: an affiliation, ORCID or address within two paragraphs, the same line
 * repeated beside it, or an author note that starts with it ("Yeghia Tashjian is a regional
 * analyst…"). A title-case heading ("Literature Review") has no such neighbours and stays.
 */
function isBylineInContext(paragraphs: readonly string[], i: number): boolean {
  const line = paragraphs[i]!;
  if (!isNameLike(line)) return false;
  for (let j = Math.max(0, i - 2); j <= Math.min(paragraphs.length - 1, i + 2); j++) {
    if (j === i) continue;
    const other = paragraphs[j]!;
    if (other === line || isFrontMatter(other)) return true;
  }
  const next = paragraphs[i + 1];
  return next !== undefined && next.startsWith(`${line} `);
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
 * - it is not the last paragraph (a closing line is a signature or note, not a heading);
 * - it is not front matter: an ORCID, an affiliation ("University of …", "Institute …"), a
 *   byline ("By Nazrin Gadimova-Akbulut", "Gadimova-Akbulut, Nazrin").
 * plainTextBlocks also demotes a bare name ("NURLAN ALIYEV") when its neighbours show it is a
 * byline (isBylineInContext).
 * Headings found this way get level 2: plain text says nothing about nesting.
 */
export function isLikelyHeading(line: string, isLastParagraph: boolean): boolean {
  return !isLastParagraph
    && !isFrontMatter(line)
    && codePointLength(line) <= 120
    && /\p{L}/u.test(line)
    && !ENDS_LIKE_SENTENCE.test(line)
    && !FOOTNOTE_ENDING.test(line)
    && !STARTS_LIKE_BODY.test(line)
    && !line.includes('@')
    && !URL.test(line);
}
