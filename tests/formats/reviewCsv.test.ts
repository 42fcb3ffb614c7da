import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../../app/formats/csvTable.js';
import { agreementCsv, decisionLogCsv, OVERALL_ROW } from '../../app/formats/reviewCsv.js';
import { CHARACTER, DECISIONS, SEGMENT } from '../support/reviewFixtures.js';

describe('agreement CSV', () => {
  it('character level: one row per code and an overall row, full precision, a reason beside each undefined figure', () => {
    const rows = readCsv(agreementCsv(CHARACTER));
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.code)).toEqual(['Actors/Russia', '=Evil/Code', OVERALL_ROW]);
    const russia = rows[0]!;
    expect(russia).toMatchObject({ unit: 'char', coders: 'Ani; Ben', documents: '1', includeuncoded: 'false', codeid: 'c1', units: '29', 'coded by ani': '17', 'coded by ben': '29' });
    expect(Number(russia.percentagreement)).toBe(17 / 29);
    expect(russia.percentagreement).toBe(String(17 / 29));
    expect(russia.unitizingalpha).toBe('0.123456789');
    expect(russia['percentagreement reason']).toBe('');
    // The convention in force is part of every row's scope, with what it means.
    expect(russia.convention).toBe('Uncoded text left out');
    expect(russia['convention meaning']).toMatch(/no “neither coder coded it” cell/);
    expect(rows[2]!.convention).toBe('Uncoded text left out');
    // Undefined: empty value, the reason beside it, never 0 or 1.
    expect(russia.krippendorffalpha).toBe('');
    expect(russia['krippendorffalpha reason']).toBe('no pairable values');
    expect(russia['unitizingalpha2004 reason']).toBe('one coder marked nothing');
    // Overall-only figures do not apply to a code: both cells empty.
    expect(russia.cualpha).toBe('');
    expect(russia['cualpha reason']).toBe('');
    const overall = rows[2]!;
    expect(overall).toMatchObject({ codeid: '', units: '33', binaryunitizingalpha: '0.25', cualpha: '', 'cualpha reason': "Ani's codes overlap" });
  });

  it('neutralises a code path a spreadsheet would run, and stays rectangular', () => {
    const csv = agreementCsv(CHARACTER);
    expect(csv).toContain("'=Evil/Code");
    const lines = parse(csv.replace(/^\uFEFF/, '')) as string[][];
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toHaveLength(lines[0]!.length);
  });

  it('segment level: segments per coder, the pair counts, MAXQDA kappa and overlap in the scope', () => {
    const rows = readCsv(agreementCsv(SEGMENT));
    expect(rows.map((row) => row.code)).toEqual(['Actors/Russia', OVERALL_ROW]);
    expect(rows[0]).toMatchObject({ unit: 'segment', coders: 'Ani; Ben; Cem', overlap: '0.8', 'segments by ani': '2', 'segments by ben': '3', 'segments by cem': '1', matched: '3', onlyfirst: '1', onlysecond: '2', percentagreement: '0.5', cohenkappa: '', 'cohenkappa reason': 'no chance term at segment level', maxqdakappa: '', 'maxqdakappa reason': '' });
    expect(rows[1]).toMatchObject({ codesintable: '1', percentagreement: '0.5', maxqdakappa: '', 'maxqdakappa reason': 'with one code q = 1', 'segments by ani': '' });
    expect(Object.keys(rows[0]!)).not.toContain('includeuncoded');
    expect(rows[0]!.convention).toBe('Segments matched at 80 % overlap');
    expect(rows[1]!['convention meaning']).toMatch(/overlap by at least 80 %/);
  });
});

describe('decision log CSV', () => {
  it('one row per decision with versions, outcome, codes and reasons, read back intact', () => {
    const rows = readCsv(decisionLogCsv(DECISIONS));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      at: '2024-05-01T10:00:00.000Z', reviewer: 'Rita', document: 'Paper', start: '19', end: '51', kind: 'different-boundaries', codes: 'Actors/Russia',
      choice: 'accept', acceptedcoder: 'Ben', status: 'resolved', reason: 'Ben saw the, whole "clause"',
      versions: 'Ani: Actors/Russia [19–40); Ben: Actors/Russia [19–51)', outcome: 'Actors/Russia [19–51)', coders: 'Ani; Ben', decisionid: 'dec-1', placekey: '0123456789abcdef', documentid: 'd1',
    });
    expect(rows[1]).toMatchObject({
      choice: 'discuss', acceptedcoder: '', status: 'disputed', codes: 'Actors/Iran; Actors/Turkey',
      versions: 'Ani: Actors/Turkey [52–78), Actors/Iran [60–70); Ben: (nothing)', outcome: '(nothing)',
      // A formula-like reason is written neutralised and read back as it was, line break included.
      reason: '=HYPERLINK("x")\nsecond line',
    });
    expect(decisionLogCsv(DECISIONS)).toContain(`"'=HYPERLINK(""x"")`);
  });

  it('an empty log is a header row alone', () => {
    expect(decisionLogCsv([]).replace(/^\uFEFF/, '')).toBe('at,reviewer,document,start,end,kind,codes,choice,acceptedCoder,status,reason,versions,outcome,discussion,coders,decisionId,placeKey,documentId\r\n');
  });
});
