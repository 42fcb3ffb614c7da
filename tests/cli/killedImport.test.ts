import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidBlocks, type Block } from '../../app/domain/blocks.js';
import { glossOk } from '../support/cli.js';
import { cliEntry, tempDir } from '../support/paths.js';

const FILES = 60;

function paperText(n: number): string {
  const paragraph = `Paper ${n}: Moscow balanced Yerevan and Baku — Карабах, Górski Karabach 🇦🇲. `.repeat(40);
  return `Paper ${n}\n\n${Array.from({ length: 120 }, () => paragraph).join('\n\n')}\n`;
}

describe('a batch import killed with SIGKILL', () => {
  it('leaves a project that passes integrity_check and holds only whole documents', async () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    glossOk(['new', project]);
    const files = Array.from({ length: FILES }, (_, i) => {
      const file = path.join(dir, `paper-${String(i).padStart(2, '0')}.txt`);
      writeFileSync(file, paperText(i));
      return file;
    });

    const child = spawn(process.execPath, [cliEntry, 'import', project, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let progress = '';
      child.stderr.on('data', (chunk: Buffer) => {
        progress += chunk.toString();
        // Kill once a few documents are in and the next one is under way.
        if (/\[8\/60\]/.test(progress)) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`import finished before it was killed: ${progress}`))));
    });

    const db = new Database(project, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const documents = db.prepare('SELECT title, text, length, blocks FROM documents ORDER BY title').all() as { title: string; text: string; length: number; blocks: string }[];
      expect(documents.length).toBeGreaterThanOrEqual(7);
      expect(documents.length).toBeLessThan(FILES);
      documents.forEach((document, i) => {
        expect(document.title).toBe(`paper-${String(i).padStart(2, '0')}`);
        expect(document.text).toBe(paperText(i));
        expect(document.length).toBe([...paperText(i)].length);
        assertValidBlocks(JSON.parse(document.blocks) as Block[], document.length);
      });
      const events = db.prepare("SELECT count(*) AS n FROM events WHERE operation = 'documents.import'").get() as { n: number };
      expect(events.n).toBe(documents.length);
    } finally {
      db.close();
    }
    // The project still opens and works after the crash.
    expect(JSON.parse(glossOk(['docs', project, '--json'])).length).toBeGreaterThanOrEqual(7);
  });
});
