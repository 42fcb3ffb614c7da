import { GlossError } from '../domain/errors.js';
import type { ParsedDocument } from './parsedDocument.js';
import { htmlBlocks } from './htmlBlocks.js';
import { checkZip } from './zipLimits.js';

/** Far above any text document, far below what would exhaust memory when inflated. */
const LIMITS = { maxEntries: 10_000, maxUncompressedBytes: 1024 * 2 ** 20 };

/**
 * A .docx file, read by mammoth into HTML whose blocks become Gloss blocks: Word's Heading 1–6
 * styles become headings through mammoth's default style map, list paragraphs list items.
 */
export async function parseDocx(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  // Loaded on the first .docx, not at start-up: every command and window would pay for it.
  const { default: mammoth } = await import('mammoth');
  if (bytes.length === 0) {
    throw new GlossError('empty_file',
      `${fileName} is empty (0 bytes): there is no document to import. Check that it was saved completely.`);
  }
  const zip = checkZip(bytes, LIMITS);
  if (!zip.ok) throw unreadable(fileName, zip.reason);

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        // Images are not text: an empty <img> spares reading and base64-encoding every picture.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw unreadable(fileName, error instanceof Error ? error.message : String(error));
  }
  const { text, blocks } = htmlBlocks(html, {
    // mammoth closes each footnote with a "↑" link back to its reference: navigation, not text.
    skip: (element) => element.name === 'a' && /^#(?:footnote|endnote|comment)-ref-/.test(element.attribs.href ?? ''),
  });
  return { format: 'docx', text, blocks };
}

function unreadable(fileName: string, reason: string): GlossError {
  // mammoth's messages add a second sentence ("Are you sure this is a valid .docx file?") that
  // the advice below already answers: keep the first, without its full stop.
  const first = reason.trim().split(/(?<=[.?!])\s/)[0] ?? '';
  const detail = first.replace(/[.?!\s]+$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
  return new GlossError('bad_file',
    `${fileName} is not a readable Word document: ${detail}. ` +
    'Open it in Word or LibreOffice and save it again as .docx, then import that.');
}
