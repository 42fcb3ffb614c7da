import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossError } from '../../app/domain/errors.js';
import { loadMigrations } from '../../app/store/migrations.js';
import { currentSchemaVersion, GLOSS_APPLICATION_ID, openProjectFile } from '../../app/store/projectFile.js';
import { fileSha256, newProject } from '../support/project.js';
import { tempDir } from '../support/paths.js';

function tables(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

describe('migrations', () => {
  it('are numbered from 1 without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(currentSchemaVersion(migrations)).toBe(migrations.length);
  });

  it('0001_init creates the data model in a WAL file with foreign keys on', () => {
    const file = path.join(tempDir(), 'p.gloss');
    const db = openProjectFile(file, { create: true, migrations: loadMigrations().slice(0, 1) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      expect(db.pragma('application_id', { simple: true })).toBe(GLOSS_APPLICATION_ID);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(tables(db)).toEqual(
        expect.arrayContaining(['attributes', 'coders', 'codes', 'codings', 'document_attributes', 'documents', 'events', 'memos', 'project']),
      );
      // Sibling names are unique, also at the top level where parent_id is NULL.
      const insert = db.prepare("INSERT INTO codes (uuid, parent_id, name, color, created_at, updated_at) VALUES (?, NULL, ?, '#112233', 'now', 'now')");
      insert.run('u1', 'Russia');
      expect(() => insert.run('u2', 'russia')).toThrow(/UNIQUE/);
      // The event log refuses to be rewritten.
      db.prepare("INSERT INTO events (at, kind, operation, summary, changes) VALUES ('now', 'do', 'x', 'x', '[]')").run();
      expect(() => db.prepare("UPDATE events SET summary = 'y'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      // Listing a document's codings uses its index rather than scanning the table.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM codings WHERE document_id = 1 ORDER BY start').all() as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX codings_document/);
    } finally {
      db.close();
    }
  });

  it('runs all pending migrations in one transaction: a failing one leaves the file as it was', () => {
    const { service, file } = newProject();
    service.close();
    const before = fileSha256(file);
    const broken = [...loadMigrations(), { version: loadMigrations().length + 1, name: '9999_broken.sql', sql: 'CREATE TABLE ok (x); THIS IS NOT SQL;' }];
    expect(() => openProjectFile(file, { migrations: broken })).toThrow();
    expect(fileSha256(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
    expect(tables(db)).not.toContain('ok');
    db.close();
  });
});

describe('opening project files', () => {
  it('refuses a file from a newer Gloss, names both versions, and leaves it byte-identical', () => {
    const { service, file } = newProject();
    service.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    const before = fileSha256(file);
    let caught: unknown;
    try {
      openProjectFile(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GlossError);
    expect((caught as GlossError).code).toBe('newer_schema');
    expect((caught as GlossError).message).toContain('version 99');
    expect((caught as GlossError).message).toContain(`up to ${currentSchemaVersion()}`);
    expect(fileSha256(file)).toBe(before);
  });

  it('refuses files that are not Gloss projects, without changing them', () => {
    const dir = tempDir();
    const text = path.join(dir, 'notes.gloss');
    writeFileSync(text, 'just some notes\n');
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    for (const file of [text, other]) {
      const before = fileSha256(file);
      expect(() => openProjectFile(file)).toThrow(/not a Gloss project/);
      expect(fileSha256(file)).toBe(before);
    }
    expect(() => openProjectFile(path.join(dir, 'missing.gloss'))).toThrow(/No project at/);
    expect(() => openProjectFile(dir)).toThrow(/folder/);
  });

  it('will not create over an existing file', () => {
    const { service, file } = newProject();
    service.close();
    expect(() => openProjectFile(file, { create: true })).toThrow(/already exists/);
  });
});
