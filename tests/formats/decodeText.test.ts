import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { codePointLength } from '../../app/domain/codepoints.js';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { blockTexts, concat, glossErrorOf, pseudoRandomBytes, utf16, utf8 } from '../support/fixtures.js';

const ASTRONAUT = '👩🏽‍🚀'; // woman, skin tone, ZWJ, rocket: 4 code points, 7 UTF-16 units
const FLAG = '🇦🇲'; // two regional indicators
const BOLD = '𝐀𝐁𝐂'; // mathematical bold letters, astral

describe('text decoding (.txt, .md)', () => {
  it('reads UTF-8 with a BOM and CRLF: BOM gone, CRLF and CR turned into LF, astral text intact', async () => {
    const source = `Field notes\r\n\r\n${ASTRONAUT} met ${FLAG} and ${BOLD}.\r\nSecond line\r\rAfter the astral line: target`;
    const document = await parseDocument('notes.txt', utf8(source, { bom: true }));

    expect(document.encoding).toBe('utf-8');
    expect(document.text).toBe(`Field notes\n\n${ASTRONAUT} met ${FLAG} and ${BOLD}.\nSecond line\n\nAfter the astral line: target`);
    expect(document.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 2, text: 'Field notes' },
      { kind: 'paragraph', text: `${ASTRONAUT} met ${FLAG} and ${BOLD}.\nSecond line` },
      { kind: 'paragraph', text: 'After the astral line: target' },
    ]);
    // The last block sits after 8 astral characters: code-point and UTF-16 offsets differ by 8.
    const last = document.blocks.at(-1)!;
    const prefix = document.text.slice(0, document.text.indexOf('After'));
    expect(last.start).toBe(codePointLength(prefix));
    expect(prefix.length - last.start).toBe(8);
    expect(last.end).toBe(codePointLength(document.text));
  });

  it.each([['le', 'utf-16le'], ['be', 'utf-16be']] as const)('reads UTF-16 %s with a BOM', async (endian, encoding) => {
    const text = `Überschrift\r\n\r\nZażółć gęślą jaźń ${FLAG} ${BOLD}.\r\n`;
    const document = await parseDocument('utf16.txt', utf16(text, endian));
    expect(document.encoding).toBe(encoding);
    expect(document.text).toBe(`Überschrift\n\nZażółć gęślą jaźń ${FLAG} ${BOLD}.\n`);
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 2, text: 'Überschrift' },
      { kind: 'paragraph', text: `Zażółć gęślą jaźń ${FLAG} ${BOLD}.` },
    ]);
  });

  it('falls back to windows-1252 for German text with typographic quotes and €', async () => {
    const text = 'Überschrift\n\n„Größere Änderungen“ – so nannte es die Straßenbahn-Gesellschaft. ' +
      'Die Bürger äußerten sich: “Öfter fahren!” Das kostet 5 € mehr. Grüße aus Köln.\n';
    const document = await parseDocument('brief.txt', iconv.encode(text, 'windows-1252'));
    expect(document.encoding).toBe('windows-1252');
    expect(document.text).toBe(text);
  });

  it('falls back to ISO-8859-2 for Polish text', async () => {
    const text = 'Wstęp\n\nZażółć gęślą jaźń. Łódź, Kraków i Gdańsk są pięknymi miastami; źródło wiedzy o Śląsku.\n';
    const document = await parseDocument('wstep.md', iconv.encode(text, 'iso-8859-2'));
    expect(document.encoding).toBe('iso-8859-2');
    expect(document.text).toBe(text);
    expect(document.format).toBe('md');
  });

  it('refuses a binary file with NUL bytes, naming the file and saying what to do', async () => {
    const bytes = concat(utf8('looks like text at first '), pseudoRandomBytes(4096), new Uint8Array([0, 0, 0]));
    const error = await glossErrorOf(parseDocument('photo.txt', bytes));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('photo.txt looks like a binary file');
    expect(error.message).toContain('save it as plain text (UTF-8)');
  });

  it('refuses bytes with many control characters even without a NUL', async () => {
    const bytes = new Uint8Array(2000).map((_, i) => (i % 5 === 0 ? 0x01 + (i % 7) : 0x61));
    expect((await glossErrorOf(parseDocument('control.md', bytes))).code).toBe('bad_file');
  });

  it('accepts a few control characters (a form feed, an escape) in real text', async () => {
    const document = await parseDocument('report.txt', utf8('Page one ends here.\f\n\nPage two has an \x1b escape.'));
    expect(document.text).toBe('Page one ends here.\f\n\nPage two has an \x1b escape.');
  });

  it('refuses an empty file and a file of only whitespace', async () => {
    for (const [name, bytes] of [['empty.txt', new Uint8Array()], ['blank.md', utf8('  \r\n\r\n\t \n')]] as const) {
      const error = await glossErrorOf(parseDocument(name, bytes));
      expect(error.code).toBe('empty_file');
      expect(error.message).toBe(`${name} is empty: there is no text to import.`);
    }
  });

  it('refuses UTF-16 that is cut off mid-character', async () => {
    const bytes = utf16('Hello', 'le').subarray(0, 7);
    const error = await glossErrorOf(parseDocument('cut.txt', bytes));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('cut.txt');
  });
});
