import iconv from 'iconv-lite';
import { canonicalText } from '../domain/canonical.js';
import type { ParsedDocument } from './parsedDocument.js';
import { assertNotBinary, emptyFile, hasUtf8Bom, utf16ByteOrder } from './decodeText.js';
import { htmlBlocks } from './htmlBlocks.js';

/** How far a browser looks for <meta charset> before it starts parsing (HTML's prescan). */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

/** An .html / .htm file: the text of its blocks, joined by blank lines. */
export function parseHtml(fileName: string, bytes: Uint8Array): ParsedDocument {
  if (bytes.length === 0) throw emptyFile(fileName);
  const { source, encoding } = decodeHtml(fileName, bytes);
  const { text, blocks } = htmlBlocks(canonicalText(source));
  return { format: 'html', text, blocks, encoding };
}

/**
 * A BOM decides the encoding, then a <meta charset> in the first 1024 bytes, then UTF-8 — the
 * order a browser follows. Broken bytes become U+FFFD, as a browser shows them.
 */
function decodeHtml(fileName: string, bytes: Uint8Array): { source: string; encoding: string } {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return { source: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  assertNotBinary(fileName, bytes);
  const declared = hasUtf8Bom(bytes) ? undefined : declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && iconv.encodingExists(declared)) {
    return { source: iconv.decode(bytes, declared), encoding: declared };
  }
  return { source: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one character, so ASCII markup reads the same in any encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const name = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  // HTML treats a declared UTF-16 as UTF-8: a page that could be read this far is not UTF-16.
  if (name === 'utf8' || name.startsWith('utf-16') || name === 'unicode') return 'utf-8';
  return name;
}
