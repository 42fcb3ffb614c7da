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
  /**
   * The editing session this 'do' event belongs to (migration 0004), or null: consecutive 'do'
   * events with the same step are one undo step. Optional so older callers need not name it.
   */
  step?: string | null;
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
  step: string | null;
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
    step: row.step,
  };
}

export function appendEvent(db: Db, event: Omit<EventRecord, 'id'>): number {
  const result = db
    .prepare('INSERT INTO events (at, kind, operation, summary, coder_id, reverts, changes, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(event.at, event.kind, event.operation, event.summary, event.coderId, event.reverts, JSON.stringify(event.changes), event.step ?? null);
  return Number(result.lastInsertRowid);
}

export function getEvent(db: Db, id: number): EventRecord {
  return fromRow(db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow);
}

interface EventHead {
  id: number;
  kind: EventKind;
  step: string | null;
}

/** Newest first, without their changes (they can be large). */
function* eventsNewestFirst(db: Db): Generator<EventHead> {
  yield* db.prepare('SELECT id, kind, step FROM events ORDER BY id DESC').iterate() as Iterable<EventHead>;
}

/** One undo step: its events' ids, newest first. */
interface Unit {
  kind: EventKind;
  ids: number[];
}

/**
 * The log read newest first as undo steps: a run of consecutive 'do' events that carry the
 * same step is one unit (a memo typed in one sitting); every other event is a unit of its own.
 * An undo or a redo reverts a whole unit and is logged as one event, so it is a unit of one.
 */
function* unitsNewestFirst(db: Db): Generator<Unit> {
  let open: (Unit & { step: string | null }) | null = null;
  for (const event of eventsNewestFirst(db)) {
    if (open && event.kind === 'do' && open.kind === 'do' && open.step !== null && event.step === open.step) {
      open.ids.push(event.id);
      continue;
    }
    if (open) yield { kind: open.kind, ids: open.ids };
    open = { kind: event.kind, ids: [event.id], step: event.kind === 'do' ? event.step : null };
  }
  if (open) yield { kind: open.kind, ids: open.ids };
}

/**
 * The events an undo should revert, newest first (one, or a whole step). The log is
 * append-only, so the undo stack is derived from it: walking back from the newest unit, each
 * 'undo' cancels the next effective unit below.
 */
export function findUndoTarget(db: Db): number[] | null {
  let cancelled = 0;
  for (const unit of unitsNewestFirst(db)) {
    if (unit.kind === 'undo') cancelled++;
    else if (cancelled > 0) cancelled--;
    else return unit.ids;
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
