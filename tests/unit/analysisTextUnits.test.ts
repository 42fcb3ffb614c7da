import { describe, expect, it } from 'vitest';
import type { Block } from '../../app/domain/blocks.js';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { keywordInContext } from '../../app/domain/kwic.js';
import { blocksTouched, sentenceRanges, widenToUnit, type TextUnit } from '../../app/domain/textUnits.js';

/** The sentences of a one-paragraph text, as strings. */
function sentences(text: string): string[] {
  return sentenceRanges(text, 0, text.length).map(([start, end]) => text.slice(start, end));
}

/** Widen the first occurrence of `word` (a plain-BMP text) and return the widened text. */
function widen(text: string, word: string, unit: TextUnit, blocks: Block[] = [{ kind: 'paragraph', start: 0, end: [...text].length }]): string {
  const index = new CodePointIndex(text);
  const at = index.toCodePoint(text.indexOf(word));
  const span = widenToUnit(index, blocks, at, at + [...word].length, unit);
  return index.slice(span.start, span.end);
}

describe('sentence splitting', () => {
  it('splits at . ! ? … followed by a space and a capital, keeping closing quotes and brackets', () => {
    expect(sentences('Russia waited. Turkey acted! Did Iran? “Yes,” he said. (It did.) Then… Silence.')).toEqual([
      'Russia waited.',
      'Turkey acted!',
      'Did Iran?',
      '“Yes,” he said.',
      '(It did.)',
      'Then…',
      'Silence.',
    ]);
  });

  it('does not split after initials, titles, Latin abbreviations or months before a number', () => {
    expect(sentences('D. Trump met Dr. Smith on Sept. 12 in Washington. They spoke, i.e. they argued. Mr. Putin did not come.')).toEqual([
      'D. Trump met Dr. Smith on Sept. 12 in Washington.',
      'They spoke, i.e. they argued.',
      'Mr. Putin did not come.',
    ]);
    expect(sentences('J. R. R. Tolkien wrote it. The U.S. Department agreed. See e.g. Table 2.')).toEqual([
      'J. R. R. Tolkien wrote it.',
      'The U.S. Department agreed.',
      'See e.g. Table 2.',
    ]);
    expect(sentences('See No. 5 and p. 12 for details. No. That is wrong.')).toEqual(['See No. 5 and p. 12 for details.', 'No.', 'That is wrong.']);
  });

  it('keeps decimals, numbered versions and web addresses whole, and splits after a footnote number', () => {
    expect(sentences('Turnout was 3.5 percent in v2.1 of www.example.org today. Next came 2021.')).toEqual([
      'Turnout was 3.5 percent in v2.1 of www.example.org today.',
      'Next came 2021.',
    ]);
    expect(sentences('The war ended in 2020.12 The talks began.')).toEqual(['The war ended in 2020.12 The talks began.']);
    expect(sentences('The war ended in autumn.12 The talks began.')).toEqual(['The war ended in autumn.12', 'The talks began.']);
  });

  it('does not split before a lower-case word, and handles Polish and Russian abbreviations', () => {
    expect(sentences('Costs rose approx. five times. Then etc. and more.')).toEqual(['Costs rose approx. five times.', 'Then etc. and more.']);
    expect(sentences('Rosja, np. Gazprom, działa. Tj. Kreml decyduje. Dalej.')).toEqual(['Rosja, np. Gazprom, działa.', 'Tj. Kreml decyduje.', 'Dalej.']);
    expect(sentences('Это было в 2020 г. Потом т.е. позже. Россия ответила.')).toEqual(['Это было в 2020 г. Потом т.е. позже.', 'Россия ответила.']);
  });

  it('splits at a blank line, and hard-wrapped lines stay one sentence', () => {
    expect(sentences('One line\nwrapped here.\n\nNext paragraph')).toEqual(['One line\nwrapped here.', 'Next paragraph']);
  });
});

