import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

// A BOM, CRLF line ends, and astral characters before the coded passages: an astronaut with
// skin tone joined by ZWJ, flags, mathematical bold letters.
const SOURCE =
  '\uFEFFField notes 👩🏽‍🚀\r\n\r\nIn Yerevan 🇦🇲 and Baku 🇦🇿 the 𝐛𝐨𝐥𝐝 claim was pivotal containment.\r\n' +
  'Later, "salami tactics" 🍕 took hold 👍🏿 — twice: salami tactics.\r\n';

describe('a text with a BOM, CRLF and astral characters', () => {
  it('codes by quote at code-point offsets, and segments and CSV give back exactly that text', () => {
    const dir = tempDir();
    const project = path.join(dir, 'astral.gloss');
    const source = path.join(dir, 'notes.txt');
    writeFileSync(source, SOURCE, 'utf8');
    glossOk(['new', project]);
    const [line] = glossOk(['import', project, source]).trim().split('\n');
    const canonical = SOURCE.slice(1).replace(/\r\n/g, '\n');
    const codePoints = [...canonical];
    expect(line!.split('\t').slice(1)).toEqual(['notes', String(codePoints.length)]);

    glossOk(['code', 'add', project, 'Russian policy/pivotal containment']);
    glossOk(['code', 'add', project, 'Azerbaijani strategy/salami tactics', '--color', '#2ca02c']);
    const first = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'notes', '--code', 'Russian policy/pivotal containment', '--quote', 'pivotal containment', '--coder', 'Ani']));
    const second = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'notes', '--code', 'Azerbaijani strategy/salami tactics', '--quote', 'salami tactics', '--occurrence', '2', '--memo', '=1+1 is not a formula']));
    const crossing = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'notes', '--code', 'Azerbaijani strategy/salami tactics', '--quote', 'containment.\nLater, "salami tactics" 🍕']));

    // Offsets are code points into the canonical text, computed here independently.
    const expectAt = (segment: { start: number; end: number; text: string }, quote: string, occurrence: number): void => {
      let utf16 = -1;
      for (let i = 0; i < occurrence; i++) utf16 = canonical.indexOf(quote, utf16 + 1);
      const start = [...canonical.slice(0, utf16)].length;
      expect(segment.start).toBe(start);
      expect(segment.end).toBe(start + [...quote].length);
      expect(codePoints.slice(segment.start, segment.end).join('')).toBe(quote);
      expect(segment.text).toBe(quote);
    };
    expectAt(first, 'pivotal containment', 1);
    expectAt(second, 'salami tactics', 2);
    expectAt(crossing, 'containment.\nLater, "salami tactics" 🍕', 1);
    expect(first.start).toBeLessThan(canonical.indexOf('pivotal containment'));

    const segments = JSON.parse(glossOk(['segments', project, '--json']));
    expect(segments).toHaveLength(3);
    for (const segment of segments) {
      expect(Object.keys(segment)).toEqual(expect.arrayContaining(['id', 'documentId', 'documentTitle', 'code', 'coder', 'start', 'end', 'text', 'memo']));
      expect(codePoints.slice(segment.start, segment.end).join('')).toBe(segment.text);
    }
    expect(segments.find((s: { id: string }) => s.id === first.id)).toMatchObject({ code: 'Russian policy/pivotal containment', coder: 'Ani', text: 'pivotal containment' });
    expect(segments.find((s: { id: string }) => s.id === second.id)).toMatchObject({ coder: 'tester', memo: '=1+1 is not a formula' });

    const csvFile = path.join(dir, 'segments.csv');
    glossOk(['export', project, 'segments', '--format', 'csv', '-o', csvFile]);
    const stdoutCsv = glossOk(['export', project, 'segments', '--format', 'csv']);
    expect(stdoutCsv.startsWith('\uFEFFdocument,code,coder,start,end,text,memo')).toBe(true);
    expect(stdoutCsv).toContain(`"'=1+1 is not a formula"`);
    const rows = readCsv(stdoutCsv);
    expect(rows.map((row) => [row.text, Number(row.start), Number(row.end)])).toEqual(
      segments.map((s: { text: string; start: number; end: number }) => [s.text, s.start, s.end]),
    );
    expect(rows.find((row) => row.id === second.id)!.memo).toBe('=1+1 is not a formula');
  });

  it('codes by offsets that end right after an astral character', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    writeFileSync(path.join(dir, 'flags.txt'), 'A🇦🇲B\n');
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'flags.txt')]);
    glossOk(['code', 'add', project, 'flag']);
    const segment = JSON.parse(glossOk(['code', 'apply', project, '--doc', 'flags', '--code', 'flag', '--start', '1', '--end', '3']));
    expect(segment.text).toBe('🇦🇲');
    expect(gloss(['code', 'apply', project, '--doc', 'flags', '--code', 'flag', '--start', '1', '--end', '6']).stderr).toMatch(/past the end of the text, which has 5 characters/);
  });
});
