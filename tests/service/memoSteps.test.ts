import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { GlossService } from '../../app/service/service.js';
import { glossOk } from '../support/cli.js';
import { newProject, utf8 } from '../support/project.js';

interface MemoRowRead {
  uuid: string;
  code_id: number | null;
  coding_id: number | null;
  body: string;
}

/** The memos table as the file holds it, read through a second connection. */
function memoRows(file: string): MemoRowRead[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT uuid, code_id, coding_id, body FROM memos ORDER BY id').all() as MemoRowRead[];
  } finally {
    db.close();
  }
}

async function seed(service: GlossService): Promise<string> {
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8('Russia pursued pivotal containment. Salami tactics followed.\n') });
  await service.run('codes.add', { path: 'Containment' });
  await service.run('codes.add', { path: 'Tactics' });
  const coding = await service.run('codings.apply', { document: 'paper', code: 'Containment', quote: 'pivotal containment', coder: 'Ani' });
  return coding.id;
}

/** Type `text` letter by letter into a code's memo, one save per letter, as a fast typist's pauses would. */
async function typeCodeMemo(service: GlossService, text: string, step: string): Promise<string> {
  let id = '';
  for (let i = 1; i <= text.length; i++) {
    const body = text.slice(0, i);
    const memo = id === '' ? await service.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body, step }) : await service.run('memos.update', { memo: id, body, step });
    id = memo.id;
  }
  return id;
}

describe('one memo per target', () => {
  it('a second memos.create on a code writes into its memo: same id, one row', async () => {
    const { service, file } = newProject();
    try {
      await seed(service);
      const first = await service.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body: 'T' });
      const second = await service.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body: 'Ter' });
      const third = await service.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body: 'Term' });
      expect([second.id, third.id]).toEqual([first.id, first.id]);
      expect(third.body).toBe('Term');
      expect(memoRows(file).map((row) => row.body)).toEqual(['Term']);
      // Saves that race (sent before the first answer arrives) are serialised by the service too.
      const raced = await Promise.all(['a', 'ab', 'abc'].map((body) => service.run('memos.create', { target: { kind: 'project' }, body })));
      expect(new Set(raced.map((memo) => memo.id)).size).toBe(1);
      expect(memoRows(file).filter((row) => row.code_id === null && row.coding_id === null).map((row) => row.body)).toEqual(['abc']);
      // Another code, the document and the project each get their own memo.
      await service.run('memos.create', { target: { kind: 'code', code: 'Tactics' }, body: 'other' });
      await service.run('memos.create', { target: { kind: 'document', document: 'paper' }, body: 'doc' });
      expect(memoRows(file)).toHaveLength(4);
      expect((await service.run('memos.list', {})).every((memo) => memo.duplicateOf === null)).toBe(true);
    } finally {
      service.close();
    }
  });

  it('codings.setMemo keeps one memo per coding', async () => {
    const { service, file } = newProject();
    try {
      const coding = await seed(service);
      for (const memo of ['w', 'wh', 'why']) await service.run('codings.setMemo', { coding, memo });
      expect(memoRows(file).map((row) => row.body)).toEqual(['why']);
    } finally {
      service.close();
    }
  });

  it('copies the old bug left behind are kept, marked as duplicates of the newest, and a save goes into the newest', async () => {
    const { service, file } = newProject();
    await seed(service);
    service.close();
    // A project from before the fix: three rows on one code, written a moment apart.
    const db = new Database(file);
    ['T', 'Ter', 'Term'].forEach((body, i) => {
      const at = `2026-01-01T00:00:0${i}.000Z`;
      db.prepare("INSERT INTO memos (uuid, code_id, title, body, created_at, updated_at) VALUES (?, (SELECT id FROM codes WHERE name = 'Containment'), '', ?, ?, ?)").run(`m${i}`, body, at, at);
    });
    db.close();
    const { GlossService } = await import('../../app/service/service.js');
    const reopened = GlossService.open(file);
    try {
      const listed = await reopened.run('memos.list', {});
      expect(listed.map((memo) => [memo.body, memo.duplicateOf])).toEqual([
        ['Term', null],
        ['Ter', 'm2'],
        ['T', 'm2'],
      ]);
      const saved = await reopened.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body: 'Terminology' });
      expect(saved.id).toBe('m2');
      // Nobody's text is lost: the older copies stay until the researcher deletes them.
      expect(memoRows(file).map((row) => row.body)).toEqual(['T', 'Ter', 'Terminology']);
    } finally {
      reopened.close();
    }
  });
});

