import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { canonicalText } from '../domain/canonical.js';
import { GlossError } from '../domain/errors.js';

export interface DecodedText {
  /** Canonical text: BOM removed, CRLF / CR turned into LF, nothing else changed. */
  text: string;
  /** Lower-case encoding name, e.g. 'utf-8', 'utf-16le', 'windows-1250'. */
  encoding: string;
}

/**
 * Legacy encodings chardet may name that are safe to fall back on: one byte per character,
 * so every byte sequence decodes. chardet also guesses multi-byte CJK encodings from short
 * samples, and those guesses turn a mis-saved Western file into nonsense.
 */
const SINGLE_BYTE = new Set([
  'iso-8859-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8', 'iso-8859-9',
  'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255',
  'windows-1256', 'windows-1257', 'windows-1258', 'windows-874', 'koi8-r',
]);
const FALLBACK_ENCODING = 'windows-1252';
const SNIFF_LENGTH = 8192;
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decodes the bytes of a plain-text file (.txt, .md): a BOM decides UTF-8 or UTF-16; otherwise
 * strict UTF-8, and only when that fails a single-byte legacy encoding guessed by chardet.
 * Binary files are refused before any guessing, because a legacy decoder accepts every byte.
 */
export function decodeText(fileName: string, bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw emptyFile(fileName);
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) {
    const text = decodeUtf16(fileName, bytes, utf16);
    if (text.includes('\0') || controlShare(charCodes(text.slice(0, SNIFF_LENGTH))) > MAX_CONTROL_SHARE) {
      throw binaryFile(fileName);
    }
    return { text: canonicalText(text), encoding: utf16 };
  }
  assertNotBinary(fileName, bytes);
  try {
    // ignoreBOM keeps a UTF-8 BOM in the string; canonicalText is the one place that drops it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: canonicalText(text), encoding: 'utf-8' };
  } catch {
    const encoding = guessSingleByteEncoding(bytes);
    return { text: canonicalText(iconv.decode(bytes, encoding)), encoding };
  }
}

/** Refuses bytes that hold a NUL or too many control characters to be text. */
export function assertNotBinary(fileName: string, bytes: Uint8Array): void {
  if (bytes.includes(0) || controlShare(bytes.subarray(0, SNIFF_LENGTH)) > MAX_CONTROL_SHARE) {
    throw binaryFile(fileName);
  }
}

/** 'utf-16le' / 'utf-16be' when the bytes open with a UTF-16 byte-order mark. */
export function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function emptyFile(fileName: string): GlossError {
  return new GlossError('empty_file', `${fileName} is empty: there is no text to import.`);
}

function decodeUtf16(fileName: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new GlossError('bad_file',
      `${fileName} starts with a UTF-16 byte-order mark but is not valid UTF-16. ` +
      'Open it in a text editor, save it as plain text (UTF-8) and import that.');
  }
}

function guessSingleByteEncoding(bytes: Uint8Array): string {
  for (const match of analyse(bytes.subarray(0, 64 * 1024))) {
    const name = match.name.toLowerCase();
    if (SINGLE_BYTE.has(name) && iconv.encodingExists(name)) return name;
  }
  return FALLBACK_ENCODING;
}

/** Share of control characters other than tab, LF, CR and form feed. */
function controlShare(codes: ArrayLike<number>): number {
  if (codes.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls / codes.length;
}

function charCodes(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

function binaryFile(fileName: string): GlossError {
  return new GlossError('bad_file',
    `${fileName} looks like a binary file, not text. ` +
    'If it is a document, open it in the program that made it, save it as plain text (UTF-8) and import that.');
}
