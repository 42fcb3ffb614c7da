/**
 * agreement.compute and agreement.disagreements on small made-up texts in a real project file.
 * Expected figures are computed here, character by character, with the textbook formulas written
 * out (not the app's statistics code).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CharacterAgreement, SegmentAgreement } from '../../app/service/agreementViews.js';
import type { GlossService } from '../../app/service/service.js';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8 } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan. 👩🏽‍🚀 Baku and Yerevan talked.\n';
const SECOND = 'Second paper\n\nYerevan and Baku, then Russia again, and Turkey.\n';
const THIRD = 'Third paper, coded by Ani alone.\n';

interface Coding {
  document: string;
  code: string;
  coder: string;
  start: number;
  end: number;
}

const CODINGS: Coding[] = [
  { document: 'paper', code: 'Actors/Russia', coder: 'Ani', start: 0, end: 6 },
  { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 0, end: 6 },
  { document: 'paper', code: 'Actors/Russia', coder: 'Ani', start: 19, end: 51 },
  // Ani's two overlapping segments of one code count once at character level.
  { document: 'paper', code: 'Actors/Russia', coder: 'Ani', start: 25, end: 40 },
  { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 19, end: 45 },
  { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', start: 52, end: 78 },
  { document: 'paper', code: 'Actors/Russia', coder: 'Ben', start: 52, end: 58 },
  // Past the astral characters: offsets are code points.
  { document: 'paper', code: 'Actors/Turkey', coder: 'Ben', start: 84, end: 105 },
  { document: 'second', code: 'Actors/Russia', coder: 'Ani', start: 37, end: 43 },
  { document: 'second', code: 'Actors/Russia', coder: 'Ben', start: 37, end: 43 },
  { document: 'second', code: 'Actors/Turkey', coder: 'Ben', start: 53, end: 59 },
  { document: 'third', code: 'Actors/Turkey', coder: 'Ani', start: 0, end: 5 },
];

const lengths: Record<string, number> = { paper: [...PAPER].length, second: [...SECOND].length };

/** Per character of the compared documents, for one code: is it coded by Ani, by Ben? */
function characters(code: string): [boolean, boolean][] {
  const result: [boolean, boolean][] = [];
  for (const document of ['paper', 'second']) {
    for (let at = 0; at < lengths[document]!; at++) {
      const by = (coder: string): boolean => CODINGS.some((c) => c.document === document && c.code === code && c.coder === coder && c.start <= at && at < c.end);
      result.push([by('Ani'), by('Ben')]);
    }
  }
  return result;
}

/** Cohen's kappa, Scott's pi and nominal alpha from a 2 × 2 table, written out. */
function textbook(pairs: [boolean, boolean][]): { n: number; po: number; kappa: number; pi: number; alpha: number } {
  const n = pairs.length;
  const both = pairs.filter(([a, b]) => a && b).length;
  const neither = pairs.filter(([a, b]) => !a && !b).length;
  const aYes = pairs.filter(([a]) => a).length / n;
  const bYes = pairs.filter(([, b]) => b).length / n;
  const po = (both + neither) / n;
  const pe = aYes * bYes + (1 - aYes) * (1 - bYes);
  const pooled = (aYes + bYes) / 2;
  const pePi = pooled ** 2 + (1 - pooled) ** 2;
  // Alpha: 2n pairable values, n_1 = 2n·pooled, disagreeing pairs 2(n − both − neither).
  const values = 2 * n;
  const ones = values * pooled;
  const alpha = 1 - ((values - 1) * 2 * (n - both - neither)) / (2 * ones * (values - ones));
  return { n, po, kappa: (po - pe) / (1 - pe), pi: (po - pePi) / (1 - pePi), alpha };
}

async function seed(service: GlossService): Promise<void> {
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('documents.import', { fileName: 'third.txt', data: utf8(THIRD) });
  await service.run('codes.add', { path: 'Actors/Russia' });
  await service.run('codes.add', { path: 'Actors/Turkey' });
  await service.run('codes.add', { path: 'Unused' });
  await service.run('coders.add', { name: 'Cem' });
  for (const coding of CODINGS) await service.run('codings.apply', { ...coding, start: coding.start, end: coding.end });
}

