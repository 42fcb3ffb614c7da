import type { Db } from './projectFile.js';

export interface CoderRow {
  id: number;
  uuid: string;
  name: string;
  created_at: string;
}

export function findCoderByName(db: Db, name: string): CoderRow | undefined {
  return db.prepare('SELECT * FROM coders WHERE name = ? COLLATE NOCASE').get(name) as CoderRow | undefined;
}

export function getCoderRow(db: Db, id: number): CoderRow {
  return db.prepare('SELECT * FROM coders WHERE id = ?').get(id) as CoderRow;
}

export function listCoders(db: Db): (CoderRow & { coding_count: number })[] {
  return db
    .prepare(
      `SELECT c.*, (SELECT count(*) FROM codings k WHERE k.coder_id = c.id) AS coding_count
       FROM coders c ORDER BY c.name COLLATE NOCASE`,
    )
    .all() as (CoderRow & { coding_count: number })[];
}
