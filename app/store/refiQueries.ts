/** Reads for REFI-QDA exchange (app/service/refi*.ts): whole-project listings and lookups. */
import type { CodingRow } from './codingQueries.js';
import type { Db } from './projectFile.js';

export type ExportCodingRow = CodingRow;

/** Every coding, by document, then range, then coder: the order selections are written in. */
export function listCodingsForExport(db: Db): ExportCodingRow[] {
  return db.prepare('SELECT * FROM codings ORDER BY document_id, start, end, coder_id, id').all() as ExportCodingRow[];
}

export interface ExportDocumentRow {
  id: number;
  uuid: string;
  title: string;
  text: string;
  source_name: string;
  format: string;
  imported_at: string;
  block_count: number;
}

export function listDocumentsForExport(db: Db): ExportDocumentRow[] {
  return db
    .prepare('SELECT id, uuid, title, text, source_name, format, imported_at, block_count FROM documents ORDER BY title COLLATE NOCASE, id')
    .all() as ExportDocumentRow[];
}

const UUID_TABLES = new Set(['coders', 'documents', 'codes', 'codings', 'memos', 'attributes']);

/** The uuids a table holds (for GUIDs an import wants to keep). */
export function uuidsOf(db: Db, table: 'coders' | 'documents' | 'codes' | 'codings' | 'memos' | 'attributes'): Set<string> {
  if (!UUID_TABLES.has(table)) throw new Error(`bad table ${table}`);
  return new Set(db.prepare(`SELECT uuid FROM ${table}`).pluck().all() as string[]);
}

export interface DocumentIdentityRow {
  id: number;
  uuid: string;
  title: string;
  sha256: string;
  length: number;
}

export function listDocumentIdentities(db: Db): DocumentIdentityRow[] {
  return db.prepare('SELECT id, uuid, title, sha256, length FROM documents').all() as DocumentIdentityRow[];
}

export function documentTextById(db: Db, id: number): string {
  return db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string;
}

export interface CodingKeyRow {
  code_id: number;
  coder_id: number;
  start: number;
  end: number;
}

/** What identifies a coding's place: to skip codings a merge would add twice. */
export function codingKeysOfDocument(db: Db, documentId: number): CodingKeyRow[] {
  return db.prepare('SELECT code_id, coder_id, start, end FROM codings WHERE document_id = ?').all(documentId) as CodingKeyRow[];
}

/** Whether the project holds anything a user made (an import into it is a merge). */
export function projectHasContent(db: Db): boolean {
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM codes) OR EXISTS (SELECT 1 FROM codings)
             OR EXISTS (SELECT 1 FROM memos) OR EXISTS (SELECT 1 FROM attributes)`,
      )
      .pluck()
      .get() as number
  ) === 1;
}
