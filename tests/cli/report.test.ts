/**
 * `gloss report` as a user runs it: the HTML report, the agreement CSV and the decision log CSV
 * written to files, and a clear refusal when nothing is asked for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import type { ReviewQueue } from '../../app/service/reviewViews.js';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';

const PAPER = 'Russia chose containment. Turkey backed Azerbaijan. Baku and Yerevan talked.\n';

describe('gloss report', () => {
  it('writes the printable report and both CSVs', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    writeFileSync(path.join(dir, 'paper.txt'), PAPER);
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'paper.txt')]);
    glossOk(['code', 'add', project, 'Actors/Turkey']);
    glossOk(['code', 'apply', project, '--doc', 'paper', '--code', 'Actors/Turkey', '--start', '26', '--end', '39', '--coder', 'Ani']);
    glossOk(['code', 'apply', project, '--doc', 'paper', '--code', 'Actors/Turkey', '--start', '26', '--end', '50', '--coder', 'Ben']);
    const queue = JSON.parse(glossOk(['review', 'queue', project, '--coders', 'Ani,Ben', '--json'])) as ReviewQueue;
    const place = queue.places[0]!;
    glossOk(['review', 'decide', project, '--coders', 'Ani,Ben', '--doc', 'paper', '--place', place.key, '--choice', 'merge', '--reviewer', 'Rita', '--reason', 'both right']);

    const html = path.join(dir, 'report.html');
    const agreementCsv = path.join(dir, 'agreement.csv');
    const logCsv = path.join(dir, 'log.csv');
    const out = glossOk(['report', project, '--coders', 'Ani,Ben', '--html', html, '--agreement-csv', agreementCsv, '--log-csv', logCsv]);
    expect(out).toBe(`Wrote ${html}\nWrote ${agreementCsv}\nWrote ${logCsv}\n`);

    const page = readFileSync(html, 'utf8');
    expect(page).toContain('Team review report');
    expect(page).toContain('both right');
    const agreement = JSON.parse(glossOk(['agreement', project, '--coders', 'Ani,Ben', '--json'])) as { codes: { code: string; percentAgreement: number }[] };
    const rows = readCsv(readFileSync(agreementCsv, 'utf8'));
    const turkey = rows.find((row) => row.code === 'Actors/Turkey')!;
    const percentColumn = Object.keys(turkey).find((column) => /percent/.test(column) && !/reason/.test(column))!;
    expect(Number(turkey[percentColumn])).toBe(agreement.codes[0]!.percentAgreement);
    expect(readCsv(readFileSync(logCsv, 'utf8')).map((row) => [row.reviewer, row.choice, row.reason])).toEqual([['Rita', 'merge', 'both right']]);

    const segmentCsv = path.join(dir, 'segment.csv');
    glossOk(['report', project, '--coders', 'Ani,Ben', '--unit', 'segment', '--overlap', '0.5', '--agreement-csv', segmentCsv]);
    expect(readCsv(readFileSync(segmentCsv, 'utf8')).find((row) => row.code === 'Actors/Turkey')).toBeDefined();
  });

  it('says what to write when nothing is asked for, and writes nothing on a bad scope', () => {
    const dir = tempDir();
    const project = path.join(dir, 'p.gloss');
    glossOk(['new', project]);
    expect(gloss(['report', project, '--coders', 'Ani,Ben']).stderr).toMatch(/--html FILE/);
    const html = path.join(dir, 'report.html');
    expect(gloss(['report', project, '--coders', 'Ani,Nobody', '--html', html]).stderr).toMatch(/No coder "Ani"/);
    expect(existsSync(html)).toBe(false);
  });
});
