/**
 * Retrieval: segments filtered by code (with or without sub-codes), documents, coders,
 * attributes and ids, each with its sentence around it; and its CSV, row for row.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { newProject, utf8 } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan. Mr. Putin met D. Trump in talks.\n\nA last line.\n';
const SECOND = 'Other paper\n\nNothing about that here, only Yerevan and Baku.\n';

async function seeded() {
  const { service } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Actors' });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', quote: 'pivotal containment' });
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ben', quote: 'backed Azerbaijan' });
  await service.run('codings.apply', { document: 'second', code: 'Actors', coder: 'Ani', quote: 'Yerevan' });
  await service.run('attributes.set', { document: 'paper', attribute: 'year', value: '2021' });
  await service.run('attributes.set', { document: 'second', attribute: 'year', value: '2023' });
  return service;
}

describe('retrieval.segments', () => {
  it('returns each segment with the rest of its sentence', async () => {
    const service = await seeded();
    const result = await service.run('retrieval.segments', { code: 'Actors/Russia' });
    expect(result.total).toBe(1);
    expect(result.segments[0]).toMatchObject({ text: 'pivotal containment', before: 'Russia chose ', after: '.', coder: 'Ani', code: 'Actors/Russia', documentTitle: 'paper' });
    const turkey = (await service.run('retrieval.segments', { code: 'Actors/Turkey' })).segments[0]!;
    expect(`${turkey.before}${turkey.text}${turkey.after}`).toBe('Turkey backed Azerbaijan.');
  });

  it('filters by code with and without sub-codes, coders, documents, attributes and ids', async () => {
    const service = await seeded();
    expect((await service.run('retrieval.segments', { code: 'Actors' })).segments.map((s) => s.text)).toEqual(['Yerevan']);
    expect((await service.run('retrieval.segments', { code: 'Actors', includeSubcodes: true })).segments.map((s) => s.text)).toEqual([
      'pivotal containment',
      'backed Azerbaijan',
      'Yerevan',
    ]);
    expect((await service.run('retrieval.segments', { coders: ['Ben'] })).segments.map((s) => s.text)).toEqual(['backed Azerbaijan']);
    expect((await service.run('retrieval.segments', { documents: ['second'] })).segments.map((s) => s.text)).toEqual(['Yerevan']);
    expect((await service.run('retrieval.segments', { where: [{ attribute: 'year', op: '<', value: '2022' }] })).total).toBe(2);
    const all = await service.run('retrieval.segments', {});
    const picked = await service.run('retrieval.segments', { ids: [all.segments[2]!.id] });
    expect(picked.segments.map((s) => s.text)).toEqual(['Yerevan']);
    const limited = await service.run('retrieval.segments', { limit: 1 });
    expect(limited).toMatchObject({ total: 3, truncated: true });
  });

  it('exports exactly the rows the view shows as CSV', async () => {
    const service = await seeded();
    const input = { code: 'Actors', includeSubcodes: true, coders: ['Ani'] };
    const view = await service.run('retrieval.segments', input);
    const rows = readCsv((await service.run('retrieval.segmentsCsv', input)).csv);
    expect(rows.map((row) => [row.document, row.code, row.coder, row.before, row.segment, row.after])).toEqual(
      view.segments.map((s) => [s.documentTitle, s.code, s.coder, s.before, s.text, s.after]),
    );
  });
});
