/**
 * Turns the positioned text pieces of PDF pages into paragraphs. A PDF has no paragraphs, only
 * glyph runs at coordinates: lines are rebuilt from end-of-line marks and baseline changes, and
 * a paragraph ends where the gap to the next line is clearly wider than the document's usual
 * line spacing, or at the end of a page.
 */

/** One run of text as pdf.js reports it; y grows upwards, as in PDF user space. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size in user space units. */
  height: number;
  hasEOL: boolean;
}

export interface PdfParagraph {
  text: string;
  /** Largest font size in the paragraph: kept so headings can be told apart later. */
  fontSize: number;
}

interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** A gap this many times the usual line spacing (relative to font size) ends a paragraph. */
const PARAGRAPH_GAP_FACTOR = 1.3;
/** Runs whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE_TOLERANCE = 0.5;
/** A horizontal gap wider than this share of the font size between two runs is a space. */
const WORD_GAP = 0.15;
const DEFAULT_SIZE = 12;

export function paragraphsOfPages(pages: readonly (readonly PdfTextItem[])[]): PdfParagraph[] {
  const linesByPage = pages.map(pageLines);
  const usual = usualSpacing(linesByPage);
  const paragraphs: PdfParagraph[] = [];
  for (const lines of linesByPage) {
    let current: PdfLine[] = [];
    for (const [i, line] of lines.entries()) {
      const previous = lines[i - 1];
      if (previous && endsParagraph(previous, line, usual)) {
        paragraphs.push(joinLines(current));
        current = [];
      }
      current.push(line);
    }
    if (current.length > 0) paragraphs.push(joinLines(current));
  }
  return paragraphs;
}

/** Lines of one page in reading order, as pdf.js gives the runs; blank lines dropped. */
export function pageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: { parts: string[]; y: number; size: number; right: number } | undefined;
  let lineEnded = true;
  for (const item of items) {
    const size = item.height > 0 ? item.height : DEFAULT_SIZE;
    if (item.str !== '') {
      const sameLine = line && !lineEnded
        && Math.abs(item.y - line.y) <= SAME_LINE_TOLERANCE * Math.max(size, line.size);
      if (line && sameLine) {
        const previous = line.parts.at(-1) ?? '';
        const gap = item.x - line.right;
        // A run that starts well to the right, or back at the left (a number set before its
        // label), is a separate word.
        const separate = gap > WORD_GAP * size || gap < -size;
        if (separate && !/\s$/.test(previous) && !/^\s/.test(item.str)) line.parts.push(' ');
        line.parts.push(item.str);
        line.size = Math.max(line.size, size);
      } else {
        if (line) lines.push(finishLine(line));
        line = { parts: [item.str], y: item.y, size, right: item.x };
      }
      line.right = item.x + item.width;
    }
    lineEnded = item.hasEOL;
  }
  if (line) lines.push(finishLine(line));
  return lines.filter((l) => l.text !== '');
}

function finishLine(line: { parts: string[]; y: number; size: number }): PdfLine {
  return { text: line.parts.join('').replace(/\s+/g, ' ').trim(), y: line.y, size: line.size };
}

/** Vertical gap between two lines as a multiple of the lower line's font size. */
function spacing(above: PdfLine, below: PdfLine): number {
  return (above.y - below.y) / below.size;
}

/**
 * The median line spacing of the document: most neighbouring lines share a paragraph. Of two
 * middle values the lower one, since the wider gaps are the paragraph breaks being looked for.
 */
function usualSpacing(linesByPage: readonly PdfLine[][]): number {
  const spacings: number[] = [];
  for (const lines of linesByPage) {
    for (let i = 1; i < lines.length; i++) {
      const s = spacing(lines[i - 1]!, lines[i]!);
      if (s > SAME_LINE_TOLERANCE) spacings.push(s);
    }
  }
  if (spacings.length === 0) return Infinity;
  spacings.sort((a, b) => a - b);
  return spacings[Math.floor((spacings.length - 1) / 2)]!;
}

function endsParagraph(above: PdfLine, below: PdfLine, usual: number): boolean {
  const s = spacing(above, below);
  // A line above the previous one is a new column or a text box placed out of order.
  return s <= 0 || s > usual * PARAGRAPH_GAP_FACTOR;
}

/**
 * Joins a paragraph's lines with spaces. A hyphen that ends a line before a lowercase letter
 * split a word ("conflict-" + "ing"), so it goes; before anything else it is a real hyphen
 * ("Nagorno-" + "Karabakh", "1991-" + "1994") and stays, without a space.
 */
function joinLines(lines: readonly PdfLine[]): PdfParagraph {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line.text;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else if (/[\p{L}\p{N}]-$/u.test(text)) text += line.text;
    else text += ' ' + line.text;
  }
  return { text, fontSize: lines.reduce((max, l) => Math.max(max, l.size), 0) };
}
