import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { GlossError } from '../domain/errors.js';
import { loadMigrations, type Migration } from './migrations.js';

export type Db = Database.Database;

/** 'GLSS' in ASCII: marks an SQLite file as a Gloss project (PRAGMA application_id). */
export const GLOSS_APPLICATION_ID = 0x474c5353;

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Electron runs a different Node ABI than plain Node, so it loads its own build of
 * better-sqlite3's addon; the Electron shell sets the path before opening any project.
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

function databaseOptions(options: Database.Options = {}): Database.Options {
  return nativeBinding === undefined ? options : { ...options, nativeBinding };
}

/** The schema version this build of Gloss writes: the number of the newest migration. */
export function currentSchemaVersion(migrations: Migration[] = loadMigrations()): number {
  return migrations.length;
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Check a file is a Gloss project this build can open, without writing a byte to it: a file
 * from a newer Gloss must be left exactly as it was.
 */
function inspectExisting(file: string, migrations: Migration[]): void {
  if (!existsSync(file)) {
    throw new GlossError('not_found', `No project at ${file}. Create one with \`gloss new ${file}\`.`);
  }
  if (!statSync(file).isFile()) {
    throw new GlossError('not_a_project', `${file} is a folder, not a Gloss project file (*.gloss).`);
  }
  if (readHeader(file) !== SQLITE_HEADER) {
    throw new GlossError('not_a_project', `${file} is not a Gloss project: it is not an SQLite file. Open a *.gloss file, or create one with \`gloss new\`.`);
  }
  const probe = new Database(file, databaseOptions({ readonly: true, fileMustExist: true }));
  try {
    const applicationId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (applicationId !== GLOSS_APPLICATION_ID) {
      throw new GlossError('not_a_project', `${file} is an SQLite database but not a Gloss project. Open a *.gloss file, or create one with \`gloss new\`.`);
    }
    const supported = currentSchemaVersion(migrations);
    if (version > supported) {
      throw new GlossError(
        'newer_schema',
        `${file} was written by a newer Gloss (project schema version ${version}); this Gloss reads versions up to ${supported}. Update Gloss to open it; the file was not changed.`,
      );
    }
  } finally {
    probe.close();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // WAL with synchronous=NORMAL is durable against process crashes, which is what a killed
  // import needs; a power cut may lose the last transactions but never corrupts the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
}

/** Apply every migration newer than the file's version, all in one transaction. */
export function migrate(db: Db, migrations: Migration[] = loadMigrations()): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
}

export interface OpenOptions {
  /** Create the file if it does not exist (it must not exist yet). */
  create?: boolean;
  /** Override the migrations (tests of future schemas). */
  migrations?: Migration[];
}

/** Open (or create) a project file, migrated to the current schema. */
export function openProjectFile(file: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? loadMigrations();
  if (options.create) {
    if (existsSync(file)) {
      throw new GlossError('exists', `${file} already exists. Choose another name, or open it instead.`);
    }
  } else {
    inspectExisting(file, migrations);
  }
  if (options.create) createAtomically(file, migrations);
  const db = new Database(file, databaseOptions({ fileMustExist: true }));
  try {
    configure(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Build a new project beside its final name and move it into place whole. */
function createAtomically(file: string, migrations: Migration[]): void {
  const temporary = `${file}.creating-${process.pid}`;
  const db = new Database(temporary, databaseOptions());
  try {
    db.pragma(`application_id = ${GLOSS_APPLICATION_ID}`);
    configure(db);
    migrate(db, migrations);
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(temporary, file);
  } catch (error) {
    if (db.open) db.close();
    rmSync(temporary, { force: true });
    throw error;
  }
}
