/** The reads behind the code × document and co-occurrence matrices. */
import { isSorted, type DocumentSegments } from '../domain/matrix.js';
import type { Db } from './projectFile.js';

/**
 * Every coding (of one coder, if given; without one left-out coder's, if given), grouped by document and sorted by start then end, in
 * the column-wise shape app/domain/matrix.ts reads. SQLite builds one JSON array per document
 * and column from the covering index codings_document_range: three times faster than fetching
 * 200,000 rows one by one, which is most of what a matrix costs. Without `withIds`, `refs` is
 * empty.
 */
export function analysisSegments(db: Db, options: { coderId?: number; excludedCoderId?: number | null; withIds: boolean }): Map<number, DocumentSegments<string>> {
  const coderId = options.coderId;
  const rows = db
    .prepare(
      `SELECT document_id, ${options.withIds ? 'json_group_array(uuid)' : "'[]'"}, json_group_array(code_id), json_group_array(start), json_group_array(end)
       FROM (SELECT uuid, document_id, code_id, start, end FROM codings
             WHERE (@coderId IS NULL OR coder_id = @coderId) AND (@excluded IS NULL OR coder_id IS NOT @excluded)
             ORDER BY document_id, start, end)
       GROUP BY document_id`,
    )
    .raw()
    .all({ coderId: coderId ?? null, excluded: options.excludedCoderId ?? null }) as [number, string, string, string, string][];
  const byDocument = new Map<number, DocumentSegments<string>>();
  for (const [document, refs, codes, starts, ends] of rows) {
    const segments: DocumentSegments<string> = {
      document,
      refs: JSON.parse(refs) as string[],
      codes: JSON.parse(codes) as number[],
      starts: JSON.parse(starts) as number[],
      ends: JSON.parse(ends) as number[],
    };
    // SQLite keeps the subquery's order in practice, but an aggregate's order is not promised.
    byDocument.set(document, isSorted(segments) ? segments : resort(segments));
  }
  return byDocument;
}

function resort(segments: DocumentSegments<string>): DocumentSegments<string> {
  const order = segments.starts.map((_, i) => i).sort((a, b) => segments.starts[a]! - segments.starts[b]! || segments.ends[a]! - segments.ends[b]!);
  return {
    document: segments.document,
    refs: segments.refs.length === 0 ? [] : order.map((i) => segments.refs[i]!),
    codes: order.map((i) => segments.codes[i]!),
    starts: order.map((i) => segments.starts[i]!),
    ends: order.map((i) => segments.ends[i]!),
  };
}

export interface DocumentMeasureRow {
  id: number;
  uuid: string;
  title: string;
  /** Length in code points. */
  characters: number;
  /** Tokens the search index counted in the text (see decodeFts5Varint); 0 if it has none. */
  words: number;
}

/**
 * A varint as FTS5 writes it (SQLite's format): big-endian groups of 7 bits, high bit set on all
 * but the last, and a ninth byte of 8 bits.
 */
export function decodeFts5Varint(bytes: Uint8Array, at = 0): number {
  let value = 0;
  for (let i = 0; i < 9 && at + i < bytes.length; i++) {
    const byte = bytes[at + i]!;
    if (i === 8) return value * 256 + byte;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return value;
  }
  return value;
}

/**
 * Every document's size in code points and in words (the columns before the text: reading them
 * does not walk the text's overflow pages). Words are the tokens FTS5's unicode61 tokenizer found when it indexed the text (runs of letters
 * and digits; combining accents belong to their letter; any other character separates), which it
 * keeps per document in the index's docsize table (one varint per indexed column): counting them
 * again would read 50 MB of text.
 */
export function documentMeasures(db: Db): DocumentMeasureRow[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.uuid, d.title, d.length, z.sz FROM documents d
       LEFT JOIN document_search_docsize z ON z.id = d.id
       ORDER BY d.title COLLATE NOCASE, d.id`,
    )
    .raw()
    .all() as [number, string, string, number, Uint8Array | null][];
  return rows.map(([id, uuid, title, characters, size]) => ({ id, uuid, title, characters, words: size ? decodeFts5Varint(size) : 0 }));
}

/** Documents' block structure (JSON, app/domain/blocks.ts), without their text. */
export function documentBlocks(db: Db): { id: number; blocks: string }[] {
  return db.prepare('SELECT id, blocks FROM documents').all() as { id: number; blocks: string }[];
}
