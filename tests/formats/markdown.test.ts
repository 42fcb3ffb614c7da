import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { blockTexts, utf8 } from '../support/fixtures.js';

async function md(source: string) {
  return parseDocument('paper.md', utf8(source));
}

describe('.md blocks', () => {
  it('keeps the Markdown source as the text and spans headings without their # markers', async () => {
    const source = '## THE **SECOND** WAR\n\n### Abstract ###\n\nText with *emphasis*, a [link](https://x.org) and a note<sup>1</sup>.\n';
    const document = await md(source);
    expect(document.format).toBe('md');
    expect(document.text).toBe(source);
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 2, text: 'THE **SECOND** WAR' },
      { kind: 'heading', level: 3, text: 'Abstract' },
      { kind: 'paragraph', text: 'Text with *emphasis*, a [link](https://x.org) and a note<sup>1</sup>.' },
    ]);
  });

  it('reads setext headings and skips empty ones', async () => {
    const document = await md('Title\n=====\n\n#\n\nSub\n---\n\nBody.');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'heading', level: 2, text: 'Sub' },
      { kind: 'paragraph', text: 'Body.' },
    ]);
  });

  it('trims trailing spaces (hard line breaks) off a paragraph and keeps the break inside', async () => {
    const document = await md('MARUT VARDAZARYAN\\*   \n*Yerevan State University*   \n\nNext.');
    expect(blockTexts(document)[0]).toEqual({ kind: 'paragraph', text: 'MARUT VARDAZARYAN\\*   \n*Yerevan State University*' });
  });

  it('makes every paragraph of a list item, nested or loose, a list item', async () => {
    const source = [
      '- first item',
      '- second item',
      '',
      '  its second paragraph',
      '  - nested item',
      '',
      '1. ordered one',
      '2. ordered two',
    ].join('\n');
    expect(blockTexts(await md(source))).toEqual([
      { kind: 'list_item', text: 'first item' },
      { kind: 'list_item', text: 'second item' },
      { kind: 'list_item', text: 'its second paragraph' },
      { kind: 'list_item', text: 'nested item' },
      { kind: 'list_item', text: 'ordered one' },
      { kind: 'list_item', text: 'ordered two' },
    ]);
  });

  it('makes paragraphs in a block quote blockquotes, and keeps headings inside as headings', async () => {
    const source = '> ## Quoted heading\n>\n> A quoted paragraph\n> over two lines.\n\nAfter.';
    expect(blockTexts(await md(source))).toEqual([
      { kind: 'heading', level: 2, text: 'Quoted heading' },
      { kind: 'blockquote', text: 'A quoted paragraph\n> over two lines.' },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('keeps code and HTML blocks as paragraphs and drops thematic breaks and link definitions', async () => {
    const source = '```js\nlet x = 1;\n```\n\n<div>raw html</div>\n\n---\n\n[ref]: https://example.org\n\nEnd.';
    expect(blockTexts(await md(source))).toEqual([
      { kind: 'paragraph', text: '```js\nlet x = 1;\n```' },
      { kind: 'paragraph', text: '<div>raw html</div>' },
      { kind: 'paragraph', text: 'End.' },
    ]);
  });

  it('counts offsets in code points after astral characters, and reads CRLF files', async () => {
    const document = await md('# 👩🏽‍🚀 and 🇦🇲\r\n\r\n𝐀𝐁𝐂 paragraph\r\n\r\n- item after astral text\r\n');
    expect(document.text).toBe('# 👩🏽‍🚀 and 🇦🇲\n\n𝐀𝐁𝐂 paragraph\n\n- item after astral text\n');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 1, text: '👩🏽‍🚀 and 🇦🇲' },
      { kind: 'paragraph', text: '𝐀𝐁𝐂 paragraph' },
      { kind: 'list_item', text: 'item after astral text' },
    ]);
    // "# " + 4 + " and " + 2 + "\n\n" + 3 + " paragraph" + "\n\n" + "- " = 32 code points.
    expect(document.blocks[2]!.start).toBe(32);
    expect(new CodePointIndex(document.text).slice(32, 36)).toBe('item');
  });

  it('refuses a file with text but no block, such as only a thematic break', async () => {
    await expect(parseDocument('rule.md', utf8('---\n'))).rejects.toMatchObject({
      code: 'empty_file',
      message: 'rule.md is empty: there is no text to import.',
    });
  });
});
