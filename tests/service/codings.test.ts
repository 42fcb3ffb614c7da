/** One code by one coder on one passage is one coding, however it is applied or changed. */
import { describe, expect, it } from 'vitest';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8 } from '../support/project.js';

const PAPER = 'Russia chose containment. 🙂 Turkey backed Azerbaijan.\n';

async function seed() {
  const { service } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
  return service;
}

describe('duplicate codings', () => {
  it('refuses the same code by the same coder on exactly the same range, by offsets or by quote, and writes nothing', async () => {
    const service = await seed();
    const first = await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', quote: 'Turkey backed' });
    const events = (await service.run('history.list', {})).length;
    for (const again of [
      { start: first.start, end: first.end },
      { quote: 'Turkey backed' },
    ]) {
      const error = await glossErrorOf(service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'ani', ...again }));
      expect(error.code).toBe('duplicate_coding');
      expect(error.message).toBe('This passage is already coded as “Turkey” by Ani.');
    }
    expect(await service.run('codings.list', {})).toHaveLength(1);
    expect(await service.run('history.list', {})).toHaveLength(events);
    service.close();
  });

  it('allows another coder, another code, or a range that differs by one character', async () => {
    const service = await seed();
    const range = { start: 28, end: 41 };
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', ...range });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ben', ...range });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', ...range });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', start: 28, end: 40 });
    expect(await service.run('codings.list', {})).toHaveLength(4);
    service.close();
  });

  it('refuses changing a coding into a copy of another one, but lets a coding keep its own range', async () => {
    const service = await seed();
    const russia = await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia' });
    const turkey = await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', quote: 'Russia chose' });
    expect((await service.run('codings.update', { coding: russia.id, start: russia.start, end: russia.end })).id).toBe(russia.id);
    // Re-coding "Russia chose" as Russia is fine; narrowing it onto "Russia" then copies the first coding.
    const recoded = await service.run('codings.update', { coding: turkey.id, code: 'Actors/Russia' });
    expect(recoded.code).toBe('Actors/Russia');
    const error = await glossErrorOf(service.run('codings.update', { coding: turkey.id, end: russia.end }));
    expect(error.code).toBe('duplicate_coding');
    expect(error.message).toBe('This passage is already coded as “Russia” by Ani.');
    expect((await service.run('codings.list', {})).map((s) => [s.code, s.text])).toEqual([
      ['Actors/Russia', 'Russia'],
      ['Actors/Russia', 'Russia chose'],
    ]);
    service.close();
  });
});