describe('widening a hit', () => {
  it('to its word, over inner apostrophes and hyphens', () => {
    expect(widen("Russia's stance", 'Russia', 'word')).toBe("Russia's");
    expect(widen('in Nagorno-Karabakh today', 'Karabakh', 'word')).toBe('Nagorno-Karabakh');
    expect(widen('the containment policy', 'contain', 'word')).toBe('containment');
    expect(widen('a - b', 'a', 'word')).toBe('a');
    expect(widen('Górski Karabach', 'rsk', 'word')).toBe('Górski');
  });

  it('to its sentence and its paragraph (block)', () => {
    const paragraph = 'First sentence here. Mr. Putin met D. Trump in Sept. 12 talks. Last one.';
    const text = `Title\n\n${paragraph}\n\nOther paragraph.`;
    const blocks: Block[] = [
      { kind: 'heading', level: 1, start: 0, end: 5 },
      { kind: 'paragraph', start: 7, end: 7 + paragraph.length },
      { kind: 'paragraph', start: text.indexOf('Other'), end: text.length },
    ];
    expect(widen(text, 'Trump', 'sentence', blocks)).toBe('Mr. Putin met D. Trump in Sept. 12 talks.');
    expect(widen(text, 'Trump', 'paragraph', blocks)).toBe(paragraph);
    expect(widen(text, 'Other', 'sentence', blocks)).toBe('Other paragraph.');
    expect(widen(text, 'Title', 'paragraph', blocks)).toBe('Title');
  });

  it('spans every sentence and block a hit crosses', () => {
    const text = 'One. Two three. Four.\n\nFive six.';
    const blocks: Block[] = [
      { kind: 'paragraph', start: 0, end: 21 },
      { kind: 'paragraph', start: 23, end: 32 },
    ];
    const index = new CodePointIndex(text);
    const across = widenToUnit(index, blocks, text.indexOf('three'), text.indexOf('Four') + 4, 'sentence');
    expect(index.slice(across.start, across.end)).toBe('Two three. Four.');
    const paragraphs = widenToUnit(index, blocks, text.indexOf('Four'), text.indexOf('Five') + 4, 'paragraph');
    expect(index.slice(paragraphs.start, paragraphs.end)).toBe(text);
  });

  it('works in code points around astral characters', () => {
    const text = '👩🏽‍🚀 Crew 𝐀𝐁 came. 🇦🇲 Flags flew.';
    const index = new CodePointIndex(text);
    const blocks: Block[] = [{ kind: 'paragraph', start: 0, end: index.length }];
    const at = index.toCodePoint(text.indexOf('Flags'));
    const sentence = widenToUnit(index, blocks, at, at + 5, 'sentence');
    expect(index.slice(sentence.start, sentence.end)).toBe('🇦🇲 Flags flew.');
    expect(sentence.start).toBe([...text.slice(0, text.indexOf('🇦🇲'))].length);
    const math = index.toCodePoint(text.indexOf('𝐀'));
    const word = widenToUnit(index, blocks, math, math + 1, 'word');
    expect(index.slice(word.start, word.end)).toBe('𝐀𝐁');
    expect(word.end - word.start).toBe(2);
  });

  it('text outside every block widens to its run between blank lines', () => {
    const text = '# Heading\n\n---\n\nBody text.';
    const blocks: Block[] = [
      { kind: 'heading', level: 1, start: 2, end: 9 },
      { kind: 'paragraph', start: 16, end: 26 },
    ];
    expect(widen(text, '---', 'paragraph', blocks)).toBe('---');
    expect(blocksTouched(blocks, 11, 14)).toBeNull();
    expect(blocksTouched(blocks, 5, 17)).toEqual([0, 1]);
    expect(blocksTouched(blocks, 9, 16)).toBeNull();
  });
});

describe('keyword in context', () => {
  it('gives the hit with context cut near a word boundary and white space flattened', () => {
    const text = 'Armenia and Azerbaijan fought.\nRussia brokered the November ceasefire and deployed peacekeepers.';
    const index = new CodePointIndex(text);
    const start = text.indexOf('Russia');
    const line = keywordInContext(index, start, start + 6, 25);
    expect(line.hit).toBe('Russia');
    // 25 code points back starts inside "and"'s neighbour "a": the cut moves to the next space.
    expect(line.before).toBe('and Azerbaijan fought. ');
    expect(line.after).toBe(' brokered the November');
    const whole = keywordInContext(index, 0, 7, 500);
    expect(whole.before).toBe('');
    expect(whole.after).toBe(text.slice(7).replace(/\s+/g, ' '));
  });
});
