import type { Db } from './projectFile.js';

/** What tells two project files apart: the project's uuid (copies share it) and its newest event. */
export interface ProjectIdentity {
  uuid: string | null;
  newestEvent: { id: number; at: string } | null;
}

export function projectIdentity(db: Db): ProjectIdentity {
  const project = db.prepare('SELECT uuid FROM project WHERE id = 1').get() as { uuid: string } | undefined;
  const event = db.prepare('SELECT id, at FROM events ORDER BY id DESC LIMIT 1').get() as { id: number; at: string } | undefined;
  return { uuid: project?.uuid ?? null, newestEvent: event ?? null };
}

/** Whether this project's history holds the event `id` made at `at` (the log is append-only). */
export function hasEvent(db: Db, event: { id: number; at: string }): boolean {
  return db.prepare('SELECT 1 FROM events WHERE id = ? AND at = ?').get(event.id, event.at) !== undefined;
}
