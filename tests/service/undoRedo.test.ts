import { describe, expect, it } from 'vitest';
import type { GlossService } from '../../app/service/service.js';
import { newProject, utf8, snapshot } from '../support/project.js';

async function seed(service: GlossService): Promise<void> {
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8('Heading\n\nRussia pursued pivotal containment. 😀 Salami tactics followed.\n') });
  await service.run('codes.add', { path: 'Russian policy/pivotal containment', color: '#AA3300' });
  await service.run('codes.add', { path: 'Azerbaijani strategy/salami tactics' });
}

type Step = [string, (service: GlossService) => Promise<unknown>];

const steps: Step[] = [
  ['import a document', (s) => s.run('documents.import', { fileName: 'second.md', data: utf8('# Title\n\nBody text.\n') })],
  ['rename a document', (s) => s.run('documents.rename', { document: 'paper', title: 'Paper one' })],
  ['add a code with parents', (s) => s.run('codes.add', { path: 'A/B/C', description: 'deep' })],
  ['update a code', (s) => s.run('codes.update', { code: 'Russian policy/pivotal containment', name: 'containment', color: '#112233', definition: 'd', whenToUse: 'w', whenNotToUse: 'n', example: 'e' })],
  ['move a code', (s) => s.run('codes.move', { code: 'Azerbaijani strategy/salami tactics', parent: 'Russian policy' })],
  ['apply a code by quote with a memo', (s) => s.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'pivotal containment', coder: 'Ani', memo: 'core' })],
  ['apply a code by offsets', (s) => s.run('codings.apply', { document: 'paper', code: 'Azerbaijani strategy/salami tactics', start: 47, end: 62, coder: 'Ben' })],
  ['delete a code with codings', async (s) => {
    await s.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'Russia', coder: 'Ani', memo: 'm' });
    return s.run('codes.delete', { code: 'Russian policy' });
  }],
  ['delete a document with codings and memos', async (s) => {
    const coding = await s.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'Russia', coder: 'Ani' });
    await s.run('memos.create', { target: { kind: 'document', document: 'paper' }, body: 'about the paper' });
    await s.run('codings.setMemo', { coding: coding.id, memo: 'why' });
    return s.run('documents.delete', { document: 'paper' });
  }],
  ['change a coding', async (s) => {
    const coding = await s.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'Russia', coder: 'Ani' });
    return s.run('codings.update', { coding: coding.id, code: 'Azerbaijani strategy/salami tactics', start: 0, end: 7 });
  }],
  ['write and clear a coding memo', async (s) => {
    const coding = await s.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'Russia', coder: 'Ani' });
    await s.run('codings.setMemo', { coding: coding.id, memo: 'first' });
    return s.run('codings.setMemo', { coding: coding.id, memo: '' });
  }],
  ['memos on the project and a code', async (s) => {
    const memo = await s.run('memos.create', { target: { kind: 'project' }, title: 'Plan', body: 'x', coder: 'Ani' });
    await s.run('memos.create', { target: { kind: 'code', code: 'Russian policy' }, body: 'code memo' });
    return s.run('memos.update', { memo: memo.id, body: 'y' });
  }],
  ['delete a memo', async (s) => {
    const memo = await s.run('memos.create', { target: { kind: 'project' }, body: 'x' });
    await s.run('memos.create', { target: { kind: 'document', document: 'paper' }, body: 'kept' });
    return s.run('memos.delete', { memo: memo.id });
  }],
  ['merge a code with codings, memos and a clashing sub-code', async (s) => {
    await s.run('codes.add', { path: 'Russian policy/sub' });
    await s.run('codes.add', { path: 'Azerbaijani strategy/sub' });
    await s.run('codings.apply', { document: 'paper', code: 'Russian policy', quote: 'Russia', coder: 'Ani' });
    await s.run('codings.apply', { document: 'paper', code: 'Azerbaijani strategy', quote: 'Russia', coder: 'Ani' });
    await s.run('codings.apply', { document: 'paper', code: 'Russian policy/sub', quote: 'pivotal', coder: 'Ben' });
    await s.run('memos.create', { target: { kind: 'code', code: 'Russian policy' }, body: 'memo' });
    return s.run('codes.merge', { source: 'Russian policy', target: 'Azerbaijani strategy' });
  }],
  ['add a coder', (s) => s.run('coders.add', { name: 'Carla' })],
  ['rename the project', (s) => s.run('project.rename', { name: 'Karabakh' })],
  ['import a codebook CSV', (s) => s.run('codes.importCsv', { csv: 'path,color,description\r\nNew/child,#00FF00,from csv\r\nRussian policy,,changed\r\n' })],
];

