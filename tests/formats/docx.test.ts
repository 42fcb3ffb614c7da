import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { blockTexts, docx, glossErrorOf, utf8, zipWithoutDocument } from '../support/fixtures.js';

/** Offset of the first central-directory entry of a ZIP (signature PK\x01\x02). */
function centralDirectory(bytes: Uint8Array): number {
  const at = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  expect(at).toBeGreaterThan(0);
  return at;
}

describe('.docx', () => {
  it('reads Heading 1 / Heading 2 styles as headings and the rest as paragraphs', async () => {
    const bytes = await docx([
      { style: 'Heading1', text: 'Russia and the military conflict' },
      { text: 'During military clashes between Armenia & Azerbaijan <in 2020>, Moscow hesitated.' },
      { text: 'Astral text 👩🏽‍🚀 🇦🇲 𝐀𝐁𝐂 before the next heading.' },
      { style: 'Heading2', text: 'Explanations by the Kremlin' },
      { table: [['cell one', 'cell two']] },
      { text: '' },
      { text: 'Closing paragraph.' },
    ]);
    const document = await parseDocument('Paper.DOCX', bytes);
    expect(document.format).toBe('docx');
    expect(blockTexts(document)).toEqual([
      { kind: 'heading', level: 1, text: 'Russia and the military conflict' },
      { kind: 'paragraph', text: 'During military clashes between Armenia & Azerbaijan <in 2020>, Moscow hesitated.' },
      { kind: 'paragraph', text: 'Astral text 👩🏽‍🚀 🇦🇲 𝐀𝐁𝐂 before the next heading.' },
      { kind: 'heading', level: 2, text: 'Explanations by the Kremlin' },
      { kind: 'paragraph', text: 'cell one' },
      { kind: 'paragraph', text: 'cell two' },
      { kind: 'paragraph', text: 'Closing paragraph.' },
    ]);
    expect(document.text).toBe(blockTexts(document).map((b) => b.text).join('\n\n'));
  });

  it('refuses a 0-byte file as empty', async () => {
    const error = await glossErrorOf(parseDocument('draft.docx', new Uint8Array()));
    expect(error.code).toBe('empty_file');
    expect(error.message).toMatch(/^draft\.docx is empty \(0 bytes\)/);
  });

  it('refuses a file that is not a ZIP, saying how to repair it', async () => {
    const error = await glossErrorOf(parseDocument('old.docx', utf8('{\\rtf1 this is really RTF}')));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('old.docx is not a readable Word document');
    expect(error.message).toContain('Open it in Word or LibreOffice and save it again as .docx');
  });

  it('refuses a ZIP without a Word document in it', async () => {
    const error = await glossErrorOf(parseDocument('archive.docx', await zipWithoutDocument()));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('archive.docx is not a readable Word document: could not find main document part.');
  });

  it('refuses a truncated DOCX', async () => {
    const bytes = await docx([{ text: 'Some text.' }]);
    const error = await glossErrorOf(parseDocument('cut.docx', bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('cut.docx is not a readable Word document');
  });

  it('refuses a ZIP that would unpack to more than 1 GB before inflating it', async () => {
    const bytes = new Uint8Array(await docx([{ text: 'Some text.' }]));
    new DataView(bytes.buffer).setUint32(centralDirectory(bytes) + 24, 0xfffffff0, true);
    const error = await glossErrorOf(parseDocument('bomb.docx', bytes));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('bomb.docx is not a readable Word document: it would unpack to more than 1024 MB');
  });

  it('refuses a ZIP that claims more entries than a document holds', async () => {
    const bytes = new Uint8Array(await docx([{ text: 'Some text.' }]));
    const end = Buffer.from(bytes).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    new DataView(bytes.buffer).setUint16(end + 10, 60_000, true);
    const error = await glossErrorOf(parseDocument('many.docx', bytes));
    expect(error.message).toContain('it holds 60000 files, more than the 10000 a document may');
  });

  it('refuses a Word document without text as empty', async () => {
    const error = await glossErrorOf(parseDocument('blank.docx', await docx([{ text: '' }, { text: '   ' }])));
    expect(error.code).toBe('empty_file');
    expect(error.message).toBe('blank.docx is empty: there is no text to import.');
  });
});
