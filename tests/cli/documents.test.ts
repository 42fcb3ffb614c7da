import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

function seed(): string {
  const dir = tempDir();
  const project = path.join(dir, 'p.gloss');
  writeFileSync(path.join(dir, 'aliyev-russia-approaches.md'), '# Russia\n\nMoscow chose pivotal containment.\n');
  writeFileSync(path.join(dir, 'other.md'), '# Other\n\nAnother paper.\n');
  glossOk(['new', project]);
  glossOk(['import', project, path.join(dir, 'aliyev-russia-approaches.md'), path.join(dir, 'other.md')]);
  glossOk(['code', 'add', project, 'Russian policy/pivotal containment']);
  glossOk(['code', 'apply', project, '--doc', 'aliyev-russia-approaches', '--code', 'Russian policy/pivotal containment', '--quote', 'pivotal containment', '--memo', 'note']);
  glossOk(['code', 'apply', project, '--doc', 'aliyev-russia-approaches', '--code', 'Russian policy/pivotal containment', '--quote', 'Moscow', '--coder', 'Ben']);
  return project;
}

describe('gloss doc rename / delete', () => {
  it('renames a document, keeping its source name', () => {
    const project = seed();
    const [id, title] = glossOk(['doc', 'rename', project, '--doc', 'aliyev-russia-approaches', 'Aliyev 2021']).trim().split('\t');
    expect(title).toBe('Aliyev 2021');
    const documents = JSON.parse(glossOk(['docs', project, '--json'])) as { id: string; title: string; sourceName: string }[];
    expect(documents.find((d) => d.id === id)).toMatchObject({ title: 'Aliyev 2021', sourceName: 'aliyev-russia-approaches.md' });

    const taken = gloss(['doc', 'rename', project, '--doc', 'Aliyev 2021', 'other']);
    expect(taken.status).not.toBe(0);
    expect(taken.stderr).toMatch(/Another document is already called "other"\. Choose another title\./);
  });

  it('refuses to delete without --yes, saying what would go; with --yes deletes it all, and undo brings it back', () => {
    const project = seed();
    const refused = gloss(['doc', 'delete', project, '--doc', 'aliyev-russia-approaches']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('Deleting would remove "aliyev-russia-approaches" with 2 codings and 1 memo. Nothing was changed; run again with --yes to delete it.');
    expect(JSON.parse(glossOk(['docs', project, '--json']))).toHaveLength(2);
    const segments = glossOk(['segments', project, '--json']);

    expect(glossOk(['doc', 'delete', project, '--doc', 'aliyev-russia-approaches', '--yes'])).toMatch(/^Deleted "aliyev-russia-approaches" with 2 codings and 1 memo\./);
    expect((JSON.parse(glossOk(['docs', project, '--json'])) as { title: string }[]).map((d) => d.title)).toEqual(['other']);
    expect(JSON.parse(glossOk(['segments', project, '--json']))).toEqual([]);

    expect(glossOk(['undo', project])).toMatch(/^Undone: Delete document "aliyev-russia-approaches"/);
    expect(glossOk(['segments', project, '--json'])).toBe(segments);
  });
});
