/**
 * Reading a REFI-QDA archive (.qdpx, a ZIP) defensively. The archive is untrusted:
 *
 * - every entry's path is checked before anything is read: no `..` segment, no absolute path,
 *   no drive letter, no backslash tricks; a path that would lead out of the archive refuses the
 *   whole archive;
 * - the number of entries is bounded (from the end record, and again while listing them);
 * - inflated bytes are counted while inflating, never trusting the sizes the headers declare:
 *   per entry, in total, and against the compressed size (a ratio only a "zip bomb" reaches).
 *   Reading stops at the first byte past a bound.
 *
 * Entries are inflated only when asked for, so files an import does not need (say the .docx
 * beside each .txt) are never inflated at all.
 */
import yauzl from 'yauzl';
import { GlossError } from '../../domain/errors.js';

export interface ZipReadLimits {
  /** Entries the archive may list. */
  maxEntries: number;
  /** Bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Bytes all entries read from one archive may inflate to, together. */
  maxTotalBytes: number;
  /** Inflated / compressed size past which an entry counts as a zip bomb… */
  maxRatio: number;
  /** …once it has inflated to more than this many bytes (small files compress oddly). */
  ratioGraceBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipReadLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 1024 * 2 ** 20,
  maxTotalBytes: 2 * 2 ** 30,
  // Text deflates 3–10 times; deflate cannot do better than about 1,030 times.
  maxRatio: 200,
  ratioGraceBytes: 16 * 2 ** 20,
};

export interface ZipEntryInfo {
  /** The path inside the archive, "/"-separated, as the archive spells it. */
  path: string;
  compressedSize: number;
  /** What the header declares: used for nothing but reports. */
  declaredSize: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  /** Entry by exact path, else by path ignoring case (NVivo writes `Sources/`). */
  find(path: string): ZipEntryInfo | undefined;
  /** Inflate one entry, within the limits. */
  read(entry: ZipEntryInfo): Promise<Uint8Array>;
  /** Bytes inflated so far. */
  readonly inflatedBytes: number;
}

function hostile(archiveName: string, detail: string): GlossError {
  return new GlossError('bad_file', `${archiveName} was refused: ${detail}. Nothing was imported.`);
}

/**
 * Why an entry path is unsafe, or null. A path is safe when, read as a relative path inside the
 * archive, it cannot name anything outside it.
 */
export function unsafeEntryPath(path: string): string | null {
  if (path.length === 0) return 'an entry has an empty name';
  if (path.includes('\0')) return `the entry "${printable(path)}" has a NUL character in its name`;
  if (path.includes('\\')) return `the entry "${printable(path)}" has a backslash in its path`;
  if (path.startsWith('/')) return `the entry "${printable(path)}" has an absolute path`;
  if (/^[a-zA-Z]:/.test(path)) return `the entry "${printable(path)}" starts with a drive letter`;
  if (path.split('/').some((segment) => segment === '..')) return `the entry "${printable(path)}" has a ".." in its path, which would lead out of the archive`;
  return null;
}

function printable(text: string): string {
  const shown = text.replace(/\p{Cc}/gu, '?');
  return shown.length > 120 ? `${shown.slice(0, 119)}…` : shown;
}

export async function openZip(archiveName: string, bytes: Uint8Array, limits: ZipReadLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    throw new GlossError('bad_file', `${archiveName} is not a readable ZIP archive (${messageOf(error)}). A .qdpx file is a ZIP; export it again from the program that made it.`);
  }
  if (zipfile.entryCount > limits.maxEntries) {
    throw hostile(archiveName, `it lists ${zipfile.entryCount.toLocaleString('en')} entries, more than the ${limits.maxEntries.toLocaleString('en')} a project may hold`);
  }

  const entries: ZipEntryInfo[] = [];
  const raw = new Map<ZipEntryInfo, yauzl.Entry>();
  try {
    for await (const entry of zipfile.eachEntry()) {
      if (entries.length >= limits.maxEntries) {
        throw hostile(archiveName, `it holds more than the ${limits.maxEntries.toLocaleString('en')} entries a project may hold`);
      }
      const nameBytes = entry.fileName as unknown as Buffer;
      const path = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, nameBytes, entry.extraFields, false);
      const unsafe = unsafeEntryPath(path);
      if (unsafe) throw hostile(archiveName, unsafe);
      const info = { path, compressedSize: entry.compressedSize, declaredSize: entry.uncompressedSize };
      entries.push(info);
      raw.set(info, entry);
    }
  } catch (error) {
    if (error instanceof GlossError) throw error;
    throw new GlossError('bad_file', `${archiveName} is damaged: ${messageOf(error)}. Export it again from the program that made it.`);
  }

  const byPath = new Map<string, ZipEntryInfo>();
  const byLowerPath = new Map<string, ZipEntryInfo>();
  for (const entry of entries) {
    if (!byPath.has(entry.path)) byPath.set(entry.path, entry);
    const lower = entry.path.toLowerCase();
    if (!byLowerPath.has(lower)) byLowerPath.set(lower, entry);
  }

  let inflated = 0;
  return {
    entries,
    find: (path) => byPath.get(path) ?? byLowerPath.get(path.toLowerCase()),
    get inflatedBytes() {
      return inflated;
    },
    read: async (info) => {
      const entry = raw.get(info);
      if (!entry) throw new Error(`${info.path} is not an entry of ${archiveName}`);
      if (entry.isEncrypted()) throw new GlossError('bad_file', `${archiveName}: the entry "${printable(info.path)}" is encrypted; Gloss cannot read it.`);
      if (!entry.canDecodeFileData()) {
        throw new GlossError('bad_file', `${archiveName}: the entry "${printable(info.path)}" uses a compression method Gloss cannot read (${entry.compressionMethod}). Export the project again.`);
      }
      let stream;
      try {
        stream = await zipfile.openReadStreamPromise(entry);
      } catch (error) {
        throw new GlossError('bad_file', `${archiveName} is damaged at "${printable(info.path)}": ${messageOf(error)}.`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          inflated += chunk.length;
          const problem =
            size > limits.maxEntryBytes ? `the entry "${printable(info.path)}" inflates to more than ${formatBytes(limits.maxEntryBytes)}` :
            inflated > limits.maxTotalBytes ? `its entries inflate to more than ${formatBytes(limits.maxTotalBytes)} in total` :
            size > limits.ratioGraceBytes && size > limits.maxRatio * Math.max(1, info.compressedSize)
              ? `the entry "${printable(info.path)}" inflates more than ${limits.maxRatio} times its compressed size (a "zip bomb")`
              : null;
          if (problem) {
            stream.destroy();
            throw hostile(archiveName, problem);
          }
          chunks.push(chunk);
        }
      } catch (error) {
        if (error instanceof GlossError) throw error;
        // yauzl checks the declared size and the CRC while inflating.
        throw new GlossError('bad_file', `${archiveName} is damaged at "${printable(info.path)}": ${messageOf(error)}. Export it again from the program that made it.`);
      }
      const joined = Buffer.concat(chunks, size);
      return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
    },
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${+(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${+(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
