/**
 * Analysis operations on small hand-made projects: attributes (typed, undoable, CSV), search in
 * step with import / delete / undo, search errors, auto-coding's merging and skipping, and the
 * matrices' edge cases (adjacent segments, nested codes, groups).
 */
import { describe, expect, it } from 'vitest';
import type { GlossService } from '../../app/service/service.js';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8, snapshot } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan. Mr. Putin met D. Trump in Sept. 12 talks about Russia.\n\nThe Łódź workshop on Górski Karabach; Россия молчит.\n';
const SECOND = 'Other paper\n\nNothing about that here, only Yerevan and Baku.\n';

async function seed(service: GlossService): Promise<void> {
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
}

const cp = (text: string, part: string, from = 0): number => [...text.slice(0, text.indexOf(part, from))].length;

describe('document attributes', () => {
  it('are typed, validated with a clear message, and set, unset and deleted as undoable actions', async () => {
    const { service, file } = newProject();
    await seed(service);
    const before = snapshot(file);

    const year = await service.run('attributes.set', { document: 'paper', attribute: 'year', value: '2021' });
    expect(year).toMatchObject({ attribute: { name: 'year', type: 'number', documents: 1 }, value: 2021 });
    await service.run('attributes.set', { document: 'second', attribute: 'Year', value: ' 2023 ' });
    await service.run('attributes.set', { document: 'paper', attribute: 'published', value: '2021-09-27', type: 'date' });
    await service.run('attributes.set', { document: 'paper', attribute: 'peer reviewed', value: 'Yes' });
    expect((await service.run('attributes.values', {})).map((row) => row.values)).toEqual([
      { 'peer reviewed': true, published: '2021-09-27', year: 2021 },
      { year: 2023 },
    ]);

    expect((await glossErrorOf(service.run('attributes.set', { document: 'paper', attribute: 'year', value: 'twenty' }))).message).toBe(
      'The number attribute "year" cannot take this value: "twenty" is not a number.',
    );
    expect((await glossErrorOf(service.run('attributes.set', { document: 'paper', attribute: 'published', value: '2021-02-30' }))).message).toMatch(/not a date written yyyy-mm-dd/);
    expect((await glossErrorOf(service.run('attributes.set', { document: 'paper', attribute: 'year', value: '2021', type: 'text' }))).message).toMatch(/"year" is a number attribute, not text/);
    expect((await glossErrorOf(service.run('attributes.set', { document: 'paper', attribute: 'title', value: 'x' }))).message).toMatch(/"title" cannot name an attribute/);
    expect((await glossErrorOf(service.run('attributes.set', { document: 'paper', attribute: 'year', value: '  ' }))).message).toMatch(/is empty/);
    expect((await glossErrorOf(service.run('attributes.unset', { document: 'paper', attribute: 'colour' }))).code).toBe('not_found');

    // Changing a type keeps the values if they all fit it, else refuses.
    expect(await service.run('attributes.define', { name: 'year', type: 'text' })).toMatchObject({ type: 'text', documents: 2 });
    expect((await glossErrorOf(service.run('attributes.define', { name: 'year', type: 'date' }))).message).toMatch(/"year" cannot become a date attribute: "2021" is not a date/);

    await service.run('attributes.unset', { document: 'paper', attribute: 'year' });
    const deleted = await service.run('attributes.delete', { attribute: 'published' });
    expect(deleted.values).toBe(1);
    expect((await service.run('attributes.list', {})).map((a) => a.name)).toEqual(['peer reviewed', 'year']);

    // Every one of those was one event: undo them all and the project is as it was.
    for (let i = 0; i < 7; i++) await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);
    for (let i = 0; i < 7; i++) await service.run('history.redo', {});
    expect((await service.run('attributes.list', {})).map((a) => [a.name, a.type])).toEqual([['peer reviewed', 'boolean'], ['year', 'text']]);
    service.close();
  });

  it('import from a CSV keyed by title as one action: types inferred or given, empty cells left alone, unmatched titles reported', async () => {
    const { service, file } = newProject();
    await seed(service);
    await service.run('attributes.set', { document: 'second', attribute: 'journal', value: 'Kept' });
    const before = snapshot(file);
    const csv = '\uFEFFTitle,Year,journal,code,open access\r\nPAPER,2021,"\'=Politeja",0012,yes\r\nsecond,2023,,0044,no\r\nmissing,1999,x,1,yes\r\n';
    const result = await service.run('attributes.importCsv', { csv, types: { code: 'text' } });
    expect(result).toEqual({ documents: 2, valuesSet: 7, unchanged: 0, attributesCreated: ['Year', 'code', 'open access'], unmatched: [{ row: 4, title: 'missing' }] });
    expect((await service.run('attributes.values', {})).map((row) => row.values)).toEqual([
      { Year: 2021, journal: '=Politeja', code: '0012', 'open access': true },
      { Year: 2023, journal: 'Kept', code: '0044', 'open access': false },
    ]);
    expect((await service.run('history.list', { limit: 1 }))[0]).toMatchObject({ operation: 'attributes.importCsv' });
    await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);

    const bad = await glossErrorOf(service.run('attributes.importCsv', { csv: 'title,journal,year\r\npaper,x,twenty\r\nsecond,y,2020,\r\n', types: { year: 'number' } }));
    expect(bad.message).toMatch(/nothing was imported/);
    expect(bad.message).toMatch(/row 2 \("paper"\), year: "twenty" is not a number/);
    expect(snapshot(file)).toEqual(before);
    expect((await glossErrorOf(service.run('attributes.importCsv', { csv: 'name,year\r\npaper,1\r\n' }))).message).toMatch(/first column of an attributes CSV is "title"/);
    expect((await glossErrorOf(service.run('attributes.importCsv', { csv: 'title,year,YEAR\r\npaper,1,2\r\n' }))).message).toMatch(/two columns named "YEAR"/);
    service.close();
  });

  it('filter documents and group them into matrix rows by value', async () => {
    const { service } = newProject();
    await seed(service);
    await service.run('documents.import', { fileName: 'third.txt', data: utf8('Third paper about Russia.\n') });
    await service.run('attributes.importCsv', { csv: 'title,peer reviewed,year\r\npaper,yes,2021\r\nsecond,no,2019\r\n' });
    const filtered = await service.run('attributes.filterDocuments', { where: [{ attribute: 'year', op: '>', value: '2020' }] });
    expect(filtered.map((d) => d.title)).toEqual(['paper']);
    expect((await service.run('attributes.filterDocuments', { where: [{ attribute: 'year', op: 'unset' }] })).map((d) => d.title)).toEqual(['third']);
    expect((await glossErrorOf(service.run('attributes.filterDocuments', { where: [{ attribute: 'year', value: 'soon' }] }))).message).toMatch(/"soon" is not a number/);

    const matrix = await service.run('analysis.matrix', { rows: 'peer reviewed' });
    expect(matrix.rows.map((row) => [row.label, row.key, row.documentIds.length])).toEqual([['no', false], ['yes', true], ['(no value)', null]].map(([l, k], i) => [l, k, [1, 1, 1][i]]));
    expect((await glossErrorOf(service.run('analysis.matrix', { rows: 'colour' }))).message).toMatch(/No document attribute "colour"\. The project has "peer reviewed", "year"\./);
    service.close();
  });
});

