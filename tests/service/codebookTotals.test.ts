/** Parent codes' aggregates over their sub-codes, and the codebook CSV with totals and code memos. */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { newProject, utf8 } from '../support/project.js';

async function seeded() {
  const { service } = newProject();
  await service.run('documents.import', { fileName: 'one.txt', data: utf8('Russia chose containment. Turkey backed Azerbaijan.\n') });
  await service.run('documents.import', { fileName: 'two.txt', data: utf8('Iran watched. Russia waited.\n') });
  for (const path of ['Actors/Russia', 'Actors/Turkey', 'Actors/Regional/Iran', 'Other']) await service.run('codes.add', { path });
  await service.run('codings.apply', { document: 'one', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia' });
  await service.run('codings.apply', { document: 'two', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia' });
  await service.run('codings.apply', { document: 'one', code: 'Actors/Turkey', coder: 'Ben', quote: 'Turkey' });
  await service.run('codings.apply', { document: 'two', code: 'Actors/Regional/Iran', coder: 'Ani', quote: 'Iran' });
  await service.run('codings.apply', { document: 'one', code: 'Actors', coder: 'Ani', quote: 'Russia chose' });
  return service;
}

describe('codebook totals', () => {
  it('a code counts its own segments; its totals add every sub-code, documents counted once', async () => {
    const service = await seeded();
    const byPath = new Map((await service.run('codes.list', {})).map((code) => [code.path, code]));
    expect(byPath.get('Actors')).toMatchObject({ segments: 1, documents: 1, totalSegments: 5, totalDocuments: 2 });
    expect(byPath.get('Actors/Regional')).toMatchObject({ segments: 0, documents: 0, totalSegments: 1, totalDocuments: 1 });
    expect(byPath.get('Actors/Russia')).toMatchObject({ segments: 2, documents: 2, totalSegments: 2, totalDocuments: 2 });
    expect(byPath.get('Other')).toMatchObject({ segments: 0, documents: 0, totalSegments: 0, totalDocuments: 0 });
    // One code's view (after a change) has the same figures as the list.
    const updated = await service.run('codes.update', { code: 'Actors', color: '#112233' });
    expect(updated).toMatchObject({ segments: 1, documents: 1, totalSegments: 5, totalDocuments: 2 });
    service.close();
  });

  it('the codebook CSV has the totals and every memo on the code', async () => {
    const service = await seeded();
    await service.run('memos.create', { target: { kind: 'code', code: 'Actors/Russia' }, body: 'Moscow as an actor.' });
    // A second memo on the code is a titled one (one untitled memo per code: a second create writes into it).
    await service.run('memos.create', { target: { kind: 'code', code: 'Actors/Russia' }, title: 'Names', body: 'Also "Kremlin".' });
    const rows = readCsv((await service.run('export.codebookCsv', {})).csv);
    expect(rows.find((row) => row.path === 'Actors')).toMatchObject({ segments: '1', total_segments: '5', total_documents: '2', memo: '' });
    expect(rows.find((row) => row.path === 'Actors/Russia')!.memo).toBe('Moscow as an actor.\n\nAlso "Kremlin".');
    // Importing the exported CSV changes nothing (the count and memo columns are not codebook fields).
    const csv = (await service.run('export.codebookCsv', {})).csv;
    expect(await service.run('codes.importCsv', { csv })).toEqual({ created: 0, updated: 0, unchanged: 6 });
    service.close();
  });
});
