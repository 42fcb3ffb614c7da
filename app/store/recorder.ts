import type { Statement } from 'better-sqlite3';
import type { Db } from './projectFile.js';

/**
 * Every mutation in Gloss goes through a Recorder: it changes one row and remembers how, so
 * that the change can be written to the event log and later undone or redone. The tables it
 * may touch are listed here, each with `id INTEGER PRIMARY KEY`.
 */
export const RECORDED_TABLES = [
  'project',
  'coders',
  'documents',
  'attributes',
  'document_attributes',
  'codes',
  'codings',
  'memos',
  'review_settings',
  'review_decisions',
  'review_decision_codings',
  'review_comments',
] as const;
export type RecordedTable = (typeof RECORDED_TABLES)[number];

export type Row = Record<string, unknown> & { id: number };

export type Change =
  /**
   * A new row is logged by its key: it is in its table, and undo captures it whole when it
   * takes it out (so redo can put it back). `row` is present on inserts that undo/redo made.
   */
  | { op: 'insert'; table: RecordedTable; id: number; row?: Row }
  | { op: 'delete'; table: RecordedTable; id: number; row: Row }
  | { op: 'update'; table: RecordedTable; id: number; before: Record<string, unknown>; after: Record<string, unknown> };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function assertColumns(columns: string[]): void {
  for (const column of columns) if (!IDENTIFIER.test(column)) throw new Error(`bad column name ${column}`);
}

export class Recorder {
  readonly changes: Change[] = [];
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  insert(table: RecordedTable, values: Record<string, unknown>): Row {
    const row = insertRow(this.db, table, values);
    this.changes.push({ op: 'insert', table, id: row.id });
    return row;
  }

  update(table: RecordedTable, id: number, patch: Record<string, unknown>): void {
    const current = getRow(this.db, table, id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(patch)) {
      if (current[column] !== value) {
        before[column] = current[column];
        after[column] = value;
      }
    }
    if (Object.keys(after).length === 0) return;
    updateRow(this.db, table, id, after);
    this.changes.push({ op: 'update', table, id, before, after });
  }

  delete(table: RecordedTable, id: number): Row {
    const row = getRow(this.db, table, id);
    deleteRow(this.db, table, id);
    this.changes.push({ op: 'delete', table, id, row });
    return row;
  }
}

/**
 * Statements by SQL text, per connection: a batch (auto-coding, an import) records thousands of
 * rows, and preparing each statement anew cost more than running it.
 */
const statements = new WeakMap<Db, Map<string, Statement>>();

function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

function getRow(db: Db, table: RecordedTable, id: number): Row {
  const row = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw new Error(`${table} row ${id} is missing`);
  return row;
}

function insertRow(db: Db, table: RecordedTable, values: Record<string, unknown>): Row {
  const columns = Object.keys(values);
  assertColumns(columns);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) RETURNING *`;
  return prepared(db, sql).get(values) as Row;
}

function updateRow(db: Db, table: RecordedTable, id: number, values: Record<string, unknown>): void {
  const columns = Object.keys(values);
  assertColumns(columns);
  prepared(db, `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...values, __id: id });
}

function deleteRow(db: Db, table: RecordedTable, id: number): void {
  prepared(db, `DELETE FROM ${table} WHERE id = ?`).run(id);
}

/**
 * Apply the inverse of `changes` (newest first) and return what was applied, with every row it
 * removed captured in full, so the result can itself be inverted (redo, then undo again).
 */
export function applyInverse(db: Db, changes: readonly Change[]): Change[] {
  const applied: Change[] = [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!;
    switch (change.op) {
      case 'insert': {
        const row = getRow(db, change.table, change.id);
        deleteRow(db, change.table, change.id);
        applied.push({ op: 'delete', table: change.table, id: change.id, row });
        break;
      }
      case 'delete': {
        insertRow(db, change.table, change.row);
        applied.push({ op: 'insert', table: change.table, id: change.id, row: change.row });
        break;
      }
      case 'update': {
        updateRow(db, change.table, change.id, change.before);
        applied.push({ op: 'update', table: change.table, id: change.id, before: change.after, after: change.before });
        break;
      }
    }
  }
  return applied;
}
