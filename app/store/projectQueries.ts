import type { Db } from './projectFile.js';

export interface ProjectRow {
  id: number;
  uuid: string;
  name: string;
  created_at: string;
}

export function getProjectRow(db: Db): ProjectRow | undefined {
  return db.prepare('SELECT * FROM project WHERE id = 1').get() as ProjectRow | undefined;
}

/** The project's counts; codings and coders without `excludedCoderId`'s (the consensus coder, see app/service/countedCoders.ts). */
export function projectCounts(db: Db, excludedCoderId: number | null): { documents: number; codes: number; codings: number; coders: number; memos: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM codes) AS codes,
              (SELECT count(*) FROM codings WHERE @excluded IS NULL OR coder_id IS NOT @excluded) AS codings,
              (SELECT count(*) FROM coders WHERE @excluded IS NULL OR id IS NOT @excluded) AS coders,
              (SELECT count(*) FROM memos) AS memos`,
    )
    .get({ excluded: excludedCoderId }) as { documents: number; codes: number; codings: number; coders: number; memos: number };
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function insertProjectRow(db: Db, project: { uuid: string; name: string; createdAt: string }): void {
  db.prepare('INSERT INTO project (id, uuid, name, created_at) VALUES (1, ?, ?, ?)').run(project.uuid, project.name, project.createdAt);
}