describe('undo steps: one sitting of typing in a memo is one undo step', () => {
  it('150 saves with one step undo as one, and redo as one', async () => {
    const { service, file } = newProject();
    try {
      await seed(service);
      const text = 'Containment here means keeping Azerbaijan and Armenia apart without a settlement; see the second paper, '.padEnd(150, 'x');
      expect(text).toHaveLength(150);
      const id = await typeCodeMemo(service, text, 'focus-1');
      expect(memoRows(file).map((row) => row.body)).toEqual([text]);

      const undone = await service.run('history.undo', {});
      expect(undone.summary).toMatch(/memo/i);
      expect(memoRows(file)).toEqual([]);
      // The coding made before the sitting is the next step back, untouched so far.
      expect(await service.run('codings.list', {})).toHaveLength(1);

      await service.run('history.redo', {});
      expect(memoRows(file)).toEqual([{ uuid: id, code_id: expect.any(Number), coding_id: null, body: text }]);
      await expect(service.run('history.redo', {})).rejects.toThrow(/nothing to redo/);

      // Undo the redo (the whole sitting again), then the coding.
      await service.run('history.undo', {});
      expect(memoRows(file)).toEqual([]);
      await service.run('history.undo', {});
      expect(await service.run('codings.list', {})).toHaveLength(0);
    } finally {
      service.close();
    }
  });

  it('a coding in the middle of a sitting splits it into separate steps', async () => {
    const { service, file } = newProject();
    try {
      await seed(service);
      const id = await typeCodeMemo(service, 'abc', 'focus-1');
      await service.run('codings.apply', { document: 'paper', code: 'Tactics', quote: 'Salami tactics', coder: 'Ani' });
      for (const body of ['abcd', 'abcde']) await service.run('memos.update', { memo: id, body, step: 'focus-1' });

      await service.run('history.undo', {});
      expect(memoRows(file).map((row) => row.body)).toEqual(['abc']);
      expect(await service.run('codings.list', {})).toHaveLength(2);
      await service.run('history.undo', {});
      expect(await service.run('codings.list', {})).toHaveLength(1);
      expect(memoRows(file).map((row) => row.body)).toEqual(['abc']);
      await service.run('history.undo', {});
      expect(memoRows(file)).toEqual([]);
    } finally {
      service.close();
    }
  });

  it('saves without a step, or with another step, stay separate steps', async () => {
    const { service, file } = newProject();
    try {
      await seed(service);
      const memo = await service.run('memos.create', { target: { kind: 'code', code: 'Containment' }, body: 'a' });
      await service.run('memos.update', { memo: memo.id, body: 'ab' });
      await service.run('memos.update', { memo: memo.id, body: 'abc', step: 'focus-2' });
      await service.run('memos.update', { memo: memo.id, body: 'abcd', step: 'focus-3' });
      const bodies: string[] = [];
      for (let i = 0; i < 3; i++) {
        await service.run('history.undo', {});
        bodies.push(memoRows(file)[0]!.body);
      }
      expect(bodies).toEqual(['abc', 'ab', 'a']);
    } finally {
      service.close();
    }
  });

  it("a coding's memo typed in one sitting is one step too", async () => {
    const { service, file } = newProject();
    try {
      const coding = await seed(service);
      for (const memo of ['w', 'wh', 'why']) await service.run('codings.setMemo', { coding, memo, step: 'popover-1' });
      await service.run('history.undo', {});
      expect(memoRows(file)).toEqual([]);
      expect(await service.run('codings.list', {})).toHaveLength(1);
    } finally {
      service.close();
    }
  });

  it('`gloss undo` takes back the whole sitting too', async () => {
    const { service, file } = newProject();
    await seed(service);
    await typeCodeMemo(service, 'Containment as a policy', 'focus-1');
    service.close();
    expect(glossOk(['undo', file])).toMatch(/^Undone: .*memo/i);
    expect(memoRows(file)).toEqual([]);
    expect(glossOk(['redo', file])).toMatch(/^Redone:/);
    expect(memoRows(file).map((row) => row.body)).toEqual(['Containment as a policy']);
    expect(glossOk(['undo', file])).toMatch(/^Undone: .*memo/i);
    expect(glossOk(['undo', file])).toMatch(/^Undone: Code "pivotal containment"/);
  });
});
