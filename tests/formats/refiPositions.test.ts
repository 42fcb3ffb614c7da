import { describe, expect, it } from 'vitest';
import { decidePositions, nameMatchesText, SourceText, toolInterpretation, type Interpretation } from '../../app/formats/refi/positions.js';

const CODE_POINTS: Interpretation = { unit: 'codepoint', lineEnds: 'crlf-as-one' };
const NVIVO: Interpretation = { unit: 'utf16', lineEnds: 'crlf-as-two' };

// A BOM, CRLF, a flag (two astral code points), an astronaut with ZWJ, math letters.
const RAW = '\uFEFFIn Yerevan 🇦🇲 and\r\nBaku 👩🏽‍🚀 the 𝐛𝐨𝐥𝐝 claim.\r\nEnd';
const CANONICAL = RAW.slice(1).replace(/\r\n/g, '\n');

/** Positions of `quote` in the raw text (BOM removed) under an interpretation, computed by hand. */
function positionsOf(quote: string, interpretation: Interpretation): { start: number; end: number } {
  const raw = RAW.slice(1);
  const rawQuote = quote.replace(/\n/g, '\r\n');
  const at = raw.indexOf(rawQuote);
  const count = (text: string): number => {
    const lines = interpretation.lineEnds === 'crlf-as-one' ? text.replace(/\r\n/g, '\n') : text;
    return interpretation.unit === 'utf16' ? lines.length : [...lines].length;
  };
  return { start: count(raw.slice(0, at)), end: count(raw.slice(0, at + rawQuote.length)) };
}

describe('REFI-QDA positions', () => {
  it('maps every interpretation to canonical code points', () => {
    const text = new SourceText(RAW);
    expect(text.canonical).toBe(CANONICAL);
    expect(text.length).toBe([...CANONICAL].length);
    for (const quote of ['🇦🇲 and\nBaku', '𝐛𝐨𝐥𝐝 claim.\nEnd', 'In', 'End', '👩🏽‍🚀']) {
      const startCodePoint = [...CANONICAL.slice(0, CANONICAL.indexOf(quote))].length;
      for (const interpretation of [CODE_POINTS, NVIVO, { unit: 'codepoint', lineEnds: 'crlf-as-two' } as const, { unit: 'utf16', lineEnds: 'crlf-as-one' } as const]) {
        const { start, end } = positionsOf(quote, interpretation);
        expect(text.toCanonical(interpretation, start, 'start'), `${quote} ${JSON.stringify(interpretation)}`).toBe(startCodePoint);
        const canonicalEnd = text.toCanonical(interpretation, end, 'end')!;
        expect(text.slice(startCodePoint, canonicalEnd)).toBe(quote);
      }
    }
    expect(text.unitLength(NVIVO)).toBe(RAW.length - 1);
    expect(text.toCanonical(NVIVO, RAW.length, 'end')).toBeUndefined();
    expect(text.toCanonical(CODE_POINTS, -1, 'start')).toBeUndefined();
  });

  it('never splits a character: a position inside a surrogate pair or a CRLF widens to the whole of it', () => {
    const text = new SourceText('a🇦🇲b\r\nc');
    // UTF-16: a=0, 🇦=1-2, 🇲=3-4, b=5, CR=6, LF=7, c=8.
    expect(text.toCanonical(NVIVO, 2, 'start')).toBe(1);
    expect(text.toCanonical(NVIVO, 2, 'end')).toBe(2);
    expect(text.toCanonical(NVIVO, 7, 'end')).toBe(5);
    expect(text.toCanonical(NVIVO, 7, 'start')).toBe(4);
  });

  it('chooses the reading under which selection names match their text, and the tool\'s rule otherwise', () => {
    const text = new SourceText(RAW);
    const quote = '𝐛𝐨𝐥𝐝 claim.\nEnd';
    const named = [{ ...positionsOf(quote, NVIVO), name: quote }];
    // A file that says nothing of NVivo, but whose names only match under NVivo's rule.
    expect(decidePositions(text, named, 'Some tool 1.0').interpretation).toEqual(NVIVO);
    expect(decidePositions(text, [{ ...positionsOf(quote, CODE_POINTS), name: quote }], 'NVivo for Windows 12.6').interpretation).toEqual(CODE_POINTS);
    // Names that are not text ("line:6") decide nothing: the tool's rule holds.
    const unnamed = [{ ...positionsOf('Baku', NVIVO), name: 'line:6' }];
    expect(decidePositions(text, unnamed, 'NVivo for Windows 12.6').interpretation).toEqual(NVIVO);
    expect(toolInterpretation('MAXQDA 24')).toEqual(CODE_POINTS);
    // Past the end under every reading: no interpretation.
    expect(decidePositions(text, [{ start: 0, end: 500 }], undefined).interpretation).toBeUndefined();
    // Only one reading keeps the selections inside the text.
    const end = new SourceText(RAW).unitLength(NVIVO);
    expect(decidePositions(text, [{ start: end - 3, end }], 'ATLAS.ti').interpretation).toMatchObject({ unit: 'utf16' });
  });

  it('compares names with whitespace normalized and truncated names as prefixes', () => {
    expect(nameMatchesText('pivotal  containment', 'pivotal\ncontainment')).toBe(true);
    expect(nameMatchesText('For some reason babies aren\'t…', 'For some reason babies aren\'t supposed to')).toBe(true);
    expect(nameMatchesText('Quotation 6:1', 'cornflakes')).toBe(false);
    expect(nameMatchesText('', '')).toBe(false);
  });
});