describe('search', () => {
  it('stays in step with import, delete, undo and redo', async () => {
    const { service } = newProject();
    await seed(service);
    expect((await service.run('search.query', { query: 'Yerevan' })).documents).toBe(1);
    await service.run('documents.delete', { document: 'second' });
    expect((await service.run('search.query', { query: 'Yerevan' })).documents).toBe(0);
    await service.run('history.undo', {});
    const back = await service.run('search.query', { query: 'Yerevan' });
    expect(back.hits.map((hit) => [hit.documentTitle, hit.start, hit.text])).toEqual([['second', cp(SECOND, 'Yerevan'), 'Yerevan']]);
    await service.run('documents.import', { fileName: 'third.txt', data: utf8('Yerevan again.\n') });
    expect((await service.run('search.query', { query: 'yerevan' })).documents).toBe(2);
    await service.run('history.undo', {});
    expect((await service.run('search.query', { query: 'yerevan' })).documents).toBe(1);
    await service.run('history.redo', {});
    expect((await service.run('search.query', { query: 'yerevan' })).documents).toBe(2);
    service.close();
  });

  it('finds Polish and Russian words as readers expect, in keyword-in-context form', async () => {
    const { service } = newProject();
    await seed(service);
    const lodz = await service.run('search.query', { query: 'Lodz' });
    expect(lodz.hits).toEqual([
      { documentId: expect.any(String), documentTitle: 'paper', start: cp(PAPER, 'Łódź'), end: cp(PAPER, 'Łódź') + 4, before: 'Putin met D. Trump in Sept. 12 talks about Russia. The ', text: 'Łódź', after: ' workshop on Górski Karabach; Россия молчит.' },
    ]);
    expect((await service.run('search.query', { query: 'łódź' })).hits.map((hit) => hit.text)).toEqual(['Łódź']);
    expect((await service.run('search.query', { query: 'РОССИЯ' })).hits.map((hit) => hit.text)).toEqual(['Россия']);
    expect((await service.run('search.query', { query: '"gorski karabach"' })).hits.map((hit) => hit.text)).toEqual(['Górski Karabach']);
    expect((await service.run('search.query', { query: 'russia NOT turkey' })).documents).toBe(0);
    expect((await service.run('search.query', { query: 'yerevan OR Łódź' })).documents).toBe(2);
    service.close();
  });

  it('returns a clear error for a malformed query, never an SQLite message', async () => {
    const { service } = newProject();
    await seed(service);
    for (const query of ['"unclosed', 'russia AND', 'NEAR(a b, x)', '(', ')']) {
      const result = await service.call('search.query', { query });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toMatch(/^Cannot search for /);
        expect(result.error.message).not.toMatch(/fts5|sqlite/i);
      }
    }
    service.close();
  });
});