describe('agreement on small texts', () => {
  let service: GlossService;
  beforeAll(async () => {
    service = newProject().service;
    await seed(service);
  });

  it('character level, uncoded text left out: per code and pooled, as counted character by character', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'ben'] })) as CharacterAgreement;
    expect(result.coders).toEqual(['Ani', 'Ben']);
    expect(result.documents.map((d) => d.title)).toEqual(['paper', 'second']);
    expect(result.skippedDocuments).toEqual([expect.objectContaining({ title: 'third', codedBy: ['Ani'] })]);
    expect(result.notes.join(' ')).toMatch(/1 document was left out/);
    expect(result.codes.map((c) => c.code)).toEqual(['Actors/Russia', 'Actors/Turkey']);
    const pooled: [boolean, boolean][] = [];
    for (const row of result.codes) {
      const counted = characters(row.code).filter(([a, b]) => a || b);
      pooled.push(...counted);
      const expected = textbook(counted);
      expect(row.units).toBe(expected.n);
      expect(row.percentAgreement.value).toBeCloseTo(expected.po, 12);
      expect(row.cohenKappa.value).toBeCloseTo(expected.kappa, 12);
      expect(row.scottPi.value).toBeCloseTo(expected.pi, 12);
      expect(row.fleissKappa.value).toBeCloseTo(expected.pi, 12);
      expect(row.krippendorffAlpha.value).toBeCloseTo(expected.alpha, 12);
      expect(row.brennanPrediger.value).toBeCloseTo(2 * expected.po - 1, 12);
      expect(row.coded).toEqual([counted.filter(([a]) => a).length, counted.filter(([, b]) => b).length]);
    }
    // Ani's [19, 51) and [25, 40) overlap: 32 characters, not 47.
    expect(result.codes[0]!.coded[0]).toBe(6 + 32 + 6);
    const overall = textbook(pooled);
    expect(result.overall.units).toBe(overall.n);
    expect(result.overall.cohenKappa.value).toBeCloseTo(overall.kappa, 12);
    expect(result.overall.krippendorffAlpha.value).toBeCloseTo(overall.alpha, 12);
    // No coder has two codes on overlapping text, so the 2016 uα and cuα with codes as categories are defined.
    expect(result.overall.unitizingAlpha.value).not.toBeNull();
    expect(result.overall.cuAlpha.value).not.toBeNull();
    for (const row of result.codes) expect(row.unitizingAlpha.value).not.toBeNull();
  });

  it('character level with uncoded text: every character of the compared documents is a unit', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'char', includeUncoded: true })) as CharacterAgreement;
    for (const row of result.codes) {
      const expected = textbook(characters(row.code));
      expect(row.units).toBe(lengths.paper! + lengths.second!);
      expect(row.cohenKappa.value).toBeCloseTo(expected.kappa, 12);
      expect(row.krippendorffAlpha.value).toBeCloseTo(expected.alpha, 12);
    }
  });

  it('segment level: matched pairs and each coder\'s unmatched segments per code, MAXQDA\'s kappa overall', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'segment' })) as SegmentAgreement;
    expect(result.overlap).toBe(0.8);
    // Russia: [0,6)=[0,6) matched; Ani [19,51) vs Ben [19,45): 26/32 = .8125 matched; Ani [25,40) vs
    // Ben [19,45): 15/26 no; Ben [52,58) alone; second [37,43) matched. Turkey: nothing matches.
    const russia = result.codes.find((c) => c.code === 'Actors/Russia')!;
    expect([russia.matched, russia.onlyFirst, russia.onlySecond, russia.segments]).toEqual([3, 1, 1, [4, 4]]);
    expect(russia.percentAgreement.value).toBeCloseTo(3 / 5, 12);
    expect(russia.cohenKappa.value).toBeNull();
    expect(russia.cohenKappa.reason).toMatch(/no "neither" cell/);
    const turkey = result.codes.find((c) => c.code === 'Actors/Turkey')!;
    expect([turkey.matched, turkey.onlyFirst, turkey.onlySecond]).toEqual([0, 1, 2]);
    expect(result.overall).toMatchObject({ matched: 3, onlyFirst: 2, onlySecond: 3, codesInTable: 2 });
    const po = 3 / 8;
    expect(result.overall.maxqdaKappa.value).toBeCloseTo((po - 1 / 2) / (1 - 1 / 2), 12);
    const strict = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'segment', overlap: 0.9 })) as SegmentAgreement;
    expect(strict.codes.find((c) => c.code === 'Actors/Russia')!.matched).toBe(2);
  });

  it('three coders: pairwise tables at segment level; Cohen and Scott undefined, Fleiss and alpha defined at character level', async () => {
    const segments = (await service.run('agreement.compute', { coders: ['Ani', 'Ben', 'Cem'], unit: 'segment', documents: ['paper', 'second'] })) as SegmentAgreement;
    expect(segments.codes[0]!.pairs.map((p) => p.coders)).toEqual([['Ani', 'Ben'], ['Ani', 'Cem'], ['Ben', 'Cem']]);
    const chars = (await service.run('agreement.compute', { coders: ['Ani', 'Ben', 'Cem'], documents: ['paper', 'second'] })) as CharacterAgreement;
    expect(chars.notes.join(' ')).toMatch(/Cem has no codings in these documents/);
    const row = chars.codes[0]!;
    expect(row.cohenKappa.reason).toMatch(/exactly two coders; with 3 coders/);
    expect(row.fleissKappa.value).not.toBeNull();
    expect(row.krippendorffAlpha.value).not.toBeNull();
    // Cem coded nothing: every counted character has Cem's 0 beside the others' values.
    expect(row.coded[2]).toBe(0);
  });

  it('named codes and documents narrow the scope; a code nobody used is listed with undefined figures', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], codes: ['Unused', 'Actors/Turkey'], documents: ['second'] })) as CharacterAgreement;
    expect(result.codes.map((c) => c.code)).toEqual(['Unused', 'Actors/Turkey']);
    expect(result.codes[0]!.units).toBe(0);
    expect(result.codes[0]!.percentAgreement.reason).toMatch(/no unit has values from two coders/);
    expect(result.codes[0]!.unitizingAlpha.reason).toMatch(/no coder marked any unit/);
    expect(result.codes[1]!.units).toBe(6);
  });

  it('disagreements: every place, with each coder\'s ranges and text', async () => {
    const slice = (start: number, end: number): string => [...PAPER].slice(start, end).join('');
    const result = await service.run('agreement.disagreements', { coders: ['Ani', 'Ben'] });
    expect(result.counts).toEqual({ 'one-coded': 2, 'different-codes': 1, 'different-boundaries': 1 });
    expect(result.disagreements.map((d) => [d.documentTitle, d.kind, d.start, d.end, d.codes])).toEqual([
      ['paper', 'different-boundaries', 19, 51, ['Actors/Russia']],
      ['paper', 'different-codes', 52, 78, ['Actors/Russia', 'Actors/Turkey']],
      ['paper', 'one-coded', 84, 105, ['Actors/Turkey']],
      ['second', 'one-coded', 53, 59, ['Actors/Turkey']],
    ]);
    const [boundaries, differentCodes, oneCoded] = result.disagreements;
    expect(boundaries!.coders.map((c) => [c.coder, c.segments.map((s) => [s.start, s.end])])).toEqual([
      ['Ani', [[19, 51], [25, 40]]],
      ['Ben', [[19, 45]]],
    ]);
    expect(differentCodes!.coders.map((c) => c.segments.map((s) => [s.code, s.text]))).toEqual([
      [['Actors/Turkey', slice(52, 78)]],
      [['Actors/Russia', slice(52, 58)]],
    ]);
    expect(oneCoded!.coders[0]!.segments).toEqual([]);
    expect(oneCoded!.coders[1]!.segments[0]!.text).toBe(slice(84, 105));
    expect(oneCoded!.coders[1]!.segments[0]!.text).toMatch(/^Baku/);
  });

  it('says what to do about unknown, repeated or too few coders and misplaced options', async () => {
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'Zed'] }))).message).toMatch(/No coder "Zed" in this project\. The coders are "Ani", "Ben", "Cem"\./);
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'ANI'] }))).message).toMatch(/named twice/);
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani'] }))).message).toMatch(/name at least two coders/);
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'Ben'], overlap: 0.5 }))).message).toMatch(/overlap applies to unit "segment"/);
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'segment', overlap: 0 }))).message).toMatch(/overlap must be more than 0/);
    expect((await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'Ben'], codes: ['Nope'] }))).message).toMatch(/No code "Nope"/);
  });
});
