import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gloss, glossOk } from '../support/cli.js';
import { pseudoRandomBytes } from '../support/fixtures.js';
import { tempDir } from '../support/paths.js';
import { fileSha256 } from '../support/project.js';

/**
 * Each bad input gets a clear message on stderr, a non-zero exit, and leaves the project file
 * exactly as it was.
 */
describe('bad input', () => {
  const dir = tempDir();
  const project = path.join(dir, 'p.gloss');
  const file = (name: string, content: string | Uint8Array): string => {
    const full = path.join(dir, name);
    writeFileSync(full, content);
    return full;
  };

  beforeAll(() => {
    glossOk(['new', project]);
    glossOk(['import', project, file('paper.txt', 'Russia chose pivotal containment in 2020.\n')]);
    glossOk(['code', 'add', project, 'Russian policy/pivotal containment']);
  });

  const apply = (...extra: string[]): string[] => ['code', 'apply', project, '--doc', 'paper', '--code', 'Russian policy/pivotal containment', ...extra];

  const cases: [string, () => string[], RegExp][] = [
    ['an empty file', () => ['import', project, file('empty.txt', '')], /empty\.txt is empty/],
    ['a binary file named .txt', () => ['import', project, file('binary.txt', pseudoRandomBytes(4096))], /binary\.txt looks like a binary file/],
    ['a 0-byte .docx', () => ['import', project, file('zero.docx', '')], /zero\.docx is empty/],
    ['a corrupt PDF', () => ['import', project, file('corrupt.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF')], /corrupt\.pdf is not a readable PDF/],
    ['a missing file', () => ['import', project, path.join(dir, 'nowhere.txt')], /nowhere\.txt does not exist/],
    ['an unsupported format', () => ['import', project, file('slides.pptx', 'x')], /slides\.pptx.*(\.txt|txt)/],
    ['a code path with an empty part', () => ['code', 'add', project, 'Russian policy//containment'], /has an empty part/],
    ['start > end', () => apply('--start', '9', '--end', '3'), /start \(9\) is after the end \(3\)/],
    ['offsets past the end of the text', () => apply('--start', '5', '--end', '500'), /runs past the end of the text, which has 42 characters/],
    ['a negative offset', () => apply('--start', '-1', '--end', '3'), /whole number/],
    ['--quote text that is not in the document', () => apply('--quote', 'salami tactics'), /"salami tactics" is not in the document/],
    ['--quote and offsets together', () => apply('--quote', 'Russia', '--start', '0', '--end', '3'), /either --quote or --start and --end/],
    ['a colour that is not #RRGGBB', () => ['code', 'add', project, 'Other', '--color', 'red'], /"red" is not a colour.*#RRGGBB/],
    ['a code that does not exist', () => ['code', 'apply', project, '--doc', 'paper', '--code', 'Nope', '--quote', 'Russia'], /No code "Nope".*gloss code add/],
    ['a document that does not exist', () => ['code', 'apply', project, '--doc', 'other', '--code', 'Russian policy', '--quote', 'Russia'], /No document "other"/],
    ['a code that exists already', () => ['code', 'add', project, 'Russian policy/pivotal containment'], /already exists/],
    ['an unknown export', () => ['export', project, 'everything', '--format', 'csv'], /"codebook" or "segments"/],
  ];

  for (const [name, args, message] of cases) {
    it(`${name}: a clear error, and nothing written`, () => {
      const before = fileSha256(project);
      const run = gloss(args());
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.stdout).toBe('');
      expect(fileSha256(project)).toBe(before);
    });
  }

  it('a project path that is not a Gloss file: refused, and the file is left alone', () => {
    const notes = file('notes.gloss', 'not a database');
    const before = fileSha256(notes);
    for (const args of [['docs', notes], ['import', notes, path.join(dir, 'paper.txt')], ['undo', notes]]) {
      const run = gloss(args);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/is not a Gloss project/);
    }
    expect(fileSha256(notes)).toBe(before);
    const missing = gloss(['docs', path.join(dir, 'missing.gloss')]);
    expect(missing.stderr).toMatch(/No project at .*gloss new/);
  });

  it('a batch with a bad file imports the good ones whole, reports the bad one, and exits non-zero', () => {
    const batch = path.join(dir, 'batch.gloss');
    glossOk(['new', batch]);
    const run = gloss(['import', batch, file('good1.txt', 'One.\n'), file('bad.txt', ''), file('good2.md', '# Two\n\nText.\n')]);
    expect(run.status).not.toBe(0);
    expect(run.stdout.trim().split('\n').map((line) => line.split('\t')[1])).toEqual(['good1', 'good2']);
    expect(run.stderr).toMatch(/bad\.txt is empty/);
    expect(run.stderr).toMatch(/1 of 3 files could not be imported/);
  });

  it('the same content twice is reported, not duplicated', () => {
    const again = gloss(['import', project, file('copy-of-paper.txt', 'Russia chose pivotal containment in 2020.\r\n')]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/skipped .*copy-of-paper\.txt: the same text is already in the project as "paper"/);
    expect(JSON.parse(glossOk(['docs', project, '--json']))).toHaveLength(1);
  });
});
