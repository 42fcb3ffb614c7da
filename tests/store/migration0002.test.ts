import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForSearch, SEARCH_FOLDS } from '../../app/domain/searchQuery.js';
import { analysisSegments, documentMeasures } from '../../app/store/analysisQueries.js';
import { loadMigrations } from '../../app/store/migrations.js';
import { openProjectFile, type Db } from '../../app/store/projectFile.js';
import { tempDir } from '../support/paths.js';

/** Insert a documents row with every column the schema has (blocks: one paragraph), as import writes it. */
function insertDocument(db: Db, title: string, text: string, id?: number): number {
  const length = [...text].length;
  const values: Record<string, unknown> = {
    uuid: `uuid-${title}-${length}`,
    title,
    text,
    length,
    blocks: JSON.stringify([{ kind: 'paragraph', start: 0, end: length }]),
    block_count: 1,
    sha256: `sha-${title}-${length}`,
    source_name: `${title}.txt`,
    format: 'txt',
    imported_at: 'now',
  };
  if (id !== undefined) values.id = id;
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('documents') as { name: string }[]).map((row) => row.name).filter((name) => name in values);
  const result = db.prepare(`INSERT INTO documents (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
  return Number(result.lastInsertRowid);
}

function matches(db: Db, query: string): number[] {
  return (db.prepare('SELECT rowid FROM document_search WHERE document_search MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map((row) => row.rowid);
}

/** FTS5's own check that the index agrees with its content (rank 1: compare with the content). */
function integrityCheck(db: Db): void {
  db.prepare("INSERT INTO document_search (document_search, rank) VALUES ('integrity-check', 1)").run();
}

function plan(db: Db, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
}

const POLISH = 'Konflikt o Górski Karabach: Azerbejdżan, Łódź i Kraków.';
const RUSSIAN = 'Россия и Турция; ёлка, объём.';

describe('migration 0002_search', () => {
  it('migrates a version-1 file with documents: indexes them for search', () => {
    const file = path.join(tempDir(), 'old.gloss');
    const old = openProjectFile(file, { create: true, migrations: loadMigrations().slice(0, 1) });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    const polish = insertDocument(old, 'polish', POLISH);
    const russian = insertDocument(old, 'russian', RUSSIAN);
    old.close();

    const db = openProjectFile(file, { migrations: loadMigrations().slice(0, 2) });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(matches(db, '"gorski"')).toEqual([polish]);
      expect(matches(db, '"россия"')).toEqual([russian]);
      integrityCheck(db);
    } finally {
      db.close();
    }
  });

  it('finds words whatever their case and accents, Polish ł and Russian ё included', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      const polish = insertDocument(db, 'polish', POLISH);
      const russian = insertDocument(db, 'russian', RUSSIAN);
      for (const query of ['"Gorski"', '"GÓRSKI"', '"azerbejdzan"', '"Azerbejdżan"', '"lodz"', `"${foldForSearch('Łódź')}"`, '"krakow"', '"karabach"']) {
        expect(matches(db, query), query).toEqual([polish]);
      }
      for (const query of ['"РОССИЯ"', '"турция"', '"елка"', `"${foldForSearch('Ёлка')}"`, '"объем"', `"${foldForSearch('объём')}"`]) {
        expect(matches(db, query), query).toEqual([russian]);
      }
      expect(matches(db, '"gor"*')).toEqual([polish]);
      expect(matches(db, '"рос"*')).toEqual([russian]);
    } finally {
      db.close();
    }
  });

  it('folds exactly the letters the search service folds, one UTF-16 unit for one', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      const text = `x ${SEARCH_FOLDS.map(([from]) => from).join(' ')} Zażółć 😀 y`;
      const id = insertDocument(db, 'folds', text);
      const folded = (db.prepare('SELECT text FROM document_search_source WHERE id = ?').get(id) as { text: string }).text;
      expect(folded).toBe(foldForSearch(text));
      expect(folded.length).toBe(text.length);
    } finally {
      db.close();
    }
  });

  it('keeps the index in step with every insert, update and delete of a document', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      const id = insertDocument(db, 'a', 'Moscow and Yerevan');
      insertDocument(db, 'b', 'Baku and Ankara');
      expect(matches(db, '"moscow"')).toEqual([id]);
      db.prepare("UPDATE documents SET text = 'Tehran only', length = 11 WHERE id = ?").run(id);
      expect(matches(db, '"moscow"')).toEqual([]);
      expect(matches(db, '"tehran"')).toEqual([id]);
      integrityCheck(db);
      db.prepare('DELETE FROM documents WHERE id = ?').run(id);
      expect(matches(db, '"tehran"')).toEqual([]);
      integrityCheck(db);
      // An undo puts the same row back with the same id.
      insertDocument(db, 'a', 'Tehran only', id);
      expect(matches(db, '"tehran"')).toEqual([id]);
      integrityCheck(db);
    } finally {
      db.close();
    }
  });

  it('counts words as the unicode61 tokenizer does: runs of letters and digits', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      const text = "Russia's Nagorno-Karabakh policy, 2020–2023: 3.5 per cent; Górski Karabach 😀 Россия.";
      const id = insertDocument(db, 'words', text);
      const independent = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{Mn}]*/gu)!.length;
      expect(independent).toBe(14);
      expect(documentMeasures(db).find((row) => row.id === id)).toMatchObject({ characters: [...text].length, words: independent });
    } finally {
      db.close();
    }
  });

  it('the analysis reads use the covering index, in order, without a sort', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      const segments = `SELECT uuid, document_id, code_id, start, end FROM codings WHERE @coderId IS NULL OR coder_id = @coderId ORDER BY document_id, start, end`;
      const detail = plan(db, segments.replace(/@coderId/g, 'NULL'));
      expect(detail).toMatch(/SCAN codings USING COVERING INDEX codings_document_range/);
      expect(detail).not.toMatch(/TEMP B-TREE/);
      expect(analysisSegments(db, { withIds: true }).size).toBe(0);
    } finally {
      db.close();
    }
  });

  it('runs inside the migration transaction: a failure after it leaves the file at version 1', () => {
    const file = path.join(tempDir(), 'old.gloss');
    openProjectFile(file, { create: true, migrations: loadMigrations().slice(0, 1) }).close();
    const broken = [...loadMigrations().slice(0, 2), { version: 3, name: '0003_broken.sql', sql: 'THIS IS NOT SQL;' }];
    expect(() => openProjectFile(file, { migrations: broken })).toThrow();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'document_search'").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });
});
