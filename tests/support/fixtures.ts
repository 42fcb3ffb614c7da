/**
 * Test documents built in code, so the repository holds no binary fixtures: PDFs written object
 * by object (with correct xref offsets), DOCX packages zipped with jszip, and byte patterns for
 * encodings and binary files.
 */
import { createHash } from 'node:crypto';
// jszip is mammoth's own ZIP library, so it is installed whenever the DOCX importer is.
import JSZip from 'jszip';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { GlossError } from '../../app/domain/errors.js';
import type { ParsedDocument } from '../../app/formats/parsedDocument.js';

/** A block as tests compare it: its kind, level and the text it covers. */
export interface BlockText {
  kind: string;
  level?: number;
  text: string;
}

export function blockTexts(document: ParsedDocument): BlockText[] {
  const index = new CodePointIndex(document.text);
  return document.blocks.map((block) => {
    const text = index.slice(block.start, block.end);
    return block.level === undefined ? { kind: block.kind, text } : { kind: block.kind, level: block.level, text };
  });
}

/** The GlossError a promise rejects with; anything else (or no rejection) fails the test. */
export async function glossErrorOf(promise: Promise<unknown>): Promise<GlossError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GlossError) return error;
    throw error;
  }
  throw new Error('expected a GlossError, but the operation succeeded');
}

// ---------------------------------------------------------------------------------------------
// Bytes

/** Deterministic pseudo-random bytes (xorshift32), so a failing test fails the same way again. */
export function pseudoRandomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

export function utf8(text: string, { bom = false } = {}): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concat(new Uint8Array([0xef, 0xbb, 0xbf]), body) : body;
}

/** UTF-16 with its byte-order mark, little- or big-endian. */
export function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [first, second] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 + i * 2] = first;
    bytes[3 + i * 2] = second;
  }
  return bytes;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// PDF

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
export const PDF_FONT_SIZE = 11;
/** Baseline to baseline inside a paragraph; paragraphs are a further line apart. */
export const PDF_LINE_SPACING = 14;

/**
 * A PDF with a real text layer: each page is a list of paragraphs, each paragraph a list of
 * lines, set in Helvetica (a standard font, so nothing is embedded). Paragraphs are separated
 * by an empty line's worth of space, as in a typical paper. Text is WinAnsi (Latin-1 range).
 */
export function textPdf(pages: readonly (readonly (readonly string[])[])[]): Uint8Array {
  const contents = pages.map((paragraphs) => {
    const ops = ['BT', `/F1 ${PDF_FONT_SIZE} Tf`];
    let y = PAGE_HEIGHT - 72;
    for (const lines of paragraphs) {
      for (const line of lines) {
        ops.push(`1 0 0 1 72 ${y} Tm`, `(${pdfString(line)}) Tj`);
        y -= PDF_LINE_SPACING;
      }
      y -= PDF_LINE_SPACING;
    }
    ops.push('ET');
    return ops.join('\n');
  });
  return buildPdf(contents, '/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>');
}

/** A one-page PDF that only draws a filled rectangle: what a scan without OCR looks like to a parser. */
export function drawingOnlyPdf(): Uint8Array {
  return buildPdf(['0.2 0.4 0.8 rg\n100 400 300 200 re\nf'], '');
}

/**
 * A PDF encrypted with the standard security handler (revision 2, 40-bit RC4) and a non-empty
 * user password, so no reader can open it without that password.
 */
export function passwordProtectedPdf(userPassword = 'secret', ownerPassword = 'owner'): Uint8Array {
  const fileId = createHash('md5').update('gloss-test').digest();
  const permissions = -4; // all permissions; only the password matters here
  const owner = rc4(md5(padPassword(ownerPassword)).subarray(0, 5), padPassword(userPassword));
  const permissionBytes = new Uint8Array(4);
  new DataView(permissionBytes.buffer).setInt32(0, permissions, true);
  const key = md5(concat(padPassword(userPassword), owner, permissionBytes, fileId)).subarray(0, 5);
  const user = rc4(key, PASSWORD_PADDING);
  const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
  return buildPdf(['BT /F1 12 Tf 72 700 Td (hidden) Tj ET'],
    '/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>', {
      encrypt: `<< /Filter /Standard /V 1 /R 2 /O <${hex(owner)}> /U <${hex(user)}> /P ${permissions} >>`,
      id: hex(fileId),
    });
}

/** Assembles a PDF from page content streams, computing every xref offset from the bytes. */
function buildPdf(pageContents: readonly string[], resources: string, trailer: { encrypt?: string; id?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pageTree = add('');
  const pageIds: number[] = [];
  for (const content of pageContents) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << ${resources} >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const encryptId = trailer.encrypt === undefined ? undefined : add(trailer.encrypt);

  // Latin-1 maps each character to one byte, so string lengths are byte offsets.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const extra = (encryptId ? ` /Encrypt ${encryptId} 0 R` : '') + (trailer.id ? ` /ID [<${trailer.id}> <${trailer.id}>]` : '');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${extra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function pdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

const PASSWORD_PADDING = new Uint8Array([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padPassword(password: string): Uint8Array {
  const bytes = Buffer.from(password, 'latin1').subarray(0, 32);
  return concat(bytes, PASSWORD_PADDING.subarray(0, 32 - bytes.length));
}

function md5(bytes: Uint8Array): Uint8Array {
  return createHash('md5').update(bytes).digest();
}

/** RC4, written out because OpenSSL 3 no longer offers it by default. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// DOCX

export type DocxParagraph =
  | { style?: 'Heading1' | 'Heading2'; text: string }
  | { table: string[][] };

/**
 * A minimal Word package: [Content_Types].xml, the package relationships, word/document.xml
 * and word/styles.xml, which names Heading1/Heading2 "heading 1"/"heading 2" the way Word
 * does, since mammoth's style map matches those names.
 */
export async function docx(paragraphs: readonly DocxParagraph[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '</Types>');
  zip.file('_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
    '</Relationships>');
  zip.file('word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
    '</Relationships>');
  zip.file('word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${WORD_NS}">` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>' +
    '</w:styles>');
  zip.file('word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WORD_NS}"><w:body>` +
    paragraphs.map(docxBlock).join('') +
    '</w:body></w:document>');
  return zip.generateAsync({ type: 'uint8array' });
}

/** A ZIP that is not a Word document: no word/document.xml in it. */
export async function zipWithoutDocument(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('notes.txt', 'just a zip');
  return zip.generateAsync({ type: 'uint8array' });
}

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docxBlock(block: DocxParagraph): string {
  if ('table' in block) {
    const rows = block.table.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${docxParagraph(cell)}</w:tc>`).join('')}</w:tr>`);
    return `<w:tbl>${rows.join('')}</w:tbl>`;
  }
  return docxParagraph(block.text, block.style);
}

function docxParagraph(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
}

function xmlEscape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
