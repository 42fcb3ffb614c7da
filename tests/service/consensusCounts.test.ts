/**
 * The consensus coder (the review's outcome) is left out of "all coders" in every count, and
 * counted when it is the coder chosen; lists of coders and codings stay complete.
 */
import { describe, expect, it } from 'vitest';
import { newProject, utf8 } from '../support/project.js';

const PAPER = 'Russia chose containment. Turkey backed Azerbaijan.\n';

async function reviewed() {
  const { service } = newProject();
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia' });
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ben', quote: 'Russia' });
  await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', quote: 'Turkey backed' });
  // The reviewer accepts the agreement on "Russia": the consensus coder codes it once more.
  const agreed = await service.run('review.agreeAll', { coders: ['Ani', 'Ben'], reviewer: 'Rita' });
  expect(agreed.agreed).toBe(1);
  expect((await service.run('codings.list', { coder: 'Consensus' })).map((s) => s.text)).toEqual(['Russia']);
  return service;
}

describe('the consensus coder in counts', () => {
  it('is left out of the codebook, project and document counts, and coders.list stays complete', async () => {
    const service = await reviewed();
    const codes = await service.run('codes.list', {});
    expect(codes.find((c) => c.path === 'Actors/Russia')).toMatchObject({ segments: 2, documents: 1, totalSegments: 2 });
    expect(codes.find((c) => c.path === 'Actors')).toMatchObject({ segments: 0, totalSegments: 3, totalDocuments: 1 });
    const info = await service.run('project.info', {});
    expect(info.counts).toMatchObject({ codings: 3, coders: 3 });
    expect(info.countsLeaveOut).toBe('Consensus');
    expect((await service.run('documents.list', {}))[0]!.codings).toBe(3);
    expect((await service.run('coders.list', {})).map((c) => [c.name, c.codings])).toEqual([
      ['Ani', 2],
      ['Ben', 1],
      ['Consensus', 1],
      ['Rita', 0],
    ]);
    // Lists of codings are complete.
    expect(await service.run('codings.list', {})).toHaveLength(4);
    service.close();
  });

  it('is left out of the matrix, co-occurrence and Segments view for all coders, and counted when chosen', async () => {
    const service = await reviewed();
    const all = await service.run('analysis.matrix', { codes: ['Actors/Russia'] });
    expect(all).toMatchObject({ coder: null, excludedCoder: 'Consensus' });
    expect(all.totals[0]!.count).toBe(2);
    const consensus = await service.run('analysis.matrix', { codes: ['Actors/Russia'], coder: 'Consensus' });
    expect(consensus).toMatchObject({ coder: 'Consensus', excludedCoder: null });
    expect(consensus.totals[0]!.count).toBe(1);

    const cooccurrence = await service.run('analysis.cooccurrence', { codes: ['Actors/Russia'] });
    expect(cooccurrence.excludedCoder).toBe('Consensus');
    expect(cooccurrence.cells.find((cell) => cell.a === 0 && cell.b === 0)!.count).toBe(2);

    const segments = await service.run('retrieval.segments', {});
    expect(segments).toMatchObject({ total: 3, excludedCoder: 'Consensus' });
    expect(segments.segments.map((s) => s.coder)).not.toContain('Consensus');
    expect((await service.run('retrieval.segments', { coders: ['Consensus'] })).total).toBe(1);
    // A matrix cell's own codings, whoever coded them.
    const ids = (await service.run('codings.list', { code: 'Actors/Russia' })).map((s) => s.id);
    expect((await service.run('retrieval.segments', { ids })).total).toBe(3);
    service.close();
  });

  it('leaves nothing out before there is a consensus coder', async () => {
    const { service } = newProject();
    expect((await service.run('project.info', {})).countsLeaveOut).toBeNull();
    expect((await service.run('analysis.matrix', {})).excludedCoder).toBeNull();
    service.close();
  });
});
