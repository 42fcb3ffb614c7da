/**
 * The text of a REFI-QDA source file as the tool stored it: decoded, BOM removed, line ends
 * kept (positions may count CRLF as two; app/formats/refi/positions.ts decides).
 */
import iconv from 'iconv-lite';
import { assertNotBinary, decodeText, emptyFile, hasUtf8Bom, utf16ByteOrder } from '../decodeText.js';

export interface DecodedSource {
  raw: string;
  encoding: string;
  hadBom: boolean;
}

export function decodeSourceText(fileName: string, bytes: Uint8Array): DecodedSource {
  if (bytes.length === 0) throw emptyFile(fileName);
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return { raw: new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes), encoding: utf16, hadBom: true };
  assertNotBinary(fileName, bytes);
  const bom = hasUtf8Bom(bytes);
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8', hadBom: bom };
  } catch {
    // Not UTF-8 (the standard says it must be): read it as Gloss reads any legacy .txt file.
    const { encoding } = decodeText(fileName, bytes);
    return { raw: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding), encoding, hadBom: false };
  }
}
