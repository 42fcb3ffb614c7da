import { randomUUID } from 'node:crypto';
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
    return this.db.transaction(() => {
      const recorder = new Recorder(this.db);
      const { result, summary, coderId } = action(recorder);
      if (recorder.changes.length > 0) {
        appendEvent(this.db, { at: this.now(), kind: 'do', operation, summary, coderId: coderId ?? null, reverts: null, changes: recorder.changes, step: options.step ?? null });
      }
      return result;
    })();
  }
}
