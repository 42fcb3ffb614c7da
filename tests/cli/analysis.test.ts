import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';
import { fileSha256 } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan.\n\nThe Łódź workshop; Россия молчит.\n';
const SECOND = 'Second paper\n\nYerevan and Baku, then Russia again.\n';

describe('gloss matrix, cooccurrence, search, autocode and attributes', () => {
  const dir = tempDir();
  const project = path.join(dir, 'p.gloss');

  beforeAll(() => {
    writeFileSync(path.join(dir, 'paper.txt'), PAPER);
    writeFileSync(path.join(dir, 'second.txt'), SECOND);
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'paper.txt'), path.join(dir, 'second.txt')]);
    glossOk(['code', 'add', project, 'Actors/Russia']);
    glossOk(['code', 'add', project, '=Turkey']);
    glossOk(['code', 'apply', project, '--doc', 'paper', '--code', 'Actors/Russia', '--start', '0', '--end', '6', '--coder', 'Ani']);
    glossOk(['code', 'apply', project, '--doc', 'paper', '--code', '=Turkey', '--start', '3', '--end', '17', '--coder', 'Ben']);
    glossOk(['code', 'apply', project, '--doc', 'second', '--code', 'Actors/Russia', '--quote', 'Russia', '--coder', 'Ani']);
  });

  it('matrix: CSV to a file or standard output, JSON, measures, rows by attribute and filters', () => {
    const out = path.join(dir, 'matrix.csv');
    expect(gloss(['matrix', project, '--format', 'csv', '-o', out]).stderr).toMatch(/Wrote .*matrix\.csv/);
    const rows = readCsv(readFileSync(out, 'utf8'));
    // readCsv lower-cases header names and takes the formula guard off them, as off every cell.
    expect(rows.map((row) => [row.document, row.actors, row['actors/russia'], row['=turkey']])).toEqual([
      ['paper', '0', '1', '1'],
      ['second', '0', '1', '0'],
      ['All documents', '0', '2', '1'],
    ]);
    // A code named "=Turkey" is a formula to a spreadsheet: its header cell is neutralised.
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toContain(`"'=Turkey"`);

    const coverage = readCsv(glossOk(['matrix', project, '--format', 'csv', '--measure', 'coverage']).trimEnd());
    expect(Number(coverage[0]!['=turkey'])).toBeCloseTo(14 / [...PAPER].length, 6);
    const json = JSON.parse(glossOk(['matrix', project, '--format', 'json', '--coder', 'Ani']));
    expect(json.cells.map((cell: { row: number; column: number; count: number; segmentIds: string[] }) => [cell.row, cell.column, cell.count, cell.segmentIds.length])).toEqual([[0, 1, 1, 1], [1, 1, 1, 1]]);

    glossOk(['attribute', 'set', project, '--doc', 'paper', 'year', '2021']);
    glossOk(['attribute', 'set', project, '--doc', 'second', 'year', '2023']);
    const byYear = readCsv(glossOk(['matrix', project, '--rows', 'year', '--format', 'csv', '--measure', 'per1000']).trimEnd());
    expect(byYear.map((row) => row.year)).toEqual(['2021', '2023', 'All documents']);
    const filtered = JSON.parse(glossOk(['matrix', project, '--format', 'json', '--where', 'year>=2022']));
    expect(filtered.rows.map((row: { label: string }) => row.label)).toEqual(['second']);

    const bad = gloss(['matrix', project, '--format', 'xml']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/--format is csv or json, not "xml"/);
    expect(gloss(['matrix', project, '--format', 'csv', '--where', 'year>']).stderr).toMatch(/has no value after >/);
  });

  it('cooccurrence: a symmetric CSV by overlap or paragraph, JSON with pairs', () => {
    // On standard output the last line ends with the terminal's \n, not CSV's CRLF.
    const overlap = readCsv(glossOk(['cooccurrence', project, '--format', 'csv']).trimEnd());
    expect(overlap.map((row) => [row.code, row['actors/russia'], row['=turkey']])).toEqual([
      ['Actors', '0', '0'],
      ['Actors/Russia', '2', '1'],
      ['=Turkey', '1', '1'],
    ]);
    const paragraph = JSON.parse(glossOk(['cooccurrence', project, '--format', 'json', '--scope', 'paragraph']));
    expect(paragraph.scope).toBe('paragraph');
    expect(paragraph.cells.find((cell: { a: number; b: number }) => cell.a === 1 && cell.b === 2)).toMatchObject({ count: 1 });
    expect(gloss(['cooccurrence', project, '--format', 'csv', '--scope', 'page']).stderr).toMatch(/Allowed choices are overlap, paragraph/);
  });

  it('search prints hits in context; --json gives offsets; a bad query is explained and changes nothing', () => {
    const text = glossOk(['search', project, 'Lodz']);
    expect(text).toContain('1 document matches; 1 hit');
    expect(text).toContain('paper [');
    expect(text).toContain('«Łódź»');
    const json = JSON.parse(glossOk(['search', project, 'russia', '--json', '--limit', '2']));
    expect(json.hits).toHaveLength(2);
    expect(json.truncated).toBe(true);
    expect(json.hits[0]).toMatchObject({ documentTitle: 'paper', start: 0, end: 6, text: 'Russia' });

    const before = fileSha256(project);
    const bad = gloss(['search', project, '"pivotal containment']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^gloss: Cannot search for .*quotation mark at position 1 is never closed/);
    expect(fileSha256(project)).toBe(before);
  });

  it('autocode: --dry-run previews and writes nothing; the real run is one action that one undo takes back', () => {
    const before = fileSha256(project);
    const preview = glossOk(['autocode', project, 'Russia OR Turkey', '--code', 'Actors/Russia', '--scope', 'sentence', '--coder', 'Cem', '--dry-run']);
    expect(preview).toMatch(/^Would code 4 passages as "Actors\/Russia" for Cem \(sentences around 5 hits in 2 documents\)/);
    expect(preview).toContain('“Russia chose pivotal containment.”');
    expect(fileSha256(project)).toBe(before);

    const applied = gloss(['autocode', project, 'Russia OR Turkey', '--code', 'Actors/Russia', '--scope', 'sentence', '--coder', 'Cem']);
    expect(applied.stdout).toMatch(/^Coded 4 passages/);
    expect(applied.stderr).toMatch(/takes all 4 back at once/);
    const coded = JSON.parse(glossOk(['segments', project, '--coder', 'Cem', '--json']));
    expect(coded).toHaveLength(4);
    expect(glossOk(['undo', project])).toMatch(/^Undone: Auto-code 4 passages matching "Russia OR Turkey" as "Actors\/Russia"/);
    expect(JSON.parse(glossOk(['segments', project, '--code', 'Actors/Russia', '--json'])).filter((s: { coder: string }) => s.coder === 'Cem')).toEqual([]);
  });

  it('attribute set / unset and attributes: a grid, JSON and CSV import with unmatched titles on stderr', () => {
    glossOk(['attribute', 'set', project, '--doc', 'paper', 'journal', 'Politeja']);
    expect(glossOk(['attribute', 'set', project, '--doc', 'paper', 'reviewed', 'yes', '--type', 'boolean'])).toMatch(/reviewed \(boolean\) = true/);
    const bad = gloss(['attribute', 'set', project, '--doc', 'paper', 'year', 'soon']);
    expect(bad.stderr).toMatch(/The number attribute "year" cannot take this value: "soon" is not a number/);
    const grid = glossOk(['attributes', project]);
    expect(grid.split('\n')[0]).toMatch(/^document\s+journal \(text\)\s+reviewed \(boolean\)\s+year \(number\)$/);
    expect(grid).toMatch(/paper\s+Politeja\s+yes\s+2021/);

    const csv = path.join(dir, 'attributes.csv');
    writeFileSync(csv, 'title,country,year\r\nsecond,Armenia,2024\r\nthird,Georgia,2020\r\n');
    const imported = gloss(['attributes', 'import', project, csv, '--type', 'country=text']);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/2 values set for 1 document \(0 unchanged\); new attributes: country/);
    expect(imported.stderr).toMatch(/row 3: no document titled "third"/);
    const json = JSON.parse(glossOk(['attributes', project, '--json']));
    expect(json.documents.find((d: { title: string }) => d.title === 'second').values).toEqual({ year: 2024, country: 'Armenia' });
    glossOk(['attribute', 'unset', project, '--doc', 'second', 'country']);
    expect(JSON.parse(glossOk(['attributes', project, '--json'])).documents[1].values).toEqual({ year: 2024 });
  });

  it('every command has --help', () => {
    const helps: [string[], RegExp][] = [
      [['matrix', '--help'], /--rows <rows>[\s\S]*--measure <measure>[\s\S]*--where <condition>[\s\S]*Coverage: code points/],
      [['cooccurrence', '--help'], /--scope <scope>[\s\S]*The diagonal is each code's segment count/],
      [['search', '--help'], /NEAR\(word word, 5\)[\s\S]*--limit <n>/],
      [['autocode', '--help'], /--scope <unit>[\s\S]*--dry-run/],
      [['attribute', 'set', '--help'], /--doc <id\|title>[\s\S]*--type <type>/],
      [['attributes', '--help'], /attributes import PROJECT\s+FILE\.csv/],
      [['attributes', 'import', '--help'], /first column "title"/],
    ];
    for (const [args, pattern] of helps) expect(glossOk(args), args.join(' ')).toMatch(pattern);
  });
});
