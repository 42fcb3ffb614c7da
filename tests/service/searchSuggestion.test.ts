import { describe, expect, it } from 'vitest';
import { newProject, utf8 } from '../support/project.js';

describe('search suggestions', () => {
  it('suggests the prefix search when a bare word finds nothing but its prefix would', async () => {
    const { service } = newProject();
    await service.run('documents.import', { fileName: 'paper.txt', data: utf8('Russian peacekeeping forces arrived in 2020.\n') });
    const none = await service.run('search.query', { query: 'peacekeep' });
    expect(none.hits).toEqual([]);
    expect(none.suggestion).toBe('peacekeep*');
    expect((await service.run('search.query', { query: none.suggestion! })).hits.map((hit) => hit.text)).toEqual(['peacekeeping']);
    // Nothing to suggest: a word no text starts with, a phrase, a search that finds something.
    expect((await service.run('search.query', { query: 'zeppelin' })).suggestion).toBeUndefined();
    expect((await service.run('search.query', { query: '"peacekeep forces"' })).suggestion).toBeUndefined();
    expect((await service.run('search.query', { query: 'Russian' })).suggestion).toBeUndefined();
    service.close();
  });
});
