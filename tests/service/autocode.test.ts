/**
 * Auto-coding next to codings the coder already made with the code: a hit inside one is
 * skipped, a hit overlapping one extends it (the union), never a second coding on top.
 */
import { describe, expect, it } from 'vitest';
import { newProject, utf8, snapshot } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan. Mr. Putin met D. Trump in talks about Russia.\n';

const cp = (part: string): number => [...PAPER.slice(0, PAPER.indexOf(part))].length;
const span = (part: string): { start: number; end: number } => ({ start: cp(part), end: cp(part) + [...part].length });

async function seed() {
  const { service, file } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  // Ani coded "Russia chose" (a hit will widen over it) and the whole last sentence (its hit is inside).
  const chose = await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', ...span('Russia chose'), memo: 'the choice' });
  const last = await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', ...span('Mr. Putin met D. Trump in talks about Russia.') });
  // Ben's coding of the same code does not count for Ani.
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ben', ...span('Russia and Turkey') });
  return { service, file, chose, last };
}

describe('auto-coding beside existing codings', () => {
  it('previews per hit: new, extends an existing coding, or already coded (skipped), with counts', async () => {
    const { service, chose } = await seed();
    const preview = await service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(preview.hitOutcomes.map((hit) => [hit.start, hit.outcome])).toEqual([
      [cp('Russia and'), 'new'],
      [cp('Russia chose'), 'extends'],
      [cp('Russia.'), 'already-coded'],
    ]);
    expect(preview).toMatchObject({ hits: 3, alreadyCoded: 1, newPassages: 1, extendedCodings: 1, joinedCodings: 0 });
    expect(preview.passages.map((p) => [p.text, p.action, p.existing])).toEqual([
      ['Russia and Turkey', 'new', []],
      ['Russia chose pivotal containment.', 'extend', [{ id: chose.id, ...span('Russia chose') }]],
    ]);
    service.close();
  });

  it('applies by extending the overlapped coding (same id, memo kept) and adding only the new one; again, it changes nothing', async () => {
    const { service, file, chose, last } = await seed();
    const before = snapshot(file);
    const result = await service.run('search.autocodeApply', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(result.codingIds).toHaveLength(2);
    expect(result.codingIds).toContain(chose.id);
    const ani = await service.run('codings.list', { coder: 'Ani' });
    expect(ani.map((s) => [s.text, s.memo])).toEqual([
      ['Russia and Turkey', null],
      ['Russia chose pivotal containment.', 'the choice'],
      ['Mr. Putin met D. Trump in talks about Russia.', null],
    ]);
    expect(ani[1]!.id).toBe(chose.id);
    expect(ani[2]!.id).toBe(last.id);
    const after = snapshot(file);

    const again = await service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(again).toMatchObject({ alreadyCoded: 3, newPassages: 0, extendedCodings: 0, passages: [] });
    await service.run('search.autocodeApply', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(snapshot(file)).toEqual(after);

    await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);
    await service.run('history.redo', {});
    expect(snapshot(file)).toEqual(after);
    service.close();
  });

  it('joins every coding a passage reaches into the first, keeping both memos', async () => {
    const { service } = await seed();
    const pivotal = await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', ...span('containment. Turkey'), memo: 'the turn' });
    const preview = await service.run('search.autocodePreview', { query: 'pivotal', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(preview).toMatchObject({ newPassages: 0, extendedCodings: 1, joinedCodings: 1 });
    await service.run('search.autocodeApply', { query: 'pivotal', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    const ani = await service.run('codings.list', { coder: 'Ani' });
    expect(ani.map((s) => [s.text, s.memo])).toEqual([
      ['Russia chose pivotal containment. Turkey', 'the choice\n\nthe turn'],
      ['Mr. Putin met D. Trump in talks about Russia.', null],
    ]);
    expect(ani.map((s) => s.id)).not.toContain(pivotal.id);
    service.close();
  });
});
