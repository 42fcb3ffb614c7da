/**
 * `gloss agreement` and `gloss disagreements`, run as a user runs them (the built CLI in a child
 * process), on small texts two coders coded. Figures are counted here character by character.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gloss, glossOk } from '../support/cli.js';
import { tempDir } from '../support/paths.js';
import { fileSha256 } from '../support/project.js';

const PAPER = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan.\n\nThe Łódź workshop; Россия молчит.\n';
const SECOND = 'Second paper\n\nYerevan and Baku, then Russia again.\n';

const CODINGS: [document: string, code: string, coder: string, start: number, end: number][] = [
  ['paper', 'Actors/Russia', 'Ani', 0, 6],
  ['paper', 'Actors/Russia', 'Ben', 0, 8],
  ['paper', 'Actors/Russia', 'Ani', 19, 52],
  ['paper', 'Actors/Russia', 'Ben', 19, 52],
  ['paper', 'Actors/Turkey', 'Ani', 53, 59],
  ['paper', 'Actors/Turkey', 'Ben', 53, 59],
  ['paper', 'Places', 'Ani', 84, 88],
  ['paper', 'Places', 'Ben', 84, 89],
  ['second', 'Actors/Russia', 'Ani', 37, 43],
  ['second', 'Places', 'Ben', 37, 43],
  ['second', 'Places', 'Ben', 14, 21],
];

const LENGTHS: Record<string, number> = { paper: [...PAPER].length, second: [...SECOND].length };

/** Cohen's kappa for one code over the characters at least one coder coded with it. */
function kappa(code: string): number {
  let n = 0;
  let agree = 0;
  let a = 0;
  let b = 0;
  for (const [document, length] of Object.entries(LENGTHS)) {
    for (let at = 0; at < length; at++) {
      const by = (coder: string): boolean => CODINGS.some(([d, c, who, start, end]) => d === document && c === code && who === coder && start <= at && at < end);
      const [x, y] = [by('Ani'), by('Ben')];
      if (!x && !y) continue;
      n++;
      if (x === y) agree++;
      if (x) a++;
      if (y) b++;
    }
  }
  const pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n);
  return (agree / n - pe) / (1 - pe);
}

