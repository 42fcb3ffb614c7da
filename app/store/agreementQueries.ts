/** The reads behind inter-coder agreement and the list of disagreements. */
import type { Db } from './projectFile.js';

export interface AgreementDocumentRow {
  id: number;
  uuid: string;
  title: string;
  /** Length in code points. */
  length: number;
}

/** Every document's identity and length, by title (the columns before the text: the text is never read). */
export function agreementDocuments(db: Db): AgreementDocumentRow[] {
  return db.prepare('SELECT id, uuid, title, length FROM documents ORDER BY title COLLATE NOCASE, id').all() as AgreementDocumentRow[];
}

/**
 * For each document any of `coderIds` coded, which of them did (any code). One EXISTS probe per
 * document and coder on the covering index codings_document_range stops at the first coding
 * found: a few milliseconds where a DISTINCT over 200,000 codings takes 200.
 */
export function codersByDocument(db: Db, coderIds: readonly number[]): Map<number, Set<number>> {
  const rows = db
    .prepare(
      `SELECT d.id, r.value FROM documents d, json_each(?) r
       WHERE EXISTS (SELECT 1 FROM codings k WHERE k.document_id = d.id AND k.coder_id = r.value)`,
    )
    .raw()
    .all(JSON.stringify(coderIds)) as [number, number][];
  const result = new Map<number, Set<number>>();
  for (const [document, coder] of rows) {
    const set = result.get(document);
    if (set) set.add(coder);
    else result.set(document, new Set([coder]));
  }
  return result;
}

export interface AgreementFilter {
  coderIds: readonly number[];
  /** Only these codes; all when absent. */
  codeIds?: readonly number[];
  /** Only these documents; all when absent. */
  documentIds?: readonly number[];
}

/** One document's codings as parallel columns. */
export interface DocumentCodings {
  document: number;
  codes: number[];
  coders: number[];
  starts: number[];
  ends: number[];
}

function where(filter: AgreementFilter): { sql: string; params: Record<string, string> } {
  const clauses = ['coder_id IN (SELECT value FROM json_each(@coders))'];
  const params: Record<string, string> = { coders: JSON.stringify(filter.coderIds) };
  if (filter.codeIds) {
    clauses.push('code_id IN (SELECT value FROM json_each(@codes))');
    params.codes = JSON.stringify(filter.codeIds);
  }
  if (filter.documentIds) {
    clauses.push('document_id IN (SELECT value FROM json_each(@documents))');
    params.documents = JSON.stringify(filter.documentIds);
  }
  return { sql: clauses.join(' AND '), params };
}

/**
 * The chosen coders' codings (range, code, coder), by document. SQLite builds one JSON array per
 * document and column from the covering index codings_document_range, which reads no quotes and
 * is several times faster than fetching 200,000 rows one at a time. Left to itself the planner
 * picks codings_coder for the coder filter and then reads every row: five times slower, hence
 * INDEXED BY.
 */
export function agreementCodings(db: Db, filter: AgreementFilter): Map<number, DocumentCodings> {
  const { sql, params } = where(filter);
  const rows = db
    .prepare(
      `SELECT document_id, json_group_array(code_id), json_group_array(coder_id), json_group_array(start), json_group_array(end)
       FROM codings INDEXED BY codings_document_range WHERE ${sql} GROUP BY document_id`,
    )
    .raw()
    .all(params) as [number, string, string, string, string][];
  const result = new Map<number, DocumentCodings>();
  for (const [document, codes, coders, starts, ends] of rows) {
    result.set(document, {
      document,
      codes: JSON.parse(codes) as number[],
      coders: JSON.parse(coders) as number[],
      starts: JSON.parse(starts) as number[],
      ends: JSON.parse(ends) as number[],
    });
  }
  return result;
}

/** A coding's place, without its quote: [id, uuid, document, code, coder, start, end]. */
export type DisagreementSpanRow = [id: number, uuid: string, document: number, code: number, coder: number, start: number, end: number];

/** The same codings with their ids, by document then start, from the covering index alone. */
export function disagreementSpans(db: Db, filter: AgreementFilter): DisagreementSpanRow[] {
  const { sql, params } = where(filter);
  return db
    .prepare(`SELECT id, uuid, document_id, code_id, coder_id, start, end FROM codings INDEXED BY codings_document_range WHERE ${sql} ORDER BY document_id, start, end`)
    .raw()
    .all(params) as DisagreementSpanRow[];
}

/** The quotes of the given codings: only those a list shows are read (they are most of the table's bytes). */
export function codingQuotes(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db.prepare('SELECT id, quote FROM codings WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [number, string][];
  return new Map(rows);
}
