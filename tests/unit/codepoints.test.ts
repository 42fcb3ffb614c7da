import { describe, expect, it } from 'vitest';
import { anchorByOffsets, anchorByQuote } from '../../app/domain/anchor.js';
import { canonicalText } from '../../app/domain/canonical.js';
import { CodePointIndex, codePointLength } from '../../app/domain/codepoints.js';
import { GlossError } from '../../app/domain/errors.js';

// Astral characters take two UTF-16 units: an astronaut with skin tone joined by ZWJ, a flag
// (two regional indicators), and mathematical bold letters.
const ASTRONAUT = '👩🏽‍🚀';
const FLAG = '🇦🇲';
const MATH = '𝐀𝐁𝐂';
const TEXT = `${ASTRONAUT} Yerevan ${FLAG} and ${MATH}: pivotal containment 😀.`;

describe('CodePointIndex', () => {
  const index = new CodePointIndex(TEXT);
  const codePoints = [...TEXT];

  it('counts code points, not UTF-16 units', () => {
    expect(index.length).toBe(codePoints.length);
    expect(codePointLength(TEXT)).toBe(codePoints.length);
    expect(TEXT.length).toBeGreaterThan(codePoints.length);
  });

  it('converts every offset both ways, agreeing with Array.from', () => {
    let utf16 = 0;
    for (let cp = 0; cp <= codePoints.length; cp++) {
      expect(index.toUtf16(cp)).toBe(utf16);
      expect(index.toCodePoint(utf16)).toBe(cp);
      utf16 += codePoints[cp]?.length ?? 0;
    }
  });

  it('rounds an index inside a surrogate pair down to its character', () => {
    // The first UTF-16 unit of TEXT is a high surrogate; index 1 is inside the pair.
    expect(index.toCodePoint(1)).toBe(0);
  });

  it('slices by code points', () => {
    for (let start = 0; start < codePoints.length; start += 3) {
      for (let end = start; end <= codePoints.length; end += 5) {
        expect(index.slice(start, end)).toBe(codePoints.slice(start, end).join(''));
      }
    }
  });

  it('is the identity on text without astral characters', () => {
    const plain = new CodePointIndex('Karabakh — Карабах, Górski');
    expect(plain.toUtf16(7)).toBe(7);
    expect(plain.toCodePoint(12)).toBe(12);
  });
});

describe('anchors', () => {
  const index = new CodePointIndex(TEXT);

  it('finds a quote after astral characters at code-point offsets', () => {
    const anchor = anchorByQuote(index, 'pivotal containment');
    expect(anchor.quote).toBe('pivotal containment');
    expect(codePoints(TEXT).slice(anchor.start, anchor.end).join('')).toBe('pivotal containment');
    expect(anchor.start).toBe([...TEXT.slice(0, TEXT.indexOf('pivotal'))].length);
    expect(anchor.start).toBeLessThan(TEXT.indexOf('pivotal'));
  });

  it('finds the Nth occurrence and says how many there are', () => {
    const repeated = new CodePointIndex('a😀b a😀b a😀b');
    expect(anchorByQuote(repeated, 'a😀b', 3)).toEqual({ start: 8, end: 11, quote: 'a😀b' });
    expect(() => anchorByQuote(repeated, 'a😀b', 4)).toThrow(/occurs 3 times/);
  });

  it('refuses quotes that are not there, and bad ranges, with GlossErrors', () => {
    expect(() => anchorByQuote(index, 'salami tactics')).toThrow(GlossError);
    expect(() => anchorByOffsets(index, 5, 2)).toThrow(/after the end/);
    expect(() => anchorByOffsets(index, 2, 2)).toThrow(/empty/);
    expect(() => anchorByOffsets(index, 0, index.length + 1)).toThrow(/past the end/);
    expect(anchorByOffsets(index, 0, [...ASTRONAUT].length).quote).toBe(ASTRONAUT);
    expect([...ASTRONAUT].length).toBe(4);
  });
});

describe('canonicalText', () => {
  it('drops a BOM and turns CRLF and CR into LF, and nothing else', () => {
    expect(canonicalText('\uFEFFa\r\nb\rc\n\u00A0d\t')).toBe('a\nb\nc\n\u00A0d\t');
    expect(canonicalText('x\uFEFF')).toBe('x\uFEFF');
  });
});

function codePoints(text: string): string[] {
  return [...text];
}
