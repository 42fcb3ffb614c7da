import type { Db } from './projectFile.js';

export interface CodeRow {
  id: number;
  uuid: string;
  parent_id: number | null;
  name: string;
  color: string;
  description: string;
  definition: string;
  when_to_use: string;
  when_not_to_use: string;
  example: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export type CodeWithCountsRow = CodeRow & { segment_count: number; document_count: number };

/** Every code with the number of its own segments and of the documents they fall in. */
export function listCodesWithCounts(db: Db): CodeWithCountsRow[] {
  // Counted from the covering index codings_code (code_id, document_id), never the rows.
  return db
    .prepare(
      `SELECT c.*, ifnull(n.segment_count, 0) AS segment_count, ifnull(n.document_count, 0) AS document_count
       FROM codes c LEFT JOIN (
         SELECT code_id, count(*) AS segment_count, count(DISTINCT document_id) AS document_count
         FROM codings GROUP BY code_id
       ) n ON n.code_id = c.id
       ORDER BY c.position, c.name COLLATE NOCASE`,
    )
    .all() as CodeWithCountsRow[];
}

export function codeCounts(db: Db, codeId: number): { segment_count: number; document_count: number } {
  return db
    .prepare('SELECT count(*) AS segment_count, count(DISTINCT document_id) AS document_count FROM codings WHERE code_id = ?')
    .get(codeId) as { segment_count: number; document_count: number };
}

export function listCodes(db: Db): CodeRow[] {
  return db.prepare('SELECT * FROM codes ORDER BY position, name COLLATE NOCASE').all() as CodeRow[];
}

export function findChildCode(db: Db, parentId: number | null, name: string): CodeRow | undefined {
  return db
    .prepare('SELECT * FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE')
    .get(parentId ?? 0, name) as CodeRow | undefined;
}

export function findCodeByUuid(db: Db, uuid: string): CodeRow | undefined {
  return db.prepare('SELECT * FROM codes WHERE uuid = ?').get(uuid) as CodeRow | undefined;
}

export function getCodeRow(db: Db, id: number): CodeRow {
  return db.prepare('SELECT * FROM codes WHERE id = ?').get(id) as CodeRow;
}

export function countCodes(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
}

export function nextCodePosition(db: Db, parentId: number | null): number {
  const row = db.prepare('SELECT max(position) AS p FROM codes WHERE ifnull(parent_id, 0) = ?').get(parentId ?? 0) as { p: number | null };
  return (row.p ?? -1) + 1;
}

export function childCodeIds(db: Db, parentId: number): number[] {
  return (db.prepare('SELECT id FROM codes WHERE parent_id = ?').all(parentId) as { id: number }[]).map((row) => row.id);
}
