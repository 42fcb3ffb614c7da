import { describe, expect, it } from 'vitest';
import { pageLines, paragraphsOfPages, type PdfTextItem } from '../../app/formats/pdfLayout.js';

/** A run of text at (x, y) in a 10-unit font, 5 units wide per character. */
function run(str: string, x: number, y: number, options: { size?: number; hasEOL?: boolean } = {}): PdfTextItem {
  const size = options.size ?? 10;
  return { str, x, y, width: str.length * size * 0.5, height: size, hasEOL: options.hasEOL ?? false };
}

/** Lines of one paragraph each, set at 12-unit line spacing from y = 700 down. */
function lines(texts: string[], top = 700, spacing = 12): PdfTextItem[] {
  return texts.map((text, i) => run(text, 72, top - i * spacing, { hasEOL: true }));
}

describe('pageLines', () => {
  it('keeps a raised footnote number on its line and adds spaces only at real gaps', () => {
    const items = [
      run('the conflict', 72, 700),
      run('12', 132, 704, { size: 6 }),
      run('was', 141, 700), // 3 units after the footnote number: a word gap
      run('n\'t', 156, 700), // flush against the previous run: same word
    ];
    expect(pageLines(items).map((l) => l.text)).toEqual(['the conflict12 wasn\'t']);
  });

  it('separates a run set back at the left of its line, like a number printed before its label', () => {
    expect(pageLines([run('Case', 100, 700), run('3.1', 40, 700)]).map((l) => l.text)).toEqual(['Case 3.1']);
  });

  it('starts a new line at an end-of-line mark or a change of baseline, and drops blank lines', () => {
    const items = [
      run('first', 72, 700, { hasEOL: true }),
      run('second', 72, 700), // same baseline, but after an end-of-line mark
      run('', 0, 0, { hasEOL: true }),
      run('   ', 72, 688, { hasEOL: true }),
      run('third', 72, 676),
    ];
    expect(pageLines(items).map((l) => l.text)).toEqual(['first', 'second', 'third']);
  });
});

describe('paragraphsOfPages', () => {
  it('splits where the gap is clearly wider than the usual line spacing', () => {
    const page = [
      ...lines(['one a', 'one b', 'one c']),
      ...lines(['two a', 'two b'], 700 - 3 * 12 - 8), // 20 units below the last line: a paragraph gap
    ];
    expect(paragraphsOfPages([page]).map((p) => p.text)).toEqual(['one a one b one c', 'two a two b']);
  });

  it('judges spacing relative to font size, so smaller footnote lines stay together', () => {
    const body = lines(['body a', 'body b', 'body c']);
    const notes = [
      run('1 A footnote that', 72, 600, { size: 8, hasEOL: true }),
      run('goes on.', 72, 590.4, { size: 8, hasEOL: true }),
    ];
    expect(paragraphsOfPages([[...body, ...notes]]).map((p) => p.text)).toEqual(['body a body b body c', '1 A footnote that goes on.']);
  });

  it('starts a new paragraph when the text jumps up the page (a new column)', () => {
    const page = [...lines(['left a', 'left b']), ...lines(['right a', 'right b'])];
    expect(paragraphsOfPages([page]).map((p) => p.text)).toEqual(['left a left b', 'right a right b']);
  });

  it('keeps the largest font size of a paragraph, for heading detection later', () => {
    const page = [run('Big title', 72, 700, { size: 18, hasEOL: true }), ...lines(['body a', 'body b'], 660)];
    expect(paragraphsOfPages([page])).toEqual([
      { text: 'Big title', fontSize: 18 },
      { text: 'body a body b', fontSize: 10 },
    ]);
  });

  it('returns nothing for pages without text', () => {
    expect(paragraphsOfPages([[], [run('', 0, 0, { hasEOL: true })]])).toEqual([]);
  });
});
