import { randomUUID } from 'node:crypto';
import { GlossError } from '../domain/errors.js';
import { appendEvent } from '../store/events.js';
import type { Db } from '../store/projectFile.js';
import { Recorder } from '../store/recorder.js';

export interface MutateOptions {
  /** The editing session (one focus of a memo field): consecutive events of one step undo as one. */
  step?: string | undefined;
}

/** What every handler gets: the open project and the one way to change it. */
export class Context {
  readonly db: Db;
  readonly file: string;

  constructor(db: Db, file: string) {
    this.db = db;
    this.file = file;
  }

  now(): string {
    return new Date().toISOString();
  }

  newUuid(): string {
    return randomUUID();
  }

  /**
   * Run one user action: all its row changes in one transaction, recorded as one event in the
   * log so that it can be undone and redone as a whole. Nothing is written if `action` throws.
   */
  mutate<T>(operation: string, action: (recorder: Recorder) => { result: T; summary: string; coderId?: number }, options: MutateOptions = {}): T {
    return this.write(() => {
      const recorder = new Recorder(this.db);
      const { result, summary, coderId } = action(recorder);
      if (recorder.changes.length > 0) {
        appendEvent(this.db, { at: this.now(), kind: 'do', operation, summary, coderId: coderId ?? null, reverts: null, changes: recorder.changes, step: options.step ?? null });
      }
      return result;
    });
  }

  /**
   * A write transaction that takes the write lock at its start (BEGIN IMMEDIATE), so that with
   * several writers (the CLI beside an open workbench) the busy timeout applies and no
   * transaction fails half-way on a lock it could not upgrade. A lock held past the timeout
   * becomes a message that says to try again; nothing was written.
   */
  write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new GlossError('project_busy', 'The project is busy: another Gloss window or command is writing to it. Nothing was changed; try again in a moment.');
      }
      throw error;
    }
  }
}
