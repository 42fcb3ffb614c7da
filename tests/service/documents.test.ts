/**
 * Renaming and deleting documents on a real project file: the title rules, the source name
 * kept, what a deletion takes with it (and nothing more), and undo bringing every row back.
 */
import { describe, expect, it } from 'vitest';
import type { GlossService } from '../../app/service/service.js';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8, snapshot } from '../support/project.js';

const PAPER = 'Russia chose containment. Turkey backed Azerbaijan. Baku and Yerevan talked.\n';
const OTHER = 'Other paper. Russia again.\n';

async function seed(): Promise<{ service: GlossService; file: string }> {
  const { service, file } = newProject();
  await service.run('documents.import', { fileName: 'aliyev-russia-approaches.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'other.txt', data: utf8(OTHER) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
  const ani = await service.run('codings.apply', { document: 'aliyev-russia-approaches', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia', memo: 'first actor' });
  await service.run('codings.apply', { document: 'aliyev-russia-approaches', code: 'Actors/Turkey', coder: 'Ben', quote: 'Turkey backed' });
  await service.run('codings.apply', { document: 'aliyev-russia-approaches', code: 'Actors/Russia', coder: 'Ben', quote: 'Russia' });
  await service.run('codings.apply', { document: 'other', code: 'Actors/Russia', coder: 'Ani', quote: 'Russia', memo: 'kept' });
  await service.run('memos.create', { target: { kind: 'document', document: 'aliyev-russia-approaches' }, body: 'about the paper' });
  await service.run('memos.create', { target: { kind: 'document', document: 'other' }, body: 'about the other paper' });
  await service.run('attributes.set', { document: 'aliyev-russia-approaches', attribute: 'year', value: '2021' });
  await service.run('attributes.set', { document: 'other', attribute: 'year', value: '2022' });
  await service.run('review.comment', { document: 'aliyev-russia-approaches', place: 'somewhere', coder: 'Rita', body: 'look here' });
  expect(ani.memo).toBe('first actor');
  return { service, file };
}

describe('documents.rename', () => {
  it('changes the display title, keeps the source name, and is one undoable step', async () => {
    const { service } = await seed();
    const renamed = await service.run('documents.rename', { document: 'aliyev-russia-approaches', title: '  Aliyev 2021  ' });
    expect(renamed.title).toBe('Aliyev 2021');
    expect(renamed.sourceName).toBe('aliyev-russia-approaches.txt');
    expect(renamed.codings).toBe(3);
    // The new title is how the document is named from now on, everywhere.
    expect((await service.run('documents.get', { document: 'aliyev 2021' })).id).toBe(renamed.id);
    expect((await service.run('codings.list', { document: 'Aliyev 2021' })).map((s) => s.documentTitle)).toEqual(['Aliyev 2021', 'Aliyev 2021', 'Aliyev 2021']);
    expect((await service.run('history.undo', {})).summary).toBe('Rename document "aliyev-russia-approaches" to "Aliyev 2021"');
    expect((await service.run('documents.list', {})).map((d) => d.title)).toEqual(['aliyev-russia-approaches', 'other']);
    service.close();
  });

  it('refuses an empty, multi-line, over-long or taken title with a message that says what to do', async () => {
    const { service } = await seed();
    const refusal = async (title: string): Promise<string> => {
      const error = await glossErrorOf(service.run('documents.rename', { document: 'other', title }));
      return `${error.code}: ${error.message}`;
    };
    expect(await refusal('   ')).toBe('invalid_input: A document needs a title: type at least one letter.');
    expect(await refusal('two\nlines')).toBe('invalid_input: A title is one line: take out line breaks and tabs.');
    expect(await refusal('x'.repeat(301))).toBe('invalid_input: A title has at most 300 characters; this one has 301. Shorten it.');
    expect(await refusal('ALIYEV-russia-approaches')).toBe('exists: Another document is already called "ALIYEV-russia-approaches". Choose another title.');
    // 300 astral characters are 300 characters, though 600 UTF-16 units.
    expect((await service.run('documents.rename', { document: 'other', title: '😀'.repeat(300) })).title).toBe('😀'.repeat(300));
    // A change of case of its own title is a rename like any other.
    expect((await service.run('documents.rename', { document: 'aliyev-russia-approaches', title: 'Aliyev-Russia-Approaches' })).title).toBe('Aliyev-Russia-Approaches');
    service.close();
  });
});

describe('documents.delete', () => {
  it('previews, then removes the document with its codings, memos, attribute values and review rows, and nothing else', async () => {
    const { service, file } = await seed();
    const preview = await service.run('documents.deletePreview', { document: 'aliyev-russia-approaches' });
    expect(preview).toEqual({ id: preview.id, title: 'aliyev-russia-approaches', codings: 3, memos: 2, attributeValues: 1, reviewDecisions: 0, reviewComments: 1 });
    const before = snapshot(file);
    // A preview writes nothing.
    expect(snapshot(file)).toEqual(before);

    expect(await service.run('documents.delete', { document: 'aliyev-russia-approaches' })).toEqual({ id: preview.id });
    const after = snapshot(file);
    const documentId = (before.documents as { id: number; uuid: string }[]).find((d) => d.uuid === preview.id)!.id;
    const ofDocument = (row: unknown): boolean => (row as { document_id?: number }).document_id === documentId;
    const deletedCodingIds = new Set((before.codings as { id: number; document_id: number }[]).filter(ofDocument).map((c) => c.id));
    // Every other row is untouched.
    expect(after.documents).toEqual(before.documents!.filter((row) => (row as { id: number }).id !== documentId));
    expect(after.codings).toEqual(before.codings!.filter((row) => !ofDocument(row)));
    expect(after.memos).toEqual(before.memos!.filter((row) => !ofDocument(row) && !deletedCodingIds.has((row as { coding_id: number | null }).coding_id ?? -1)));
    expect(after.document_attributes).toEqual(before.document_attributes!.filter((row) => !ofDocument(row)));
    expect(after.review_comments).toEqual([]);
    expect(after.codes).toEqual(before.codes);
    expect(after.coders).toEqual(before.coders);
    expect((await service.run('project.info', {})).counts).toMatchObject({ documents: 1, codings: 1, memos: 2 });
    expect((await service.run('search.query', { query: 'containment' })).hits).toEqual([]);

    // One step in the history; undo brings every row back as it was (same ids and uuids), redo takes them again.
    const [event] = await service.run('history.list', { limit: 1 });
    expect(event!.summary).toBe('Delete document "aliyev-russia-approaches" with 3 codings, 2 memos, 1 attribute value and 1 review comment');
    await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);
    expect((await service.run('search.query', { query: 'containment' })).hits).toHaveLength(1);
    await service.run('history.redo', {});
    expect(snapshot(file)).toEqual(after);
    await service.run('history.undo', {});
    expect(snapshot(file)).toEqual(before);
    service.close();
  });

  it('says which document it cannot find', async () => {
    const { service } = await seed();
    const error = await glossErrorOf(service.run('documents.delete', { document: 'nowhere' }));
    expect(error.code).toBe('not_found');
    expect(error.message).toMatch(/^No document "nowhere" in this project/);
    service.close();
  });
});
