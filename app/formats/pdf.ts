import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { GlossError } from '../domain/errors.js';
import type { ParsedDocument } from './parsedDocument.js';
import { JoinedTextBuilder } from './joinedText.js';
import { paragraphsOfPages, type PdfTextItem } from './pdfLayout.js';

/** A book is a few hundred pages; beyond this a PDF is an archive dump, not a document to code. */
export const MAX_PDF_PAGES = 5000;

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * A .pdf file: the text layer of every page, rebuilt into paragraphs (see pdfLayout.ts). Runs
 * pdf.js's legacy build, which in Node parses on the calling thread (a "fake worker") and so
 * loads no worker script and touches no network.
 */
export async function parsePdf(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  if (bytes.length === 0) {
    throw new GlossError('empty_file', `${fileName} is empty (0 bytes): there is no document to import. Check that it was saved completely.`);
  }
  // Loaded on first use: pdf.js is large, and most imports are not PDFs.
  const pdfjs: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy, not the caller's bytes.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw unreadable(fileName, error);
    });
    if (document.numPages > MAX_PDF_PAGES) {
      throw new GlossError('bad_file',
        `${fileName} has ${document.numPages} pages; Gloss imports PDFs of at most ${MAX_PDF_PAGES} pages. ` +
        'Split it into smaller PDFs (e.g. one per chapter) and import those.');
    }
    const pages = await textOfPages(fileName, document);
    const builder = new JoinedTextBuilder();
    for (const paragraph of paragraphsOfPages(pages)) builder.add('paragraph', paragraph.text);
    if (builder.blocks.length === 0) {
      throw new GlossError('bad_file',
        `${fileName} has no text layer (it is probably a scan). ` +
        'Run OCR on it first (e.g. with ocrmypdf) and import the result.');
    }
    return { format: 'pdf', text: builder.text(), blocks: builder.blocks };
  } finally {
    await task.destroy();
  }
}

async function textOfPages(fileName: string, document: PdfDocument): Promise<PdfTextItem[][]> {
  const pages: PdfTextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    try {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue; // marked-content boundaries carry no text
        items.push({
          str: item.str,
          x: Number(item.transform[4]),
          y: Number(item.transform[5]),
          width: item.width,
          // Spaces often come with height 0; the text matrix still carries the font size.
          height: item.height > 0 ? item.height : Math.hypot(Number(item.transform[2]), Number(item.transform[3])),
          hasEOL: item.hasEOL,
        });
      }
      pages.push(items);
      page.cleanup();
    } catch (error) {
      throw unreadable(fileName, error, `page ${number} cannot be read`);
    }
  }
  return pages;
}

function unreadable(fileName: string, error: unknown, where?: string): GlossError {
  if (error instanceof GlossError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new GlossError('bad_file',
      `${fileName} is password-protected. Open it in a PDF reader with its password, ` +
      'save a copy without protection, and import that.');
  }
  const detail = (error instanceof Error ? error.message : String(error)).trim().replace(/[.\s]+$/, '');
  return new GlossError('bad_file',
    `${fileName} is not a readable PDF: ${where ? `${where} (${detail})` : detail}. ` +
    'Open it in a PDF reader and save or print it again as PDF, then import that.');
}