describe('gloss agreement and gloss disagreements', () => {
  const dir = tempDir();
  const project = path.join(dir, 'p.gloss');

  beforeAll(() => {
    writeFileSync(path.join(dir, 'paper.txt'), PAPER);
    writeFileSync(path.join(dir, 'second.txt'), SECOND);
    glossOk(['new', project]);
    glossOk(['import', project, path.join(dir, 'paper.txt'), path.join(dir, 'second.txt')]);
    for (const code of ['Actors/Russia', 'Actors/Turkey', 'Places']) glossOk(['code', 'add', project, code]);
    for (const [document, code, coder, start, end] of CODINGS) {
      glossOk(['code', 'apply', project, '--doc', document, '--code', code, '--start', String(start), '--end', String(end), '--coder', coder]);
    }
  });

  it('--json: coders, unit, codes and overall; each figure a number, or null beside its reason', () => {
    const json = JSON.parse(glossOk(['agreement', project, '--coders', 'Ani,Ben', '--json']));
    expect(Object.keys(json).slice(0, 4)).toEqual(['coders', 'unit', 'codes', 'overall']);
    expect(json.coders).toEqual(['Ani', 'Ben']);
    expect(json.unit).toBe('char');
    const russia = json.codes.find((c: { code: string }) => c.code === 'Actors/Russia');
    expect(russia.cohenKappa).toBeCloseTo(kappa('Actors/Russia'), 12);
    for (const key of ['percentAgreement', 'cohenKappa', 'scottPi', 'fleissKappa', 'brennanPrediger', 'krippendorffAlpha', 'unitizingAlpha', 'unitizingAlpha2004']) {
      expect(typeof russia[key], key).toBe('number');
    }
    // Turkey: both coded [53, 59) and nothing else, so with uncoded text left out every unit is (1, 1).
    const turkey = json.codes.find((c: { code: string }) => c.code === 'Actors/Turkey');
    expect(turkey.percentAgreement).toBe(1);
    expect(turkey.cohenKappa).toBeNull();
    expect(turkey.cohenKappaReason).toMatch(/expected by chance is 1/);
    expect(turkey.krippendorffAlpha).toBeNull();
    expect(turkey.krippendorffAlphaReason).toMatch(/no variation/);
    expect(turkey).not.toHaveProperty('percentAgreementReason');
    expect(typeof json.overall.krippendorffAlpha).toBe('number');
    expect(json.overall).toHaveProperty('cuAlpha');
  });

  it('--include-uncoded counts every character; then Turkey agrees completely', () => {
    const json = JSON.parse(glossOk(['agreement', project, '--coders', 'Ani,Ben', '--include-uncoded', '--json', '--code', 'Actors/Turkey']));
    expect(json.includeUncoded).toBe(true);
    expect(json.codes).toHaveLength(1);
    expect(json.codes[0]).toMatchObject({ code: 'Actors/Turkey', units: LENGTHS.paper! + LENGTHS.second!, cohenKappa: 1, krippendorffAlpha: 1 });
  });

  it('the table: aligned columns, three decimals, "undefined (a)" with the reason below', () => {
    const text = glossOk(['agreement', project, '--coders', 'Ani,Ben']);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Agreement of Ani, Ben at character level (only text at least one coder coded with the code counts), over 2 documents.');
    const header = lines.find((line) => line.startsWith('code'))!;
    const russia = lines.find((line) => line.startsWith('Actors/Russia'))!;
    expect(russia).toContain(kappa('Actors/Russia').toFixed(3));
    // Right-aligned columns end where their headers end.
    const end = header.indexOf("Cohen's κ") + "Cohen's κ".length;
    expect(russia.slice(0, end)).toMatch(new RegExp(`${kappa('Actors/Russia').toFixed(3).replace('.', '\\.')}$`));
    const turkey = lines.find((line) => line.startsWith('Actors/Turkey'))!;
    expect(turkey).toMatch(/1\.000\s+undefined \(a\)/);
    expect(text).toMatch(/\n\(a\) both coders put every unit in one and the same category/);
    expect(text).toContain('All codes (pooled)');
  });

  it('--unit segment --overlap: the matched and unmatched table and MAXQDA\'s kappa', () => {
    const text = glossOk(['agreement', project, '--coders', 'Ani,Ben', '--unit', 'segment', '--overlap', '0.7']);
    expect(text).toMatch(/segment level \(segments match at ≥ 70% overlap of their union\)/);
    expect(text).toMatch(/code\s+matched\s+only Ani\s+only Ben\s+% agree/);
    // Russia: [0,6) vs [0,8) is 6/8 = .75 ≥ .7; [19,52) matched; second [37,43) only Ani.
    expect(text).toMatch(/Actors\/Russia\s+2\s+1\s+0\s+0\.667/);
    expect(text).toMatch(/MAXQDA's kappa \(P_o − 1\/q\) \/ \(1 − 1\/q\), q = 3 codes: /);
    const json = JSON.parse(glossOk(['agreement', project, '--coders', 'Ani,Ben', '--unit', 'segment', '--json']));
    expect(json.overlap).toBe(0.8);
    expect(json.codes.find((c: { code: string }) => c.code === 'Actors/Russia')).toMatchObject({ matched: 1, onlyFirst: 2, onlySecond: 1, cohenKappa: null });
    expect(json.overall.maxqdaKappa).toBeTypeOf('number');
  });

  it('gloss disagreements lists each place with every coder\'s range and text; --json too', () => {
    const text = glossOk(['disagreements', project, '--coders', 'Ani,Ben']);
    expect(text.split('\n')[0]).toBe('4 places where Ani, Ben differ, over 2 documents: 1 one-coded, 1 different codes, 2 different boundaries.');
    expect(text).toContain('paper [0, 8) different-boundaries: Actors/Russia\n  Ani  [0, 6) Actors/Russia  “Russia”\n  Ben  [0, 8) Actors/Russia  “Russia a”');
    expect(text).toContain('second [14, 21) one-coded: Places\n  Ani  (not coded with this code)\n  Ben  [14, 21) Places  “Yerevan”');
    expect(text).toContain('second [37, 43) different-codes: Actors/Russia, Places');
    const json = JSON.parse(glossOk(['disagreements', project, '--coders', 'Ani,Ben', '--json', '--doc', 'paper']));
    expect(json.documents.map((d: { title: string }) => d.title)).toEqual(['paper']);
    expect(json.disagreements.map((d: { kind: string; start: number; end: number }) => [d.kind, d.start, d.end])).toEqual([
      ['different-boundaries', 0, 8],
      ['different-boundaries', 84, 89],
    ]);
    expect(json.disagreements[1].coders).toEqual([
      { coder: 'Ani', segments: [expect.objectContaining({ code: 'Places', start: 84, end: 88, text: 'Łódź' })] },
      { coder: 'Ben', segments: [expect.objectContaining({ code: 'Places', start: 84, end: 89, text: 'Łódź ' })] },
    ]);
  });

  it('errors say what to do and change nothing', () => {
    const before = fileSha256(project);
    const one = gloss(['agreement', project, '--coders', 'Ani']);
    expect(one.status).toBe(1);
    expect(one.stderr).toMatch(/^gloss: Name at least two coders to compare, separated by commas: --coders Ani,Ben/);
    expect(gloss(['agreement', project, '--coders', 'Ani,Zed']).stderr).toMatch(/No coder "Zed" in this project\. The coders are "Ani", "Ben"\./);
    expect(gloss(['agreement', project, '--coders', 'Ani,Ben', '--overlap', '0.5']).stderr).toMatch(/--overlap applies to --unit segment/);
    expect(gloss(['agreement', project, '--coders', 'Ani,Ben', '--unit', 'segment', '--overlap', '80']).stderr).toMatch(/write 0\.8 for 80%/);
    expect(gloss(['agreement', project, '--coders', 'Ani,Ben', '--unit', 'words']).stderr).toMatch(/Allowed choices are char, segment/);
    expect(gloss(['agreement', project]).stderr).toMatch(/required option '--coders <names>'/);
    expect(gloss(['disagreements', project, '--coders', 'Ani,Ben', '--code', 'Nope']).stderr).toMatch(/No code "Nope"/);
    expect(fileSha256(project)).toBe(before);
  });
});
