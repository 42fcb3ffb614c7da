import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { isLikelyHeading } from '../../app/formats/plainText.js';
import { blockTexts, utf8 } from '../support/fixtures.js';

describe('.txt blocks', () => {
  it('splits paragraphs at blank lines, including lines of only spaces and tabs', async () => {
    const text = [
      'Introduction',
      '',
      '   An indented first line',
      'and a second line of the same paragraph.   ',
      ' \t ',
      'Another paragraph; it ends here.',
      '',
      '',
      'The last paragraph',
      '',
    ].join('\n');
    const document = await parseDocument('paper.txt', utf8(text));
    expect(document.format).toBe('txt');
    expect(document.text).toBe(text);
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 2, text: 'Introduction' },
      { kind: 'paragraph', text: 'An indented first line\nand a second line of the same paragraph.' },
      { kind: 'paragraph', text: 'Another paragraph; it ends here.' },
      // The last paragraph is never a heading: a closing line is a signature or a note.
      { kind: 'paragraph', text: 'The last paragraph' },
    ]);
  });

  it('never makes a heading of a paragraph of two lines', async () => {
    const document = await parseDocument('a.txt', utf8('Two short\nlines\n\nBody text.'));
    expect(blockTexts(document)[0]).toEqual({ kind: 'paragraph', text: 'Two short\nlines' });
  });

  it('finds a heading after astral characters at its code-point offset', async () => {
    const document = await parseDocument('a.txt', utf8('𝐀𝐁 and 👩🏽‍🚀 lead in.\n\nRussia and the military conflict\n\nBody.'));
    expect(blockTexts(document)[1]).toEqual({ kind: 'heading', level: 2, text: 'Russia and the military conflict' });
    expect(document.blocks[1]!.start).toBe(22);
  });
});

describe('isLikelyHeading', () => {
  it.each([
    'Introduction',
    'What next?',
    'Russia and the military conflict',
    'Azerbaijan\'s "salami tactics" and the new reality in the Nagorno-Karabakh conflict',
    'Postawa Rosji wobec Armenii i Azerbejdżanu: ewolucja polityki czy przede wszystkim interesy?',
  ])('takes %j as a heading', (line) => {
    expect(isLikelyHeading(line, false)).toBe(true);
  });

  it.each([
    ['it is too long', 'A'.repeat(121)],
    ['it has no letter', '2020 – 2023'],
    ['it ends with a full stop', 'Your email address will not be published.'],
    ['it ends with a comma', 'Armenia, Azerbaijan,'],
    ['it ends with a semicolon', 'first part;'],
    ['it ends with a colon', 'Keywords:'],
    ['it ends with a footnote number', 'as the minister put it²¹'],
    ['it ends with a bracketed footnote', 'as the minister put it[12]'],
    ['it ends with a <sup> footnote', 'Ana Jović-Lazić<sup>1</sup>'],
    ['it starts with a digit', '19 France, the Russian Federation and the United States'],
    ['it starts with a superscript digit', '¹ De Waal, Black garden'],
    ['it starts with <', '<https://example.org/page>'],
    ['it starts with *', '*Otvety na voprosy SMI*'],
    ['it starts with (', '(Photo: Twitter)'],
    ['it starts with [', '[accessed 15 May 2021]'],
    ['it starts with -', '- a bullet'],
    ['it starts with •', '• a bullet'],
    ['it holds an @', 'aliyevnurlan13@gmail.com'],
    ['it holds a URL', 'See https://example.org for more'],
    ['it holds a www address', 'Read more at www.example.org today'],
  ])('refuses a line when %s', (_why, line) => {
    expect(isLikelyHeading(line, false)).toBe(false);
  });

  it('refuses the last paragraph', () => {
    expect(isLikelyHeading('Leave a Reply', true)).toBe(false);
    expect(isLikelyHeading('Leave a Reply', false)).toBe(true);
  });

  it('counts the 120-character limit in code points, not UTF-16 units', () => {
    expect(isLikelyHeading('𝐀'.repeat(120), false)).toBe(true);
    expect(isLikelyHeading('𝐀'.repeat(121), false)).toBe(false);
  });
});
