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

/**
 * Codings per code and document, leaving out one coder's (the consensus coder, when "all
 * coders" are counted): what the codebook's counts and totals are summed from. Read from the
 * covering index codings_code (code_id, document_id) where no coder is left out.
 */
export function codingCountsByCodeAndDocument(db: Db, excludedCoderId: number | null, codeIds?: readonly number[]): [codeId: number, documentId: number, codings: number][] {
  const where = [
    ...(excludedCoderId !== null ? ['coder_id IS NOT @excluded'] : []),
    ...(codeIds !== undefined ? ['code_id IN (SELECT value FROM json_each(@codeIds))'] : []),
  ];
  return db
    .prepare(`SELECT code_id, document_id, count(*) FROM codings ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY code_id, document_id`)
    .raw()
    .all({ ...(excludedCoderId !== null ? { excluded: excludedCoderId } : {}), ...(codeIds !== undefined ? { codeIds: JSON.stringify(codeIds) } : {}) }) as [number, number, number][];
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

/** The memos on each code, oldest first: for the codebook CSV. */
export function codeMemoBodies(db: Db): Map<number, string[]> {
  const rows = db.prepare('SELECT code_id, body FROM memos WHERE code_id IS NOT NULL ORDER BY created_at, id').raw().all() as [number, string][];
  const byCode = new Map<number, string[]>();
  for (const [codeId, body] of rows) {
    const bodies = byCode.get(codeId);
    if (bodies) bodies.push(body);
    else byCode.set(codeId, [body]);
  }
  return byCode;
}
