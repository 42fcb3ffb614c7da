import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../app/store/migrations.js';
import { currentSchemaVersion, openProjectFile, type Db } from '../../app/store/projectFile.js';
import { reviewSettings } from '../../app/store/reviewQueries.js';
import { GlossService } from '../../app/service/service.js';
import { tempDir } from '../support/paths.js';

const TEXT = 'Russia chose containment. Turkey backed Azerbaijan.';

/** A version-2 project as 0002 left it: a project row, one document, two coders who coded it. */
function versionTwoFile(): string {
  const file = path.join(tempDir(), 'old.gloss');
  const db = openProjectFile(file, { create: true, migrations: loadMigrations().slice(0, 2) });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare("INSERT INTO project (id, uuid, name, created_at) VALUES (1, 'p-uuid', 'old', 'now')").run();
    const length = [...TEXT].length;
    db.prepare(
      `INSERT INTO documents (uuid, title, text, length, blocks, block_count, sha256, source_name, format, imported_at)
       VALUES ('d-uuid', 'paper', @text, @length, @blocks, 1, 'sha', 'paper.txt', 'txt', 'now')`,
    ).run({ text: TEXT, length, blocks: JSON.stringify([{ kind: 'paragraph', start: 0, end: length }]) });
    db.prepare("INSERT INTO codes (uuid, parent_id, name, color, created_at, updated_at) VALUES ('c-uuid', NULL, 'Russia', '#112233', 'now', 'now')").run();
    for (const [id, name] of [
      [1, 'Ani'],
      [2, 'Ben'],
    ] as const) {
      db.prepare("INSERT INTO coders (id, uuid, name, created_at) VALUES (?, ?, ?, 'now')").run(id, `${name}-uuid`, name);
      db.prepare("INSERT INTO codings (uuid, document_id, code_id, coder_id, start, end, quote, created_at, updated_at) VALUES (?, 1, 1, ?, 0, 6, 'Russia', 'now', 'now')").run(`k-${name}`, id);
    }
  } finally {
    db.close();
  }
  return file;
}

function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'review_%' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
}

function plan(db: Db, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join(' | ');
}

describe('migration 0003_review', () => {
  it('creates the review tables with one settings row: open, no consensus coder yet', () => {
    const db = openProjectFile(path.join(tempDir(), 'p.gloss'), { create: true });
    try {
      // Every later migration runs too; 0003's tables are what this test checks.
      expect(db.pragma('user_version', { simple: true })).toBe(currentSchemaVersion());
      expect(tables(db)).toEqual(['review_comments', 'review_decision_codings', 'review_decisions', 'review_settings']);
      expect(reviewSettings(db)).toEqual({ blind: 0, consensus_coder_id: null, consensus_name: null });
      // One settings row only; a blank comment and an empty place are refused.
      expect(() => db.prepare('INSERT INTO review_settings (id, blind) VALUES (2, 0)').run()).toThrow(/CHECK/);
      expect(() => db.prepare('UPDATE review_settings SET blind = 2').run()).toThrow(/CHECK/);
      db.prepare("INSERT INTO documents (uuid, title, text, length, blocks, block_count, sha256, source_name, format, imported_at) VALUES ('d', 't', 'x', 1, '[]', 0, 's', 't.txt', 'txt', 'now')").run();
      db.prepare("INSERT INTO coders (uuid, name, created_at) VALUES ('r', 'Rita', 'now')").run();
      expect(() => db.prepare("INSERT INTO review_comments (uuid, document_id, place_key, coder_id, body, created_at) VALUES ('c', 1, 'k', 1, '  ', 'now')").run()).toThrow(/CHECK/);
      const decision = `INSERT INTO review_decisions (uuid, document_id, place_key, start, end, kind, choice, status, reviewer_id, coders, versions, outcome, created_at)
        VALUES ('v', 1, 'k', 1, ?, 'agreement', 'agree', 'agreed', 1, '[]', '[]', '[]', 'now')`;
      expect(() => db.prepare(decision).run(1)).toThrow(/CHECK/);
      db.prepare(decision).run(2);
      // The per-document and per-coding reads use their indexes.
      expect(plan(db, 'SELECT id FROM review_decisions WHERE document_id = 1')).toMatch(/review_decisions_document/);
      expect(plan(db, "SELECT decision_id FROM review_decision_codings WHERE coding_uuid = 'x'")).toMatch(/review_decision_codings_coding/);
      expect(plan(db, 'SELECT id FROM review_comments WHERE document_id = 1')).toMatch(/review_comments_document/);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-2 project: its codings can be reviewed at once', async () => {
    const file = versionTwoFile();
    const service = GlossService.open(file);
    try {
      expect(await service.run('review.settings', {})).toEqual({ blind: false, consensusCoder: null });
      const queue = await service.run('review.queue', { coders: ['Ani', 'Ben'] });
      expect(queue.places.map((place) => `${place.kind} ${place.start}-${place.end}`)).toEqual(['agreement 0-6']);
      const decided = await service.run('review.decide', { coders: ['Ani', 'Ben'], document: 'paper', place: queue.places[0]!.key, choice: 'agree', reviewer: 'Rita' });
      expect(decided.consensus.map((segment) => segment.text)).toEqual(['Russia']);
    } finally {
      service.close();
    }
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(currentSchemaVersion());
    } finally {
      raw.close();
    }
  });

  it('runs inside the migration transaction: a failure after it leaves the file at version 2', () => {
    const file = versionTwoFile();
    const broken = [...loadMigrations().slice(0, 3), { version: 4, name: '0004_broken.sql', sql: 'THIS IS NOT SQL;' }];
    expect(() => openProjectFile(file, { migrations: broken })).toThrow();
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(2);
      expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'review_%'").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });
});
