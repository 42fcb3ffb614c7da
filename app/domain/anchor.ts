import type { CodePointIndex } from './codepoints.js';
import { GlossError } from './errors.js';

/** A half-open range [start, end) of code points with the exact text it covers. */
export interface Anchor {
  start: number;
  end: number;
  quote: string;
}

/** Check a range against a text and cut its quote. */
export function anchorByOffsets(index: CodePointIndex, start: number, end: number): Anchor {
  if (start > end) throw new GlossError('invalid_input', `The start (${start}) is after the end (${end}). Offsets are half-open: start < end.`);
  if (start === end) throw new GlossError('invalid_input', `The range [${start}, ${end}) is empty. A coding covers at least one character: make end greater than start.`);
  if (end > index.length) {
    throw new GlossError('invalid_input', `The range [${start}, ${end}) runs past the end of the text, which has ${index.length} characters (code points). Use an end of at most ${index.length}.`);
  }
  return { start, end, quote: index.slice(start, end) };
}

/** The `occurrence`-th (1-based) place where `quote` stands in the text. */
export function anchorByQuote(index: CodePointIndex, quote: string, occurrence = 1): Anchor {
  const wanted = quote.replace(/\r\n?/g, '\n');
  let from = 0;
  let found = -1;
  let count = 0;
  for (;;) {
    const at = index.text.indexOf(wanted, from);
    if (at < 0) break;
    count++;
    if (count === occurrence) {
      found = at;
      break;
    }
    from = at + 1;
  }
  if (found < 0) {
    const shown = wanted.length > 60 ? `${wanted.slice(0, 57)}…` : wanted;
    if (count === 0) {
      throw new GlossError('not_found', `The text "${shown}" is not in the document. Copy the passage exactly (quotes, dashes and spaces count), or give --start and --end.`);
    }
    throw new GlossError('not_found', `The text "${shown}" occurs ${count} time${count === 1 ? '' : 's'} in the document, so there is no occurrence ${occurrence}.`);
  }
  const start = index.toCodePoint(found);
  const end = index.toCodePoint(found + wanted.length);
  return { start, end, quote: wanted };
}
