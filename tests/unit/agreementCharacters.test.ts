/**
 * Character-level agreement: hand-checked span sets (a coder's overlapping spans, a coder who
 * never codes, complete agreement, uncoded text included and excluded), and the boundary sweep
 * against the test's own character-by-character count on random span sets.
 */
import { describe, expect, it } from 'vitest';
import { addCoverage, coverageUnits, coveredByCoder, mergeOverlapping, type CoverageHistogram, type Span } from '../../app/domain/agreement/characters.js';
import type { WeightedUnit } from '../../app/domain/agreement/nominal.js';
import type { Statistic } from '../../app/domain/agreement/statistic.js';
import { nominalSummary, type NominalSummary } from '../../app/domain/agreement/summary.js';
import { Random } from '../bench/random.js';

interface Document {
  length: number;
  /** Per coder. */
  spans: Span[][];
}

function sweep(documents: readonly Document[], coders: number, includeUncoded: boolean): { units: WeightedUnit[]; histogram: CoverageHistogram } {
  const histogram: CoverageHistogram = new Map();
  for (const document of documents) addCoverage(histogram, document.length, document.spans);
  return { units: coverageUnits(histogram, coders, includeUncoded), histogram };
}

/** The test's own reading of the definition: one unit per character, each coder 1 if a span covers it. */
function characterByCharacter(documents: readonly Document[], coders: number, includeUncoded: boolean): WeightedUnit[] {
  const units: WeightedUnit[] = [];
  for (const document of documents) {
    for (let at = 0; at < document.length; at++) {
      const values = Array.from({ length: coders }, (_, coder) => (document.spans[coder]!.some((span) => span.start <= at && at < span.end) ? 1 : 0));
      if (includeUncoded || values.some((v) => v === 1)) units.push({ values });
    }
  }
  return units;
}

function summary(documents: readonly Document[], coders: number, includeUncoded: boolean): NominalSummary {
  return nominalSummary(sweep(documents, coders, includeUncoded).units, coders, [0, 1]);
}

function value(statistic: Statistic): number {
  if (statistic.value === null) throw new Error(`undefined: ${statistic.reason}`);
  return statistic.value;
}

function expectSame(a: NominalSummary, b: NominalSummary): void {
  for (const key of Object.keys(a) as (keyof NominalSummary)[]) {
    if (a[key].value === null) expect(b[key], key).toEqual(a[key]);
    else expect(b[key].value!, key).toBeCloseTo(a[key].value!, 10);
  }
}

/** Integers in [0, below) from the benchmarks' seeded generator: a failing case fails again. */
function random(seed: number): (below: number) => number {
  const generator = new Random(seed);
  return (below) => generator.int(0, below);
}

