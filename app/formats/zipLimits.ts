/**
 * Reads a ZIP archive's central directory (without inflating anything) to refuse archives that
 * are not ZIPs at all, or that would unpack into more entries or bytes than a document holds:
 * a "zip bomb" must be stopped before a library inflates it in memory.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export type ZipCheck =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; reason: string };

export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end === undefined) return { ok: false, reason: 'it is not a ZIP archive' };
  const declaredEntries = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (declaredEntries > limits.maxEntries) {
    return { ok: false, reason: `it holds ${declaredEntries} files, more than the ${limits.maxEntries} a document may` };
  }

  let entries = 0;
  let uncompressedBytes = 0;
  // ZIP64 archives mark the real values elsewhere with 0xFFFF / 0xFFFFFFFF; a document never
  // needs them, so such an offset simply fails the bounds check below.
  for (let at = directoryOffset; entries < declaredEntries; entries++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) {
      return { ok: false, reason: 'its table of contents is damaged' };
    }
    uncompressedBytes += view.getUint32(at + 24, true);
    if (uncompressedBytes > limits.maxUncompressedBytes) {
      return { ok: false, reason: `it would unpack to more than ${Math.round(limits.maxUncompressedBytes / 2 ** 20)} MB` };
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries, uncompressedBytes };
}

/** Offset of the end-of-central-directory record, searched backwards past a possible comment. */
function findEndRecord(view: DataView): number | undefined {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - END_RECORD_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return undefined;
}
