import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../app/store/migrations.js';
import { openProjectFile } from '../../app/store/projectFile.js';
import { GlossService } from '../../app/service/service.js';
import { tempDir } from '../support/paths.js';

const TEXT = 'Russia chose containment.';

/** A version-3 project as 0003 left it, with two coding events in its log. */
function versionThreeFile(): string {
  const file = path.join(tempDir(), 'old.gloss');
  const db = openProjectFile(file, { create: true, migrations: loadMigrations().slice(0, 3) });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.prepare("INSERT INTO project (id, uuid, name, created_at) VALUES (1, 'p-uuid', 'old', 'now')").run();
    const length = [...TEXT].length;
    db.prepare(
      `INSERT INTO documents (uuid, title, text, length, blocks, block_count, sha256, source_name, format, imported_at)
       VALUES ('d-uuid', 'paper', @text, @length, @blocks, 1, 'sha', 'paper.txt', 'txt', 'now')`,
    ).run({ text: TEXT, length, blocks: JSON.stringify([{ kind: 'paragraph', start: 0, end: length }]) });
    db.prepare("INSERT INTO codes (id, uuid, parent_id, name, color, created_at, updated_at) VALUES (1, 'c-uuid', NULL, 'Russia', '#112233', 'now', 'now')").run();
    db.prepare("INSERT INTO coders (id, uuid, name, created_at) VALUES (1, 'a-uuid', 'Ani', 'now')").run();
    for (const [id, start, end, quote] of [
      [1, 0, 6, 'Russia'],
      [2, 13, 24, 'containment'],
    ] as const) {
      db.prepare("INSERT INTO codings (id, uuid, document_id, code_id, coder_id, start, end, quote, created_at, updated_at) VALUES (?, ?, 1, 1, 1, ?, ?, ?, 'now', 'now')").run(id, `k${id}`, start, end, quote);
      db.prepare("INSERT INTO events (at, kind, operation, summary, coder_id, reverts, changes) VALUES ('now', 'do', 'codings.apply', ?, 1, NULL, ?)").run(
        `Code "${quote}"`,
        JSON.stringify([{ op: 'insert', table: 'codings', id }]),
      );
    }
  } finally {
    db.close();
  }
  return file;
}

function quotes(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT quote FROM codings ORDER BY id').all() as { quote: string }[]).map((row) => row.quote);
  } finally {
    db.close();
  }
}

describe('migration 0004_event_steps', () => {
  it('adds a nullable step to every event; an upgraded project undoes its old events one by one, as before', async () => {
    const file = versionThreeFile();
    const service = GlossService.open(file);
    try {
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.pragma('user_version', { simple: true })).toBe(4);
        const columns = raw.prepare('PRAGMA table_info(events)').all() as { name: string; notnull: number }[];
        expect(columns.find((column) => column.name === 'step')).toMatchObject({ notnull: 0 });
        expect(raw.prepare('SELECT step FROM events').all()).toEqual([{ step: null }, { step: null }]);
      } finally {
        raw.close();
      }
      expect((await service.run('history.undo', {})).summary).toBe('Code "containment"');
      expect(quotes(file)).toEqual(['Russia']);
      await service.run('history.redo', {});
      expect(quotes(file)).toEqual(['Russia', 'containment']);
      await service.run('history.undo', {});
      await service.run('history.undo', {});
      expect(quotes(file)).toEqual([]);
      await expect(service.run('history.undo', {})).rejects.toThrow(/nothing to undo/);
    } finally {
      service.close();
    }
  });

  it('keeps the log append-only after the upgrade', () => {
    const file = versionThreeFile();
    const db = openProjectFile(file);
    try {
      expect(() => db.prepare("UPDATE events SET step = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
