import type { Db } from './projectFile.js';

export interface MemoRow {
  id: number;
  uuid: string;
  document_id: number | null;
  code_id: number | null;
  coding_id: number | null;
  coder_id: number | null;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export function findCodingMemo(db: Db, codingId: number): MemoRow | undefined {
  return db.prepare('SELECT * FROM memos WHERE coding_id = ?').get(codingId) as MemoRow | undefined;
}

export function findMemoByUuid(db: Db, uuid: string): MemoRow | undefined {
  return db.prepare('SELECT * FROM memos WHERE uuid = ?').get(uuid) as MemoRow | undefined;
}

export function memoIdsOn(db: Db, column: 'document_id' | 'code_id' | 'coding_id', id: number): number[] {
  return (db.prepare(`SELECT id FROM memos WHERE ${column} = ?`).all(id) as { id: number }[]).map((row) => row.id);
}

export type MemoTargetColumn = 'document_id' | 'code_id' | 'coding_id';

/**
 * The memo a target already has under this title, if any: the most recently edited, as the
 * memo list orders them (a project written before one memo per target may hold several).
 * `target` null is the project itself.
 */
export function findTargetMemo(db: Db, target: { column: MemoTargetColumn; id: number } | null, title: string): MemoRow | undefined {
  const where = target
    ? `${target.column} = @id`
    : 'document_id IS NULL AND code_id IS NULL AND coding_id IS NULL';
  return db
    .prepare(`SELECT * FROM memos WHERE ${where} AND title = @title ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .get({ id: target?.id ?? null, title }) as MemoRow | undefined;
}

export type MemoListRow = MemoRow & {
  document_uuid: string | null;
  document_title: string | null;
  code_uuid: string | null;
  coding_uuid: string | null;
  coder_name: string | null;
};

export function listMemos(db: Db): MemoListRow[] {
  return db
    .prepare(
      `SELECT m.*, d.uuid AS document_uuid, d.title AS document_title, c.uuid AS code_uuid,
              k.uuid AS coding_uuid, r.name AS coder_name
       FROM memos m
       LEFT JOIN documents d ON d.id = m.document_id
       LEFT JOIN codes c ON c.id = m.code_id
       LEFT JOIN codings k ON k.id = m.coding_id
       LEFT JOIN coders r ON r.id = m.coder_id
       ORDER BY m.updated_at DESC, m.id DESC`,
    )
    .all() as MemoListRow[];
}
