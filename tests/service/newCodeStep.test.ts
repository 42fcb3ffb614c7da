/**
 * A new code and its first coding (Ctrl+K on a new name, in vivo, auto-coding into a new code)
 * carry one undo step: Ctrl+Z takes both back and leaves no empty code in the codebook.
 */
import { describe, expect, it } from 'vitest';
import { newProject, utf8 } from '../support/project.js';

async function seeded() {
  const { service } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8('Paper\n\nRussia chose containment. Russia backed Armenia.\n') });
  return service;
}

describe('a new code and its first coding', () => {
  it('undo together and redo together when they share a step', async () => {
    const service = await seeded();
    await service.run('codes.add', { path: 'Russian policy/containment', step: 's1' });
    await service.run('codings.apply', { document: 'paper', code: 'Russian policy/containment', coder: 'Ani', quote: 'chose containment', step: 's1' });
    await service.run('history.undo', {});
    expect(await service.run('codings.list', {})).toEqual([]);
    expect(await service.run('codes.list', {})).toEqual([]);
    await service.run('history.redo', {});
    expect((await service.run('codings.list', {})).map((s) => s.text)).toEqual(['chose containment']);
    expect((await service.run('codes.list', {})).map((c) => c.path)).toEqual(['Russian policy', 'Russian policy/containment']);
    service.close();
  });

  it('auto-coding into a new code: one step with the code', async () => {
    const service = await seeded();
    await service.run('codes.add', { path: 'Actors/Russia', step: 's2' });
    await service.run('search.autocodeApply', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', step: 's2' });
    expect((await service.run('codings.list', {})).length).toBe(2);
    await service.run('history.undo', {});
    expect(await service.run('codings.list', {})).toEqual([]);
    expect(await service.run('codes.list', {})).toEqual([]);
    service.close();
  });

  it('without a shared step, each is its own undo step', async () => {
    const service = await seeded();
    await service.run('codes.add', { path: 'Actors/Russia' });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', quote: 'chose containment' });
    await service.run('history.undo', {});
    expect(await service.run('codings.list', {})).toEqual([]);
    expect((await service.run('codes.list', {})).map((c) => c.path)).toEqual(['Actors', 'Actors/Russia']);
    service.close();
  });
});