describe('merging and recent codes', () => {
  it('merge moves codings and sub-codes, drops exact duplicates, and removes the source', async () => {
    const { service } = newProject();
    await seed(service);
    await service.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'Russia', coder: 'Ani' });
    await service.run('codings.apply', { document: 'paper', code: 'Azerbaijani strategy/salami tactics', quote: 'Russia', coder: 'Ani' });
    await service.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'pivotal', coder: 'Ani' });
    const merged = await service.run('codes.merge', { source: 'Russian policy/pivotal containment', target: 'Azerbaijani strategy/salami tactics' });
    expect(merged.segments).toBe(2);
    const paths = (await service.run('codes.list', {})).map((code) => code.path);
    expect(paths).not.toContain('Russian policy/pivotal containment');
    await expect(service.run('codes.merge', { source: 'Azerbaijani strategy', target: 'Azerbaijani strategy/salami tactics' })).rejects.toThrow(/own sub-codes/);
    service.close();
  });

  it('recent codes come newest first', async () => {
    const { service } = newProject();
    await seed(service);
    await service.run('codings.apply', { document: 'paper', code: 'Azerbaijani strategy/salami tactics', quote: 'Salami', coder: 'Ani' });
    await service.run('codings.apply', { document: 'paper', code: 'Russian policy/pivotal containment', quote: 'pivotal', coder: 'Ben' });
    expect((await service.run('codes.recent', {})).map((code) => code.name)).toEqual(['pivotal containment', 'salami tactics']);
    expect((await service.run('codes.recent', { coder: 'Ani' })).map((code) => code.name)).toEqual(['salami tactics']);
    service.close();
  });
});

describe('undo and redo', () => {
  for (const [name, step] of steps) {
    it(`${name}: undo restores every row, redo brings back the same rows`, async () => {
      const { service, file } = newProject();
      try {
        await seed(service);
        const before = snapshot(file);
        await step(service);
        const after = snapshot(file);
        expect(after).not.toEqual(before);
        // A step may be several actions: undo them all, then redo them all.
        let undone = 0;
        while (JSON.stringify(snapshot(file)) !== JSON.stringify(before)) {
          await service.run('history.undo', {});
          undone++;
          expect(undone).toBeLessThan(10);
        }
        expect(snapshot(file)).toEqual(before);
        for (let i = 0; i < undone; i++) await service.run('history.redo', {});
        expect(snapshot(file)).toEqual(after);
        // And once more: undo of a redo, redo of that.
        await service.run('history.undo', {});
        await service.run('history.redo', {});
        expect(snapshot(file)).toEqual(after);
      } finally {
        service.close();
      }
    });
  }

  it('a new action clears the redo stack, as in every editor', async () => {
    const { service } = newProject();
    await seed(service);
    await service.run('codes.add', { path: 'X' });
    await service.run('history.undo', {});
    await service.run('codes.add', { path: 'Y' });
    await expect(service.run('history.redo', {})).rejects.toThrow(/nothing to redo/);
    const paths = (await service.run('codes.list', {})).map((code) => code.path);
    expect(paths).toContain('Y');
    expect(paths).not.toContain('X');
    service.close();
  });

  it('undoes back to an empty project and says when there is nothing left', async () => {
    const { service } = newProject();
    await seed(service);
    for (let i = 0; i < 3; i++) await service.run('history.undo', {});
    await expect(service.run('history.undo', {})).rejects.toThrow(/nothing to undo/);
    expect(await service.run('documents.list', {})).toEqual([]);
    expect(await service.run('codes.list', {})).toEqual([]);
    const history = await service.run('history.list', {});
    expect(history.map((event) => event.kind)).toEqual(['undo', 'undo', 'undo', 'do', 'do', 'do']);
    service.close();
  });
});
