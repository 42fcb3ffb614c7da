import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { GlossError } from '../domain/errors.js';

/**
 * A window that keeps a project open holds `PROJECT.lock`, so that a second window does not
 * work on the same file behind the first one's back. A lock left by a process that is gone
 * (a crash) is taken over. SQLite's own locking still guards every write.
 */
export interface ProjectLock {
  release(): void;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockFile: string): LockContent | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as LockContent;
  } catch {
    return undefined;
  }
}

export function acquireProjectLock(projectFile: string): ProjectLock {
  const lockFile = `${projectFile}.lock`;
  const content: LockContent = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(content), { flag: 'wx' });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          if (readLock(lockFile)?.pid === process.pid) rmSync(lockFile, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockFile);
      const stale = holder === undefined || (holder.host === content.host && !isAlive(holder.pid));
      if (!stale) {
        throw new GlossError(
          'project_locked',
          `${projectFile} is already open in another Gloss window (process ${holder.pid} on ${holder.host}, since ${holder.since}). Switch to that window, or close it and try again.`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new GlossError('project_locked', `Gloss could not lock ${projectFile}; try again.`);
}
