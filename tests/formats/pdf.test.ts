import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../app/formats/parseDocument.js';
import { MAX_PDF_PAGES } from '../../app/formats/pdf.js';
import { blockTexts, drawingOnlyPdf, glossErrorOf, passwordProtectedPdf, pseudoRandomBytes, textPdf, utf8 } from '../support/fixtures.js';

describe('.pdf', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('rebuilds paragraphs from lines and gaps, and ends a paragraph at the end of a page', async () => {
    const bytes = textPdf([
      [
        ['The Nagorno-Karabakh conflict between Armenia and', 'Azerbaijan escalated in September 2020.'],
        ['Russia was a main outside actor; its behaviour raised', 'questions and sus-', 'picions across the region, the Nagorno-', 'Karabakh leadership said.'],
        ['A paragraph that runs to the end of the page'],
      ],
      [
        ['and a new page starts a new paragraph, café included.'],
      ],
    ]);
    const logged = vi.spyOn(console, 'log');
    const document = await parseDocument('paper.pdf', bytes);

    expect(document.format).toBe('pdf');
    expect(blockTexts(document)).toEqual([
      { kind: 'paragraph', text: 'The Nagorno-Karabakh conflict between Armenia and Azerbaijan escalated in September 2020.' },
      // "sus-" + "picions" joins into one word; "Nagorno-" + "Karabakh" keeps its hyphen.
      { kind: 'paragraph', text: 'Russia was a main outside actor; its behaviour raised questions and suspicions across the region, the Nagorno-Karabakh leadership said.' },
      { kind: 'paragraph', text: 'A paragraph that runs to the end of the page' },
      { kind: 'paragraph', text: 'and a new page starts a new paragraph, café included.' },
    ]);
    expect(document.text).toBe(blockTexts(document).map((b) => b.text).join('\n\n'));
    // pdf.js reports problems through console.log; an import must not print anything.
    expect(logged).not.toHaveBeenCalled();
  });

  it('leaves the caller\'s bytes usable (pdf.js detaches the buffer it is given)', async () => {
    const bytes = textPdf([[['Some text.']]]);
    const length = bytes.length;
    await parseDocument('a.pdf', bytes);
    expect(bytes.buffer.byteLength).toBe(length);
    expect((await parseDocument('again.pdf', bytes)).text).toBe('Some text.');
  });

  it('refuses a PDF without a text layer, advising OCR', async () => {
    const error = await glossErrorOf(parseDocument('scan.pdf', drawingOnlyPdf()));
    expect(error.code).toBe('bad_file');
    expect(error.message).toBe('scan.pdf has no text layer (it is probably a scan). Run OCR on it first (e.g. with ocrmypdf) and import the result.');
  });

  it('says so when a PDF is password-protected', async () => {
    const error = await glossErrorOf(parseDocument('locked.pdf', passwordProtectedPdf()));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain('locked.pdf is password-protected');
  });

  it.each([
    ['garbled', utf8('%PDF-1.7\nthis is not really a PDF at all\n')],
    ['random bytes', pseudoRandomBytes(5000)],
    ['truncated', textPdf([[['Some text that will be cut off.']]]).subarray(0, 200)],
  ])('refuses a %s PDF as unreadable', async (_what, bytes) => {
    const error = await glossErrorOf(parseDocument('broken.pdf', bytes));
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/^broken\.pdf is not a readable PDF: .+\. Open it in a PDF reader/);
  });

  it('refuses a 0-byte PDF as empty', async () => {
    const error = await glossErrorOf(parseDocument('none.pdf', new Uint8Array()));
    expect(error.code).toBe('empty_file');
    expect(error.message).toContain('none.pdf is empty (0 bytes)');
  });

  it(`stops at ${MAX_PDF_PAGES} pages with a clear error`, async () => {
    const pages = Array.from({ length: MAX_PDF_PAGES + 1 }, () => [['x']]);
    const error = await glossErrorOf(parseDocument('archive.pdf', textPdf(pages)));
    expect(error.code).toBe('bad_file');
    expect(error.message).toContain(`archive.pdf has ${MAX_PDF_PAGES + 1} pages; Gloss imports PDFs of at most ${MAX_PDF_PAGES} pages`);
  });
});
