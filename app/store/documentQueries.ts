import type { Db } from './projectFile.js';

export interface DocumentRow {
  id: number;
  uuid: string;
  title: string;
  text: string;
  length: number;
  block_count: number;
  blocks: string;
  sha256: string;
  source_name: string;
  format: string;
  encoding: string | null;
  imported_at: string;
}

export type DocumentListRow = Omit<DocumentRow, 'text' | 'blocks'> & { coding_count: number };

export function findDocumentBySha(db: Db, sha256: string): Pick<DocumentRow, 'id' | 'uuid' | 'title'> | undefined {
  return db.prepare('SELECT id, uuid, title FROM documents WHERE sha256 = ?').get(sha256) as Pick<DocumentRow, 'id' | 'uuid' | 'title'> | undefined;
}

export function documentTitleTaken(db: Db, title: string): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE title = ? COLLATE NOCASE').get(title) !== undefined;
}

/** `coding_count` leaves out @excluded's codings (the consensus coder, see app/service/countedCoders.ts). */
const LIST_COLUMNS = `d.id, d.uuid, d.title, d.length, d.block_count, d.sha256, d.source_name, d.format, d.encoding, d.imported_at,
  (SELECT count(*) FROM codings c WHERE c.document_id = d.id AND (@excluded IS NULL OR c.coder_id IS NOT @excluded)) AS coding_count`;

export function listDocuments(db: Db, excludedCoderId: number | null = null): DocumentListRow[] {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM documents d ORDER BY d.title COLLATE NOCASE`).all({ excluded: excludedCoderId }) as DocumentListRow[];
}

export function getDocumentListRow(db: Db, uuid: string, excludedCoderId: number | null = null): DocumentListRow | undefined {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM documents d WHERE d.uuid = @uuid`).get({ uuid, excluded: excludedCoderId }) as DocumentListRow | undefined;
}

export function getDocumentRow(db: Db, id: number): DocumentRow {
  return db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow;
}

/** Documents a user's reference may mean: a uuid, a uuid prefix, or a title (any case). */
export function findDocumentsByReference(db: Db, reference: string): Pick<DocumentRow, 'id' | 'uuid' | 'title'>[] {
  const exact = db
    .prepare('SELECT id, uuid, title FROM documents WHERE uuid = ? OR title = ? COLLATE NOCASE')
    .all(reference, reference) as Pick<DocumentRow, 'id' | 'uuid' | 'title'>[];
  if (exact.length > 0 || reference.length < 4 || !/^[0-9a-f-]+$/i.test(reference)) return exact;
  return db
    .prepare("SELECT id, uuid, title FROM documents WHERE uuid LIKE ? || '%'")
    .all(reference.toLowerCase()) as Pick<DocumentRow, 'id' | 'uuid' | 'title'>[];
}

export function attributeValueIdsOfDocument(db: Db, documentId: number): number[] {
  return (db.prepare('SELECT id FROM document_attributes WHERE document_id = ?').all(documentId) as { id: number }[]).map((row) => row.id);
}