describe('auto-coding', () => {
  it('widens to words, sentences or paragraphs, merges hits in one passage, and skips what this coder already coded', async () => {
    const { service } = newProject();
    await seed(service);
    const word = await service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani' });
    expect(word.passages.map((p) => p.text)).toEqual(['Russia', 'Russia', 'Russia']);
    const sentence = await service.run('search.autocodePreview', { query: 'Russia OR Turkey', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(sentence.passages.map((p) => [p.text, p.hits])).toEqual([
      ['Russia and Turkey', 2],
      ['Russia chose pivotal containment.', 1],
      ['Turkey backed Azerbaijan.', 1],
      ['Mr. Putin met D. Trump in Sept. 12 talks about Russia.', 1],
    ]);
    const paragraph = await service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'paragraph' });
    expect(paragraph.passages.map((p) => [p.start, p.hits])).toEqual([[0, 1], [cp(PAPER, 'Russia chose'), 2]]);

    // Ani already coded the second sentence: that hit is left alone; Ben's codings do not count.
    const start = cp(PAPER, 'Russia chose');
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', start: start - 1, end: start + 40 });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 0, end: 17 });
    const skipping = await service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Russia', coder: 'Ani', scope: 'sentence' });
    expect(skipping.alreadyCoded).toBe(1);
    expect(skipping.passages.map((p) => p.text)).toEqual(['Russia and Turkey', 'Mr. Putin met D. Trump in Sept. 12 talks about Russia.']);

    expect((await glossErrorOf(service.run('search.autocodePreview', { query: 'Russia', code: 'Actors/Iran', coder: 'Ani' }))).code).toBe('not_found');
    expect((await glossErrorOf(service.run('search.autocodeApply', { query: '"Russia', code: 'Actors/Russia', coder: 'Ani' }))).code).toBe('invalid_input');
    service.close();
  });

  it('applies as one event: undo restores every row, redo brings back the same codings', async () => {
    const { service, file } = newProject();
    await seed(service);
    const before = snapshot(file);
    const result = await service.run('search.autocodeApply', { query: 'russia', code: 'Actors/Russia', coder: 'Dana', scope: 'sentence' });
    expect(result.codingIds).toHaveLength(3);
    const after = snapshot(file);
    await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);
    await service.run('history.redo', {});
    expect(snapshot(file)).toEqual(after);
    const nothing = await service.run('search.autocodeApply', { query: 'nowhere', code: 'Actors/Russia', coder: 'Dana' });
    expect(nothing.codingIds).toEqual([]);
    // Nothing to code writes nothing: the newest event is still the redo.
    expect((await service.run('history.list', { limit: 1 }))[0]).toMatchObject({ kind: 'redo', operation: 'search.autocodeApply' });
    service.close();
  });
});

describe('matrices on hand-made codings', () => {
  it('adjacent segments do not overlap; nested codes; coverage counts overlaps once', async () => {
    const { service } = newProject();
    await seed(service);
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ani', start: 0, end: 5 });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', start: 5, end: 9 });
    await service.run('codings.apply', { document: 'paper', code: 'Actors', coder: 'Ani', start: 2, end: 4 });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 3, end: 7 });
    const cooccurrence = await service.run('analysis.cooccurrence', {});
    const paths = cooccurrence.columns.map((c) => c.code);
    expect(paths).toEqual(['Actors', 'Actors/Russia', 'Actors/Turkey']);
    const cell = (a: number, b: number) => cooccurrence.cells.find((x) => x.a === a && x.b === b);
    expect(cell(0, 1)).toMatchObject({ count: 2, passages: 1, characters: 2 }); // [2,4) with [0,5) and [3,7)
    expect(cell(1, 2)).toMatchObject({ count: 1, passages: 1, characters: 2 }); // only Ben's [3,7) meets [5,9)
    expect(cell(0, 2)).toBeUndefined(); // [2,4) and [5,9)
    expect(cell(1, 1)!.count).toBe(2);

    const matrix = await service.run('analysis.matrix', { includeSubcodes: true });
    const paper = matrix.rows.findIndex((row) => row.label === 'paper');
    const actors = matrix.cells.find((c) => c.row === paper && c.column === 0)!;
    expect(actors).toMatchObject({ count: 4, covered: 9, coverage: 9 / [...PAPER].length });
    const own = await service.run('analysis.matrix', {});
    expect(own.cells.find((c) => c.row === paper && c.column === 0)).toMatchObject({ count: 1, covered: 2 });
    expect(own.cells.find((c) => c.row === paper && c.column === 1)).toMatchObject({ count: 2, covered: 7 });
    service.close();
  });
});
