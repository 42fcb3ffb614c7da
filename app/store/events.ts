import type { Change } from './recorder.js';
import type { Db } from './projectFile.js';

export type EventKind = 'do' | 'undo' | 'redo';

export interface EventRecord {
  id: number;
  at: string;
  kind: EventKind;
  operation: string;
  summary: string;
  coderId: number | null;
  reverts: number | null;
  changes: Change[];
}

interface EventRow {
  id: number;
  at: string;
  kind: EventKind;
  operation: string;
  summary: string;
  coder_id: number | null;
  reverts: number | null;
  changes: string;
}

function fromRow(row: EventRow): EventRecord {
  return {
    id: row.id,
    at: row.at,
    kind: row.kind,
    operation: row.operation,
    summary: row.summary,
    coderId: row.coder_id,
    reverts: row.reverts,
    changes: JSON.parse(row.changes) as Change[],
  };
}

export function appendEvent(db: Db, event: Omit<EventRecord, 'id'>): number {
  const result = db
    .prepare('INSERT INTO events (at, kind, operation, summary, coder_id, reverts, changes) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(event.at, event.kind, event.operation, event.summary, event.coderId, event.reverts, JSON.stringify(event.changes));
  return Number(result.lastInsertRowid);
}

export function getEvent(db: Db, id: number): EventRecord {
  return fromRow(db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow);
}

/** Newest first, without their changes (they can be large). */
function* eventsNewestFirst(db: Db): Generator<{ id: number; kind: EventKind }> {
  yield* db.prepare('SELECT id, kind FROM events ORDER BY id DESC').iterate() as Iterable<{ id: number; kind: EventKind }>;
}

/**
 * The event an undo should revert. The log is append-only, so the undo stack is derived from
 * it: walking back from the newest event, each 'undo' cancels the next effective event below.
 */
export function findUndoTarget(db: Db): number | null {
  let cancelled = 0;
  for (const event of eventsNewestFirst(db)) {
    if (event.kind === 'undo') cancelled++;
    else if (cancelled > 0) cancelled--;
    else return event.id;
  }
  return null;
}

/**
 * The 'undo' event a redo should revert: the newest undo not yet redone, as long as no new
 * action ('do') has happened since, which clears the redo stack as in every editor.
 */
export function findRedoTarget(db: Db): number | null {
  let redone = 0;
  for (const event of eventsNewestFirst(db)) {
    if (event.kind === 'do') return null;
    if (event.kind === 'redo') redone++;
    else if (redone > 0) redone--;
    else return event.id;
  }
  return null;
}

export interface EventSummary {
  id: number;
  at: string;
  kind: EventKind;
  operation: string;
  summary: string;
  coder: string | null;
  reverts: number | null;
}

export function listEvents(db: Db, limit: number): EventSummary[] {
  return db
    .prepare(
      `SELECT e.id, e.at, e.kind, e.operation, e.summary, c.name AS coder, e.reverts
       FROM events e LEFT JOIN coders c ON c.id = e.coder_id ORDER BY e.id DESC LIMIT ?`,
    )
    .all(limit) as EventSummary[];
}
