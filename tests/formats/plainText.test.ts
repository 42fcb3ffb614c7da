import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { isLikelyHeading } from '../../app/formats/plainText.js';
import { blockTexts, utf8 } from '../support/fixtures.js';
import { corpusDir, hasShared } from '../support/paths.js';

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

describe('front matter is not a heading', () => {
  const headingsOf = async (lines: string[]): Promise<string[]> =>
    blockTexts(await parseDocument('paper.txt', utf8(`${lines.join('\n\n')}\n`)))
      .filter((block) => block.kind === 'heading')
      .map((block) => block.text);

  it.each([
    ['an ORCID line', 'ORCID: 0000-0002-0522-4658'],
    ['a bare ORCID iD', '0000-0002-0522-465X'],
    ['an affiliation', 'University of Economics and Human Sciences in Warsaw'],
    ['an institute', 'Institute of Political Studies, Polish Academy of Sciences'],
    ['a byline introduced with "By"', 'By Nazrin Gadimova-Akbulut'],
    ['two authors introduced with "By"', 'By Ana Jović and Dragan Lazić'],
    ['a name written surname first', 'Gadimova-Akbulut, Nazrin'],
  ])('refuses %s', (_what, line) => {
    expect(isLikelyHeading(line, false)).toBe(false);
  });

  it('demotes a bare name beside an affiliation, an address or an ORCID', async () => {
    expect(await headingsOf(['NURLAN ALIYEV', 'University of Warsaw', 'The title of the paper', 'Introduction', 'Body text.'])).toEqual(['The title of the paper', 'Introduction']);
    expect(await headingsOf(['Ana Jović-Lazić', 'ana@example.org', 'Introduction', 'Body text.'])).toEqual(['Introduction']);
  });

  it('demotes a name repeated above the author note that starts with it', async () => {
    expect(await headingsOf(['Conclusion', 'Body text.', 'Yeghia Tashjian', 'Yeghia Tashjian is a regional analyst and researcher.', 'Leave a Reply', 'end.'])).toEqual([
      'Conclusion',
      'Leave a Reply',
    ]);
  });

  it('keeps title-case and all-caps headings that have no byline beside them', async () => {
    expect(await headingsOf(['Literature Review', 'Body text.', 'RESEARCH DESIGN', 'Body text.', 'Russian Foreign Policy', 'Body text.', 'The role of universities', 'end.'])).toEqual([
      'Literature Review',
      'RESEARCH DESIGN',
      'Russian Foreign Policy',
      'The role of universities',
    ]);
  });

  if (!hasShared) it.skip(`the corpus papers: skipped, ${corpusDir} is absent (the corpus sits beside the repository as ../shared)`, () => {});
  it.skipIf(!hasShared).each([
    ['aliyev-russia-approaches-armenia-azerbaijan.txt', ['NURLAN ALIYEV', 'University of Economics and Human Sciences in Warsaw', 'ORCID: 0000-0002-0522-4658'], 'Introduction'],
    ['gadimova-akbulut-nk-conflict-shadow-of-ukraine.txt', ['Gadimova-Akbulut, Nazrin', 'By Nazrin Gadimova-Akbulut'], 'Introduction'],
    ['moscow-yerevan-rift.txt', ['Yeghia Tashjian'], 'The battle of words'],
  ])('%s: its bylines, affiliations and ORCID are paragraphs, its section headings stay', async (file, front, section) => {
    const document = await parseDocument(file, new Uint8Array(readFileSync(path.join(corpusDir, file))));
    const blocks = blockTexts(document);
    for (const line of front) {
      expect(blocks.filter((block) => block.text === line).map((block) => block.kind)).not.toContain('heading');
      expect(blocks.some((block) => block.text === line)).toBe(true);
    }
    expect(blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toContain(section);
  });
});
