/**
 * Two coders code the same corpus paper (Vardazaryan) independently; agreement and the list of
 * disagreements are checked against figures this test counts itself, code point by code point.
 * Skipped without ../shared.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CharacterAgreement, SegmentAgreement } from '../../app/service/agreementViews.js';
import type { GlossService } from '../../app/service/service.js';
import type { Segment } from '../../app/service/views.js';
import { corpusDir, hasShared, SHARED_MISSING } from '../support/paths.js';
import { newProject } from '../support/project.js';

const FILE = 'vardazaryan-armenia-russia-after-second-karabakh-war.md';
const CONTAINMENT = 'Russian policy/pivotal containment';
const PEACEKEEPING = 'Russian policy/peacekeeping';
const CSTO = 'Alliances/CSTO';

const PLAN: { coder: string; code: string; quote: string }[] = [
  // Different boundaries.
  { coder: 'Ani', code: CONTAINMENT, quote: 'pivotal containment policy' },
  { coder: 'Ben', code: CONTAINMENT, quote: 'pivotal containment policy”, within the framework of which Russia, which is the “pivot”, maneuvers around Armenia and Azerbaijan' },
  // Agreement.
  { coder: 'Ani', code: PEACEKEEPING, quote: 'peacekeepers leaving Artsakh is still not officially discussed' },
  { coder: 'Ben', code: PEACEKEEPING, quote: 'peacekeepers leaving Artsakh is still not officially discussed' },
  // Different codes.
  { coder: 'Ani', code: PEACEKEEPING, quote: 'peacekeeping force continues to carry out tasks in 18 observation posts' },
  { coder: 'Ben', code: CSTO, quote: 'peacekeeping force continues to carry out tasks in 18 observation posts' },
  // One coded.
  { coder: 'Ben', code: CSTO, quote: 'the Armenian society does not trust its ally' },
  // Near-identical: 22 of 25 code points, a match at 0.8.
  { coder: 'Ani', code: CSTO, quote: 'CSTO General Secretary' },
  { coder: 'Ben', code: CSTO, quote: 'CSTO General Secretary Yu' },
];

if (!hasShared) console.warn(`tests/service/agreementCorpus.test.ts ${SHARED_MISSING}`);

describe.skipIf(!hasShared)('two coders on a corpus paper', () => {
  let service: GlossService;
  let length = 0;
  const applied: Segment[] = [];

  beforeAll(async () => {
    service = newProject('corpus').service;
    const result = await service.run('documents.import', { fileName: FILE, data: readFileSync(path.join(corpusDir, FILE)) });
    if (result.status !== 'imported') throw new Error('import failed');
    length = result.document.characters;
    for (const code of [CONTAINMENT, PEACEKEEPING, CSTO]) await service.run('codes.add', { path: code });
    for (const step of PLAN) applied.push(await service.run('codings.apply', { document: result.document.id, ...step }));
  });

  /** Per code point, for one code: coded by Ani, by Ben. */
  function marks(code: string): [boolean, boolean][] {
    const a = new Uint8Array(length);
    const b = new Uint8Array(length);
    for (const s of applied.filter((x) => x.code === code)) (s.coder === 'Ani' ? a : b).fill(1, s.start, s.end);
    return Array.from({ length }, (_, i) => [a[i] === 1, b[i] === 1]);
  }

  function kappa(pairs: [boolean, boolean][]): number {
    const n = pairs.length;
    const agree = pairs.filter(([x, y]) => x === y).length / n;
    const a = pairs.filter(([x]) => x).length / n;
    const b = pairs.filter(([, y]) => y).length / n;
    const pe = a * b + (1 - a) * (1 - b);
    return (agree - pe) / (1 - pe);
  }

  it('character-level kappa per code, with and without the uncoded text', async () => {
    for (const includeUncoded of [false, true]) {
      const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], includeUncoded })) as CharacterAgreement;
      expect(result.codes.map((c) => c.code)).toEqual([CSTO, PEACEKEEPING, CONTAINMENT]);
      for (const row of result.codes) {
        const pairs = marks(row.code).filter(([a, b]) => includeUncoded || a || b);
        expect(row.units).toBe(pairs.length);
        expect(row.cohenKappa.value, `${row.code}, uncoded ${includeUncoded ? 'in' : 'out'}`).toBeCloseTo(kappa(pairs), 12);
      }
    }
  });

  it('the paper is 44,000 code points: with uncoded text counted, agreement is near 1 whatever the coders did', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], includeUncoded: true })) as CharacterAgreement;
    const without = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'] })) as CharacterAgreement;
    expect(result.overall.percentAgreement.value!).toBeGreaterThan(0.99);
    expect(without.overall.percentAgreement.value!).toBeLessThan(0.8);
  });

  it('segment level: the matches the plan makes', async () => {
    const result = (await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'segment' })) as SegmentAgreement;
    const table = Object.fromEntries(result.codes.map((c) => [c.code, [c.matched, c.onlyFirst, c.onlySecond]]));
    expect(table).toEqual({ [CSTO]: [1, 0, 2], [PEACEKEEPING]: [1, 1, 0], [CONTAINMENT]: [0, 1, 1] });
  });

  it('disagreements: one of each kind where the plan put them, with the quoted text', async () => {
    const result = await service.run('agreement.disagreements', { coders: ['Ani', 'Ben'] });
    expect(result.counts).toEqual({ 'one-coded': 1, 'different-codes': 1, 'different-boundaries': 2 });
    const byKind = (kind: string) => result.disagreements.filter((d) => d.kind === kind);
    expect(byKind('one-coded')[0]!.coders[1]!.segments[0]!.text).toBe('the Armenian society does not trust its ally');
    expect(byKind('different-codes')[0]!.codes).toEqual([CSTO, PEACEKEEPING]);
    expect(byKind('different-boundaries').map((d) => d.codes[0])).toEqual(expect.arrayContaining([CONTAINMENT, CSTO]));
  });
});
