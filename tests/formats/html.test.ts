import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { blockTexts, utf16, utf8 } from '../support/fixtures.js';

async function html(source: string) {
  return parseDocument('page.html', utf8(source));
}

describe('.html blocks', () => {
  it('maps headings, paragraphs, list items and quotes, and joins their text with blank lines', async () => {
    const document = await html(`<!DOCTYPE html>
      <html><head><title>Not text</title><style>p { color: red }</style></head>
      <body>
        <h1>The   battle
          of words</h1>
        <p>Armenia has chosen <b>another</b> direction,&nbsp;launching a <i>battle</i>  of words.</p>
        <ul><li>first point</li><li><p>second point</p></li></ul>
        <blockquote><p>A quoted sentence.</p><h3>Heading in a quote</h3></blockquote>
        <h6>Small heading</h6>
      </body></html>`);
    expect(document.format).toBe('html');
    expect(document.encoding).toBe('utf-8');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 1, text: 'The battle of words' },
      { kind: 'paragraph', text: 'Armenia has chosen another direction,\u00a0launching a battle of words.' },
      { kind: 'list_item', text: 'first point' },
      { kind: 'list_item', text: 'second point' },
      { kind: 'blockquote', text: 'A quoted sentence.' },
      { kind: 'heading', level: 3, text: 'Heading in a quote' },
      { kind: 'heading', level: 6, text: 'Small heading' },
    ]);
    expect(document.text).toBe(blockTexts(document).map((b) => b.text).join('\n\n'));
  });

  it('skips script, style, template, noscript and svg content', async () => {
    const document = await html('<p>Kept</p><script>var x = "<p>no</p>";</script><template><p>no</p></template>' +
      '<noscript>no</noscript><svg><text>no</text></svg><style>.a{}</style><p>Also kept</p>');
    expect(document.text).toBe('Kept\n\nAlso kept');
  });

  it('makes text directly in div, td, dd and pre a paragraph, and splits text around nested blocks', async () => {
    const document = await html('<div>Intro text<p>Inner paragraph</p>tail text</div>' +
      '<table><tr><td>cell one</td><th>cell two</th></tr></table><dl><dt>term</dt><dd>definition</dd></dl>' +
      '<figure><figcaption>A caption</figcaption></figure>');
    expect(blockTexts(document).map((b) => `${b.kind}:${b.text}`)).toEqual([
      'paragraph:Intro text', 'paragraph:Inner paragraph', 'paragraph:tail text',
      'paragraph:cell one', 'paragraph:cell two', 'paragraph:term', 'paragraph:definition',
      'paragraph:A caption',
    ]);
  });

  it('keeps whitespace inside pre, turns <br> into a newline and decodes entities', async () => {
    const document = await html('<pre>\n  line one\n    indented &amp; kept\n</pre><p>first<br>  second <br/>third &lt;tag&gt; &#x1F469;</p>');
    expect(blockTexts(document)).toEqual([
      { kind: 'paragraph', text: 'line one\n    indented & kept' },
      { kind: 'paragraph', text: 'first\nsecond\nthird <tag> 👩' },
    ]);
  });

  it('counts block offsets in code points after astral characters', async () => {
    const document = await html('<h2>👩🏽‍🚀 🇦🇲</h2><p>𝐀𝐁𝐂</p><li>target</li>');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 2, text: '👩🏽‍🚀 🇦🇲' },
      { kind: 'paragraph', text: '𝐀𝐁𝐂' },
      { kind: 'list_item', text: 'target' },
    ]);
    expect(document.blocks[2]).toEqual({ kind: 'list_item', start: 14, end: 20 });
  });

  it('decodes by <meta charset>, by a BOM that overrides it, and as UTF-8 otherwise', async () => {
    const cyrillic = '<html><head><meta charset="windows-1251"></head><body><p>Договор о коллективной безопасности</p></body></html>';
    const declared = await parseDocument('ru.htm', iconv.encode(cyrillic, 'windows-1251'));
    expect(declared.encoding).toBe('windows-1251');
    expect(declared.text).toBe('Договор о коллективной безопасности');

    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-2"><p>Zażółć gęślą jaźń</p>';
    const legacy = await parseDocument('pl.HTML', iconv.encode(httpEquiv, 'iso-8859-2'));
    expect(legacy.encoding).toBe('iso-8859-2');
    expect(legacy.text).toBe('Zażółć gęślą jaźń');

    const bomWins = await parseDocument('bom.html', utf8('<meta charset="windows-1252"><p>Größe 🇦🇲</p>', { bom: true }));
    expect(bomWins.encoding).toBe('utf-8');
    expect(bomWins.text).toBe('Größe 🇦🇲');

    const wide = await parseDocument('wide.html', utf16('<p>Größe 𝐀</p>', 'be'));
    expect(wide.encoding).toBe('utf-16be');
    expect(wide.text).toBe('Größe 𝐀');
  });

  it('refuses a page without text', async () => {
    await expect(html('<html><head><title>Only a title</title></head><body><img src="x.png"></body></html>'))
      .rejects.toMatchObject({ code: 'empty_file', message: 'page.html is empty: there is no text to import.' });
  });
});
