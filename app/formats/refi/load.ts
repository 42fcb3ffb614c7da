/**
 * Opening a .qdpx, .qde or .qdc file: the archive (if any) within its bounds, the XML without
 * a DOCTYPE, the model, and the text of every text source and note that the file carries.
 * Nothing here touches a project: app/service/refiImport.ts decides what to do with it.
 */
import { GlossError } from '../../domain/errors.js';
import { parseDocx } from '../docx.js';
import type { Block } from '../../domain/blocks.js';
import type { RefiCodebook, RefiNote, RefiProject, RefiTextSource } from './model.js';
import { readRefiDocument } from './readProject.js';
import { decodeSourceText } from './sourceText.js';
import { decodeXml, parseXml } from './xmlReader.js';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipReadLimits } from './zipReader.js';

export interface SourceTextFound {
  ok: true;
  /** As stored: BOM removed, line ends kept. */
  raw: string;
  format: 'txt' | 'docx';
  encoding: string | null;
  /** Where it came from, e.g. "sources/AB12….txt" or "PlainTextContent". */
  from: string;
  /** Blocks of the canonical text when Gloss's DOCX importer made it. */
  blocks?: Block[];
}

export type SourceTextResult = SourceTextFound | { ok: false; reason: string; path?: string };

export type LoadedRefi =
  | { kind: 'project'; project: RefiProject; texts: Map<RefiTextSource, SourceTextResult>; noteTexts: Map<RefiNote, string>; container: 'qdpx' | 'qde' }
  | { kind: 'codebook'; codebook: RefiCodebook };

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

export async function loadRefi(fileName: string, bytes: Uint8Array, limits: ZipReadLimits = DEFAULT_ZIP_LIMITS): Promise<LoadedRefi> {
  if (bytes.length === 0) throw new GlossError('empty_file', `${fileName} is empty (0 bytes). Export it again from the program that made it.`);
  if (!isZip(bytes)) {
    const document = readRefiDocument(fileName, parseXml(fileName, decodeXml(fileName, bytes)));
    if (document.kind === 'codebook') return document;
    const texts = new Map<RefiTextSource, SourceTextResult>();
    for (const source of document.project.sources) {
      texts.set(source, source.plainTextContent !== undefined
        ? { ok: true, raw: source.plainTextContent, format: 'txt', encoding: null, from: 'PlainTextContent' }
        : { ok: false, reason: 'its text is not in the file: a bare .qde holds no source files (they travel in a .qdpx archive)', path: source.plainTextPath ?? source.richTextPath ?? 'no path given' });
    }
    const noteTexts = new Map<RefiNote, string>();
    for (const note of document.project.notes) if (note.plainTextContent !== undefined) noteTexts.set(note, note.plainTextContent);
    return { kind: 'project', project: document.project, texts, noteTexts, container: 'qde' };
  }

  const archive = await openZip(fileName, bytes, limits);
  const rootQde = archive.entries.filter((entry) => !entry.path.includes('/') && /\.qde$/i.test(entry.path));
  const qde = archive.find('project.qde') ?? (rootQde.length === 1 ? rootQde[0] : undefined);
  if (!qde) {
    throw new GlossError('bad_file', `${fileName} holds no project.qde, so it is not a REFI-QDA project (a .qdpx archive has project.qde at its root). Nothing was imported.`);
  }
  const document = readRefiDocument(`${fileName}: ${qde.path}`, parseXml(`${fileName}: ${qde.path}`, decodeXml(`${fileName}: ${qde.path}`, await archive.read(qde))));
  if (document.kind !== 'project') throw new GlossError('bad_file', `${fileName}: ${qde.path} holds a codebook, not a project. Import a codebook as a .qdc file.`);
  const project = document.project;

  const cache = new Map<string, Uint8Array>();
  const readEntry = async (path: string): Promise<{ path: string; bytes: Uint8Array } | undefined> => {
    const entry = findInternal(archive, path);
    if (!entry) return undefined;
    let data = cache.get(entry.path);
    if (!data) {
      data = await archive.read(entry);
      cache.set(entry.path, data);
    }
    return { path: entry.path, bytes: data };
  };

  const texts = new Map<RefiTextSource, SourceTextResult>();
  for (const source of project.sources) texts.set(source, await sourceText(fileName, source, readEntry));
  const noteTexts = new Map<RefiNote, string>();
  for (const note of project.notes) {
    if (note.plainTextContent !== undefined) {
      noteTexts.set(note, note.plainTextContent);
    } else if (note.plainTextPath !== undefined && internalPath(note.plainTextPath) !== undefined) {
      const found = await readEntry(internalPath(note.plainTextPath)!);
      if (found) noteTexts.set(note, decodeSourceText(found.path, found.bytes).raw.replace(/\r\n?/g, '\n'));
    }
  }
  cache.clear();
  return { kind: 'project', project, texts, noteTexts, container: 'qdpx' };
}

/**
 * The file name inside the archive's sources folder for `internal://name`, or a path without
 * a scheme (qc writes plain file names); undefined for `relative://` and `absolute://` files,
 * which live outside the archive.
 */
export function internalPath(path: string): string | undefined {
  const match = /^([a-z]+):\/\/(.*)$/i.exec(path.trim());
  if (!match) return path.trim();
  return match[1]!.toLowerCase() === 'internal' ? match[2]! : undefined;
}

function findInternal(archive: ZipArchive, path: string): ReturnType<ZipArchive['find']> {
  const name = path.replace(/^\/+/, '');
  return archive.find(`sources/${name}`) ?? archive.find(name);
}

async function sourceText(
  fileName: string,
  source: RefiTextSource,
  readEntry: (path: string) => Promise<{ path: string; bytes: Uint8Array } | undefined>,
): Promise<SourceTextResult> {
  if (source.plainTextContent !== undefined) return { ok: true, raw: source.plainTextContent, format: 'txt', encoding: null, from: 'PlainTextContent' };
  const problems: string[] = [];
  if (source.plainTextPath !== undefined) {
    const inside = internalPath(source.plainTextPath);
    if (inside === undefined) {
      return { ok: false, reason: 'its text is an external file, outside the archive (Gloss never follows paths out of an archive)', path: source.plainTextPath };
    } else {
      const found = await readEntry(inside);
      if (found) {
        const decoded = decodeSourceText(`${fileName}: ${found.path}`, found.bytes);
        return { ok: true, raw: decoded.raw, format: 'txt', encoding: decoded.encoding, from: found.path };
      }
      problems.push(source.plainTextPath);
    }
  }
  if (source.richTextPath !== undefined && /\.docx$/i.test(source.richTextPath)) {
    const inside = internalPath(source.richTextPath);
    const found = inside === undefined ? undefined : await readEntry(inside);
    if (found) {
      const parsed = await parseDocx(`${fileName}: ${found.path}`, found.bytes);
      return { ok: true, raw: parsed.text, format: 'docx', encoding: null, from: found.path, blocks: parsed.blocks };
    }
    problems.push(source.richTextPath);
  }
  if (problems.length === 0) return { ok: false, reason: 'it names no text (neither plainTextPath nor PlainTextContent)' };
  return { ok: false, reason: 'its text file is not in the archive', path: problems.join(', ') };
}
