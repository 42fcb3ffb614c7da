/**
 * Every export writes every row it names: none stops at a view's page size. The project holds
 * more codings than the Segments view's page (2,000) and the search's default page (100).
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { DEFAULT_RETRIEVAL_LIMIT } from '../../app/service/retrieval.js';
import { newProject, utf8 } from '../support/project.js';

const WORDS = DEFAULT_RETRIEVAL_LIMIT + 150;

async function bigProject() {
  const { service } = newProject();
  // One short paragraph per hit, so that each hit is a coding of its own.
  const text = `Heading\n\n${Array.from({ length: WORDS }, (_, i) => `Peace number ${i}.`).join('\n\n')}\n`;
  await service.run('documents.import', { fileName: 'long.txt', data: utf8(text) });
  await service.run('codes.add', { path: 'Themes/Peace' });
  const coded = await service.run('search.autocodeApply', { query: 'peace', code: 'Themes/Peace', coder: 'Ani' });
  expect(coded.codingIds).toHaveLength(WORDS);
  return service;
}

describe('exports are complete', () => {
  it('retrieval.segmentsCsv writes every selected segment, though the view shows a page', async () => {
    const service = await bigProject();
    const view = await service.run('retrieval.segments', { code: 'Themes/Peace' });
    expect(view).toMatchObject({ total: WORDS, truncated: true });
    expect(view.segments).toHaveLength(DEFAULT_RETRIEVAL_LIMIT);
    const exported = await service.run('retrieval.segmentsCsv', { code: 'Themes/Peace' });
    expect(exported.rows).toBe(WORDS);
    const rows = readCsv(exported.csv);
    expect(rows).toHaveLength(WORDS);
    // The same rows as the view, in the same order, and then the rest.
    expect(rows.slice(0, DEFAULT_RETRIEVAL_LIMIT).map((row) => Number(row.start))).toEqual(view.segments.map((s) => s.start));
    expect(new Set(rows.map((row) => row.start)).size).toBe(WORDS);
    service.close();
  });

  it('the segments, codebook, matrix and co-occurrence CSVs count and list every coding', async () => {
    const service = await bigProject();
    expect(readCsv((await service.run('export.segmentsCsv', {})).csv)).toHaveLength(WORDS);
    const codebook = readCsv((await service.run('export.codebookCsv', {})).csv);
    expect(codebook.find((row) => row.path === 'Themes/Peace')).toMatchObject({ segments: String(WORDS), documents: '1' });
    const matrix = readCsv((await service.run('analysis.matrixCsv', {})).csv);
    expect(matrix[0]!['themes/peace']).toBe(String(WORDS));
    const cooccurrence = readCsv((await service.run('analysis.cooccurrenceCsv', {})).csv);
    expect(cooccurrence.find((row) => row.code === 'Themes/Peace')!['themes/peace']).toBe(String(WORDS));
    service.close();
  });
});
