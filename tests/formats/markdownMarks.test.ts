import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InlineMark } from '../../app/domain/inlineMarks.js';
import { markdownMarks } from '../../app/formats/markdown.js';
import { corpusDir, hasShared } from '../support/paths.js';
import { newProject, utf8 } from '../support/project.js';

/** Each mark as "kind:text", the text cut at code points. */
function shown(text: string, marks: InlineMark[]): string[] {
  const points = [...text];
  return marks.map((mark) => `${mark.kind}:${points.slice(mark.start, mark.end).join('')}`);
}

/** What the reader shows: the text without its syntax marks. */
function visible(text: string, marks: InlineMark[]): string {
  const points = [...text];
  const hidden = new Set<number>();
  for (const mark of marks) if (mark.kind === 'syntax') for (let i = mark.start; i < mark.end; i++) hidden.add(i);
  return points.filter((_, i) => !hidden.has(i)).join('');
}

describe('Markdown inline marks', () => {
  it('bold, emphasis, code and links: the content marked, the delimiters syntax', () => {
    const text = 'A **bold** and _em_ and `code` and [a link](https://x.org) and <https://y.org>.';
    expect(shown(text, markdownMarks(text))).toEqual([
      'syntax:**', 'strong:bold', 'syntax:**',
      'syntax:_', 'em:em', 'syntax:_',
      'syntax:`', 'code:code', 'syntax:`',
      'syntax:[', 'link:a link', 'syntax:](https://x.org)',
      'syntax:<', 'link:https://y.org', 'syntax:>',
    ]);
    expect(visible(text, markdownMarks(text))).toBe('A bold and em and code and a link and https://y.org.');
  });

  it('escapes, superscripts, subscripts, heading markers and list markers', () => {
    const text = '## Title ##\n\nNAME\\* and 21<sup>st</sup> and H<sub>2</sub>O \\_kept\\_.\n\n- item one\n1. numbered\n';
    const marks = markdownMarks(text);
    expect(shown(text, marks)).toEqual([
      'syntax:## ', 'syntax: ##',
      'syntax:\\', 'syntax:<sup>', 'sup:st', 'syntax:</sup>', 'syntax:<sub>', 'sub:2', 'syntax:</sub>', 'syntax:\\', 'syntax:\\',
      'syntax:- ', 'syntax:1. ',
    ]);
    expect(visible(text, marks)).toBe('Title\n\nNAME* and 21st and H2O _kept_.\n\nitem one\nnumbered\n');
  });

  it('counts in code points after astral characters', () => {
    const text = '👩🏽‍🚀 **x** 😀<sup>2</sup>';
    expect(shown(text, markdownMarks(text))).toEqual(['syntax:**', 'strong:x', 'syntax:**', 'syntax:<sup>', 'sup:2', 'syntax:</sup>']);
  });

  it('leaves code blocks and unmatched delimiters alone', () => {
    const text = '```\n**not bold** \\*\n```\n\nA lone ** and a <sup> never closed.\n';
    expect(shown(text, markdownMarks(text))).toEqual(['syntax:<sup>']);
  });

  it('stays linear on hostile input: thousands of escapes, tags and delimiters', () => {
    const escapes = '\\*'.repeat(20_000);
    expect(markdownMarks(escapes)).toHaveLength(20_000);
    const tags = '<sup>1</sup>'.repeat(5_000);
    expect(markdownMarks(tags).filter((mark) => mark.kind === 'sup')).toHaveLength(5_000);
    const nested = `${'> '.repeat(3_000)}**deep**`;
    expect(markdownMarks(nested).filter((mark) => mark.kind === 'strong')).toHaveLength(1);
  });

  if (!hasShared) it.skip(`the corpus papers: skipped, ${corpusDir} is absent (the corpus sits beside the repository as ../shared)`, () => {});
  it.skipIf(!hasShared).each(['vardazaryan-armenia-russia-after-second-karabakh-war.md', 'jovic-lazic-second-armed-conflict-nk.md'])(
    '%s: bold, \\* escapes and <sup> read as formatting; the text is unchanged',
    (file) => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8').replace(/\r\n?/g, '\n');
      const marks = markdownMarks(text);
      const kinds = new Set(marks.map((mark) => mark.kind));
      for (const kind of ['strong', 'sup', 'syntax'] as const) expect(kinds).toContain(kind);
      const seen = visible(text, marks);
      expect(seen).not.toMatch(/\*\*|<\/?sup>|\\\*/);
      for (const mark of marks) {
        expect(mark.start).toBeLessThan(mark.end);
        expect(mark.end).toBeLessThanOrEqual([...text].length);
      }
    },
  );

  it('vardazaryan: the byline escape, "Keywords:" in bold and "21st" with its superscript', () => {
    if (!hasShared) return;
    const text = readFileSync(path.join(corpusDir, 'vardazaryan-armenia-russia-after-second-karabakh-war.md'), 'utf8').replace(/\r\n?/g, '\n');
    const all = shown(text, markdownMarks(text));
    expect(all).toContain('strong:Keywords:');
    expect(all).toContain('sup:st');
    const byline = [...text].indexOf('\\', [...text].join('').indexOf('MARUT VARDAZARYAN'));
    expect(markdownMarks(text)).toContainEqual({ start: byline, end: byline + 1, kind: 'syntax' });
  });
});

describe('documents.get', () => {
  it('returns the marks of a Markdown document and none for plain text, with the text unchanged', async () => {
    const { service } = newProject();
    try {
      const source = '# Title\n\nSome **bold** text<sup>1</sup>.\n';
      await service.run('documents.import', { fileName: 'paper.md', data: utf8(source) });
      await service.run('documents.import', { fileName: 'plain.txt', data: utf8('Some **bold** text.\n') });
      const md = await service.run('documents.get', { document: 'paper' });
      expect(md.text).toBe(source);
      expect(shown(md.text, md.marks)).toEqual(['syntax:# ', 'syntax:**', 'strong:bold', 'syntax:**', 'syntax:<sup>', 'sup:1', 'syntax:</sup>']);
      expect((await service.run('documents.get', { document: 'plain' })).marks).toEqual([]);
    } finally {
      service.close();
    }
  });
});
