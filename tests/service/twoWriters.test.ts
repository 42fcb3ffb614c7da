/**
 * Several writers on one project (the CLI beside an open workbench, two windows): every mutation
 * takes the write lock when it begins, so concurrent writers queue behind the busy timeout
 * instead of failing half-way. Two processes making 500 codings each at the same time leave
 * 1,000 codings, an intact file, and a log whose undo takes each writer's work back.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GlossService } from '../../app/service/service.js';
import { repoRoot, tempDir } from '../support/paths.js';

const CODINGS_EACH = 500;

function writerScript(file: string, coder: string): string {
  const service = pathToFileURL(path.join(repoRoot, 'dist', 'app', 'service', 'service.js')).href;
  return `import { GlossService } from ${JSON.stringify(service)};
const service = GlossService.open(${JSON.stringify(file)});
let failed = 0;
for (let i = 0; i < ${CODINGS_EACH}; i++) {
  try {
    await service.run('codings.apply', { document: 'paper', code: 'Russia', coder: ${JSON.stringify(coder)}, start: i, end: i + 2 });
  } catch (error) {
    failed++;
    console.error(String(error && error.message));
  }
}
service.close();
process.stdout.write(String(failed));
`;
}

function run(script: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('two processes writing one project at once', () => {
  it('keep every coding, leave an intact file, and each undo reverts only an event as it was made', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shared.gloss');
    const setup = GlossService.create(file, 'shared');
    await setup.run('documents.import', { fileName: 'paper.txt', data: new TextEncoder().encode(`Paper\n\n${'Russia kept both sides close. '.repeat(60)}\n`) });
    await setup.run('codes.add', { path: 'Russia' });
    setup.close();

    const scripts = ['Ani', 'Bob'].map((coder) => {
      const script = path.join(dir, `writer-${coder}.mjs`);
      writeFileSync(script, writerScript(file, coder));
      return script;
    });
    const results = await Promise.all(scripts.map(run));
    for (const result of results) {
      expect(result.err).toBe('');
      expect(result.out).toBe('0');
      expect(result.code).toBe(0);
    }

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const perCoder = db.prepare('SELECT c.name AS coder, COUNT(*) AS n FROM codings g JOIN coders c ON c.id = g.coder_id GROUP BY c.name ORDER BY c.name').all();
      expect(perCoder).toEqual([
        { coder: 'Ani', n: CODINGS_EACH },
        { coder: 'Bob', n: CODINGS_EACH },
      ]);
      expect((db.prepare("SELECT COUNT(*) AS n FROM events WHERE operation = 'codings.apply'").get() as { n: number }).n).toBe(2 * CODINGS_EACH);
    } finally {
      db.close();
    }

    // The log holds every writer's events in one order: undoing all of them empties the codings.
    const service = GlossService.open(file);
    try {
      for (let i = 0; i < 2 * CODINGS_EACH; i++) await service.run('history.undo', {});
      expect(await service.run('codings.list', {})).toEqual([]);
    } finally {
      service.close();
    }
  }, 240_000);

  it('a write lock held past the busy timeout gives a message to try again, and writes nothing', async () => {
    const file = path.join(tempDir(), 'held.gloss');
    const service = GlossService.create(file, 'held');
    const holder = new Database(file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      await expect(service.run('codes.add', { path: 'Russia' })).rejects.toMatchObject({ code: 'project_busy', message: expect.stringMatching(/try again/) });
      holder.exec('ROLLBACK');
      expect(await service.run('codes.list', {})).toEqual([]);
      await service.run('codes.add', { path: 'Russia' });
      expect((await service.run('codes.list', {})).map((code) => code.path)).toEqual(['Russia']);
    } finally {
      holder.close();
      service.close();
    }
  }, 60_000);
});