describe('character-level agreement on hand-checked span sets', () => {
  it("a coder's overlapping spans count once: [2, 8) and [5, 12) cover 10 characters, as the other coder's [2, 12)", () => {
    const documents = [{ length: 20, spans: [[{ start: 2, end: 8 }, { start: 5, end: 12 }], [{ start: 2, end: 12 }]] }];
    const { histogram } = sweep(documents, 2, false);
    expect(coveredByCoder(histogram, 2)).toEqual([10, 10]);
    expect(histogram.get(0b11)).toBe(10);
    // Excluding uncoded text, every counted character is coded by both: agreement is complete but
    // chance agreement is 1 too, so kappa and alpha are undefined, not 1.
    const excluded = summary(documents, 2, false);
    expect(value(excluded.percentAgreement)).toBe(1);
    expect(excluded.cohenKappa.value).toBeNull();
    expect(excluded.cohenKappa.reason).toMatch(/expected by chance is 1/);
    expect(excluded.krippendorffAlpha.reason).toMatch(/no variation/);
    // Including it, 10 characters coded by both and 10 by neither: complete agreement.
    const included = summary(documents, 2, true);
    expect(value(included.cohenKappa)).toBe(1);
    expect(value(included.krippendorffAlpha)).toBe(1);
  });

  it('a coder who never codes: values 0, not missing; kappa 0, pi and alpha below 0', () => {
    const documents = [{ length: 10, spans: [[{ start: 0, end: 4 }], []] }];
    // Excluding uncoded text: 4 units (1, 0). p_o = 0, p_e = 1·0 + 0·1 = 0, κ = 0; pooled p = .5, π = −1;
    // alpha: n = 8, n_1 = n_0 = 4, 8 disagreeing pairs: 1 − 7·8 / (2·4·4) = −.75.
    const excluded = summary(documents, 2, false);
    expect(value(excluded.percentAgreement)).toBe(0);
    expect(value(excluded.cohenKappa)).toBe(0);
    expect(value(excluded.scottPi)).toBeCloseTo(-1, 12);
    expect(value(excluded.krippendorffAlpha)).toBeCloseTo(-0.75, 12);
    // Including it: 4 (1, 0) and 6 (0, 0). p_o = .6, p_e = .6, κ = 0; p = .2, p_e = .68, π = −.25;
    // alpha: n = 20, n_1 = 4, n_0 = 16: 1 − 19·8 / (2·4·16) = −.1875.
    const included = summary(documents, 2, true);
    expect(value(included.percentAgreement)).toBeCloseTo(0.6, 12);
    expect(value(included.cohenKappa)).toBeCloseTo(0, 12);
    expect(value(included.scottPi)).toBeCloseTo(-0.25, 12);
    expect(value(included.krippendorffAlpha)).toBeCloseTo(-0.1875, 12);
  });

  it('complete agreement: 1 with uncoded text counted; undefined without (nothing varies)', () => {
    const spans = [{ start: 3, end: 7 }, { start: 10, end: 15 }];
    const documents = [{ length: 20, spans: [spans, [{ start: 10, end: 15 }, { start: 3, end: 7 }]] }];
    const included = summary(documents, 2, true);
    for (const key of ['percentAgreement', 'cohenKappa', 'scottPi', 'fleissKappa', 'brennanPrediger', 'krippendorffAlpha'] as const) expect(value(included[key]), key).toBe(1);
    const excluded = summary(documents, 2, false);
    expect(value(excluded.percentAgreement)).toBe(1);
    // B–P's chance term is 1/q = 1/2 whatever the data, so it stays defined.
    expect(value(excluded.brennanPrediger)).toBe(1);
    for (const key of ['cohenKappa', 'scottPi', 'fleissKappa', 'krippendorffAlpha'] as const) expect(excluded[key].value, key).toBeNull();
  });

  it('uncoded text included or excluded: [10, 30) against [20, 40) in 100 characters', () => {
    const documents = [{ length: 100, spans: [[{ start: 10, end: 30 }], [{ start: 20, end: 40 }]] }];
    // Excluded: 30 units, 10 each of (1,1), (1,0), (0,1): p_o = 1/3, p_e = 4/9 + 1/9, κ = −.5.
    const excluded = summary(documents, 2, false);
    expect(value(excluded.percentAgreement)).toBeCloseTo(1 / 3, 12);
    expect(value(excluded.cohenKappa)).toBeCloseTo(-0.5, 12);
    // Included: 70 more (0,0): p_o = .8, p_e = .04 + .64, κ = .375. The uncoded text lifts every figure.
    const included = summary(documents, 2, true);
    expect(value(included.percentAgreement)).toBeCloseTo(0.8, 12);
    expect(value(included.cohenKappa)).toBeCloseTo(0.375, 12);
  });

  it('touching spans of one coder cover the stretch without a gap; spans past the end are clipped', () => {
    const { histogram } = sweep([{ length: 10, spans: [[{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 8, end: 30 }], [{ start: 0, end: 5 }]] }], 2, true);
    expect(Object.fromEntries(histogram)).toEqual({ 0: 3, 1: 2, 3: 5 });
    expect(mergeOverlapping([{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 1, end: 3 }, { start: 7, end: 7 }])).toEqual([{ start: 0, end: 5 }]);
    expect(mergeOverlapping([{ start: 2, end: 5 }, { start: 0, end: 2 }])).toEqual([{ start: 0, end: 2 }, { start: 2, end: 5 }]);
  });
});

describe('the boundary sweep against a character-by-character count', () => {
  for (const coders of [2, 3, 4]) {
    it(`${coders} coders, random overlapping span sets in three documents, uncoded text in and out`, () => {
      const next = random(1000 + coders);
      for (let round = 0; round < 40; round++) {
        const documents: Document[] = Array.from({ length: 3 }, () => {
          const length = 1 + next(120);
          return {
            length,
            spans: Array.from({ length: coders }, () =>
              Array.from({ length: next(6) }, () => {
                const start = next(length);
                return { start, end: start + 1 + next(Math.max(1, length - start)) };
              }),
            ),
          };
        });
        for (const includeUncoded of [false, true]) {
          const expected = nominalSummary(characterByCharacter(documents, coders, includeUncoded), coders, [0, 1]);
          expectSame(expected, summary(documents, coders, includeUncoded));
        }
      }
    });
  }

  it('a book of a million characters and 200,000 spans: every character counted once, each coder\'s union exact', () => {
    const next = random(7);
    const length = 1_000_000;
    const spans: Span[][] = Array.from({ length: 4 }, () =>
      Array.from({ length: 50_000 }, () => {
        const start = next(length);
        return { start, end: Math.min(length, start + 20 + next(600)) };
      }),
    );
    const { histogram } = sweep([{ length, spans }], 4, true);
    expect([...histogram.values()].reduce((sum, n) => sum + n, 0)).toBe(length);
    const unions = spans.map((list) => mergeOverlapping(list).reduce((sum, span) => sum + span.end - span.start, 0));
    expect(coveredByCoder(histogram, 4)).toEqual(unions);
  });
});
