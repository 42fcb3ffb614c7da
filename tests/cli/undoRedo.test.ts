import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

describe('gloss undo / redo', () => {
  it('undo after `code apply` removes the coding; redo brings it back with the same uuid', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    writeFileSync(path.join(dir, 'paper.md'), '# Russia\n\nMoscow chose pivotal containment.\n');
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'paper.md')]);
    glossOk(['code', 'add', project, 'Russian policy/pivotal containment']);
    const coding = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'paper', '--code', 'Russian policy/pivotal containment', '--quote', 'pivotal containment', '--memo', 'note']));

    expect(glossOk(['undo', project])).toMatch(/^Undone: Code "pivotal containment"/);
    expect(JSON.parse(glossOk(['segments', project, '--json']))).toEqual([]);

    expect(glossOk(['redo', project])).toMatch(/^Redone:/);
    const [back] = JSON.parse(glossOk(['segments', project, '--json']));
    expect(back).toEqual(coding);

    const nothing = gloss(['redo', project]);
    expect(nothing.status).not.toBe(0);
    expect(nothing.stderr).toMatch(/nothing to redo/);
  });
});
