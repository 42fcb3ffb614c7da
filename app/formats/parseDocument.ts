import { assertValidBlocks } from '../domain/blocks.js';
import { codePointLength } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import type { ParsedDocument } from './parsedDocument.js';
import { emptyFile } from './decodeText.js';
import { parseDocx } from './docx.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parsePdf } from './pdf.js';
import { parsePlainText } from './plainText.js';

type Importer = (fileName: string, bytes: Uint8Array) => ParsedDocument | Promise<ParsedDocument>;

const IMPORTERS: Readonly<Record<string, Importer>> = {
  '.txt': parsePlainText,
  '.text': parsePlainText,
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.docx': parseDocx,
  '.pdf': parsePdf,
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(IMPORTERS);

/** Refused before parsing: every importer holds the whole file, and more, in memory. */
export const MAX_IMPORT_BYTES = 200 * 2 ** 20;

/**
 * Reads a document into its canonical text and block structure. The importer is chosen by the
 * file's extension (case-insensitive); the bytes are untrusted and checked by each importer.
 */
export async function parseDocument(fileName: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const importer = IMPORTERS[extensionOf(fileName)];
  if (!importer) {
    throw new GlossError('unsupported_format',
      `${fileName} is not a format Gloss can import. Supported: ${SUPPORTED_EXTENSIONS.join(', ')}. ` +
      'Save it in one of these formats (plain text, Markdown, HTML, Word .docx or PDF) and import that.');
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new GlossError('bad_file',
      `${fileName} is too large (${Math.ceil(bytes.length / 2 ** 20)} MB); Gloss imports files of up to ` +
      `${MAX_IMPORT_BYTES / 2 ** 20} MB. Split it into smaller files and import those.`);
  }
  const document = await importer(fileName, bytes);
  if (document.text.trim() === '' || document.blocks.length === 0) throw emptyFile(fileName);
  assertValidBlocks(document.blocks, codePointLength(document.text));
  return document;
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}
