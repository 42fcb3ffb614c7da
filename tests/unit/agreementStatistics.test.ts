/**
 * The nominal coefficients and Krippendorff's alpha on small data sets worked out by hand (the
 * arithmetic is in the comments), so that the core is covered without ../shared. The published
 * vectors are in agreementVectors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../app/domain/agreement/krippendorff.js';
import {
  agreementTable,
  brennanPrediger,
  cohenKappa,
  fleissKappa,
  freeMarginalKappa,
  percentAgreement,
  ratingRows,
  scottPi,
  type Value,
  type WeightedUnit,
} from '../../app/domain/agreement/nominal.js';
import type { Statistic } from '../../app/domain/agreement/statistic.js';
import { nominalSummary } from '../../app/domain/agreement/summary.js';

const units = (...rows: (Value | null)[][]): WeightedUnit[] => rows.map((values) => ({ values }));

function value(statistic: Statistic): number {
  if (statistic.value === null) throw new Error(`undefined: ${statistic.reason}`);
  return statistic.value;
}

function expectUndefined(statistic: Statistic, reason: RegExp): void {
  expect(statistic.value).toBeNull();
  expect(statistic.reason).toMatch(reason);
}

describe('two coders, ten binary units (hand-checked)', () => {
  // both 1: 3, first only: 1, second only: 2, both 0: 4.
  const data: WeightedUnit[] = [
    { values: [1, 1], weight: 3 },
    { values: [1, 0], weight: 1 },
    { values: [0, 1], weight: 2 },
    { values: [0, 0], weight: 4 },
  ];
  const table = agreementTable(data);

  it("Cohen's kappa uses each coder's own marginals: p_o = .7, p_e = .4·.5 + .6·.5 = .5, κ = .4", () => {
    expect(value(cohenKappa(table))).toBeCloseTo(0.4, 12);
  });

  it("Scott's pi pools them: p = 9/20, p_e = .2025 + .3025 = .505, π = .195/.495 = 13/33", () => {
    expect(value(scottPi(table))).toBeCloseTo(13 / 33, 12);
  });

  it("Fleiss' kappa with two coders and no missing values equals Scott's pi", () => {
    expect(value(fleissKappa(ratingRows(data).rows).kappa)).toBeCloseTo(13 / 33, 12);
  });

  it('Brennan & Prediger with q = 2: (.7 − .5) / .5 = .4', () => {
    expect(value(brennanPrediger(table))).toBeCloseTo(0.4, 12);
    expect(value(brennanPrediger(table, 4))).toBeCloseTo((0.7 - 0.25) / 0.75, 12);
  });

  it("Krippendorff's alpha: n = 20, n_1 = 9, n_0 = 11, 6 disagreeing pairs: 1 − 19·6 / (2·9·11) = 14/33", () => {
    const result = krippendorffAlpha(data);
    expect(value(result.alpha)).toBeCloseTo(14 / 33, 12);
    expect(result.pairable).toBe(20);
    expect(result.observed).toBeCloseTo(6 / 20, 12);
  });

  it('percent agreement is the share of units they agree on: .7', () => {
    expect(value(percentAgreement(data))).toBeCloseTo(0.7, 12);
  });

  it('weights stand for repeated units: the expanded data give the same figures', () => {
    const expanded = data.flatMap((unit) => Array.from({ length: unit.weight! }, () => ({ values: unit.values })));
    expect(nominalSummary(expanded, 2)).toEqual(nominalSummary(data, 2));
  });
});

describe('missing values and more than two coders (hand-checked)', () => {
  // u1 (a, a, –), u2 (a, b, b), u3 (b, –, –) unpairable, u4 (b, b, b).
  const data = units(['a', 'a', null], ['a', 'b', 'b'], ['b', null, null], ['b', 'b', 'b']);

  it('percent agreement weights each unit by its values: (2 + 1 + 3) / (2 + 3 + 3) = .75; the lone value does not count', () => {
    expect(value(percentAgreement(data))).toBeCloseTo(0.75, 12);
  });

  it('alpha from the coincidences o_aa = 2, o_ab = o_ba = 1, o_bb = 4: 1 − 7·2 / (2·3·5) = 8/15', () => {
    const result = krippendorffAlpha(data);
    expect(result.pairable).toBe(8);
    expect(value(result.alpha)).toBeCloseTo(8 / 15, 12);
    expect(result.observed).toBeCloseTo(2 / 8, 12);
    expect(result.expected).toBeCloseTo(30 / 56, 12);
  });

  it("percent agreement for three coders is the mean pairwise agreement: unit (1, 1, 2) agrees on 1 of 3 pairs", () => {
    expect(value(percentAgreement(units([1, 1, 2])))).toBeCloseTo(1 / 3, 12);
  });

  it("Fleiss' kappa, Randolph's kappa and alpha for three coders on four units", () => {
    // Counts (a, b): [3,0] [2,1] [0,3] [1,2]; P_i = 1, 1/3, 1, 1/3, P̄ = 2/3; p_a = p_b = .5, P̄_e = .5.
    const data3 = units(['a', 'a', 'a'], ['a', 'a', 'b'], ['b', 'b', 'b'], ['a', 'b', 'b']);
    const rows = ratingRows(data3).rows;
    const fleiss = fleissKappa(rows);
    expect(fleiss.observed).toBeCloseTo(2 / 3, 12);
    expect(fleiss.expected).toBeCloseTo(0.5, 12);
    expect(value(fleiss.kappa)).toBeCloseTo(1 / 3, 12);
    expect(value(freeMarginalKappa(rows))).toBeCloseTo(1 / 3, 12);
    expect(value(freeMarginalKappa(rows, 3))).toBeCloseTo(0.5, 12);
    // o_aa = 4, o_bb = 4, o_ab = o_ba = 2, n = 12: 1 − 11·4 / (2·6·6).
    expect(value(krippendorffAlpha(data3).alpha)).toBeCloseTo(1 - 44 / 72, 12);
    const summary = nominalSummary(data3, 3);
    expect(value(summary.percentAgreement)).toBeCloseTo(2 / 3, 12);
    expectUndefined(summary.cohenKappa, /exactly two coders; with 3 coders/);
    expectUndefined(summary.scottPi, /exactly two coders/);
    expect(value(summary.brennanPrediger)).toBeCloseTo(1 / 3, 12);
  });

  it("Fleiss' kappa leaves out units with a missing value; Krippendorff's alpha keeps them", () => {
    const rows = ratingRows(units(['a', 'a', null], ['a', 'b', 'b'], ['b', 'b', 'b'])).rows;
    expect(rows).toHaveLength(2);
  });
});

describe('levels of measurement (hand-checked)', () => {
  // Units (1, 2), (2, 3), (3, 3): o_12 = o_21 = 1, o_23 = o_32 = 1, o_33 = 2; n_1 = 1, n_2 = 2, n_3 = 3.
  const data = units([1, 2], [2, 3], [3, 3]);

  it('interval: D_o = 4/6, D_e = 2(2·1 + 3·4 + 6·1)/30 = 4/3, α = .5', () => {
    const result = krippendorffAlpha(data, 'interval');
    expect(result.observed).toBeCloseTo(4 / 6, 12);
    expect(result.expected).toBeCloseTo(4 / 3, 12);
    expect(value(result.alpha)).toBeCloseTo(0.5, 12);
  });

  it('ordinal: δ²(1,2) = 1.5², δ²(2,3) = 2.5², δ²(1,3) = 4²; D_o = 17/6, D_e = 6, α = 1 − 17/36', () => {
    const result = krippendorffAlpha(data, 'ordinal');
    expect(result.observed).toBeCloseTo(17 / 6, 12);
    expect(result.expected).toBeCloseTo(6, 12);
    expect(value(result.alpha)).toBeCloseTo(1 - 17 / 36, 12);
  });

  it('ratio: δ² = ((c − k) / (c + k))², α = 411/1091', () => {
    expect(value(krippendorffAlpha(data, 'ratio').alpha)).toBeCloseTo(411 / 1091, 12);
  });

  it('interval and ratio alpha refuse non-numeric values', () => {
    expect(() => krippendorffAlpha(units(['a', 'b']), 'interval')).toThrow(/needs numbers/);
  });
});

describe("weighted Cohen's kappa (hand-checked)", () => {
  // Rows (first coder) 3, 3, 1; columns 2, 3, 2; N = 7; disagreeing cells o_01 = o_12 = 1.
  const table = { categories: [0, 1, 2], counts: [[2, 1, 0], [0, 2, 1], [0, 0, 1]] };

  it('unweighted: p_o = 5/7, p_e = 17/49, κ = 18/32', () => {
    expect(value(cohenKappa(table))).toBeCloseTo(18 / 32, 12);
  });

  it('linear: 1 − 2 / (40/7) = .65; quadratic: 1 − 2 / (56/7) = .75', () => {
    expect(value(cohenKappa(table, 'linear'))).toBeCloseTo(0.65, 12);
    expect(value(cohenKappa(table, 'quadratic'))).toBeCloseTo(0.75, 12);
  });

  it('a category neither coder used can be named: it changes rank weights, not the unweighted kappa', () => {
    const named = agreementTable(units([0, 0], [0, 2], [2, 2]), 0, 1, [0, 1, 2]);
    expect(named.categories).toEqual([0, 1, 2]);
    expect(value(cohenKappa(named))).toBeCloseTo(value(cohenKappa(agreementTable(units([0, 0], [0, 2], [2, 2])))), 12);
  });
});

describe('undefined is null with its reason, never 0 or 1', () => {
  it('kappa and pi when both coders put every unit in one category (expected agreement 1)', () => {
    const table = agreementTable([{ values: ['x', 'x'], weight: 5 }]);
    expectUndefined(cohenKappa(table), /expected by chance is 1/);
    expectUndefined(cohenKappa(table, 'quadratic'), /expected by chance is 1/);
    expectUndefined(scottPi(table), /expected by chance is 1/);
    expectUndefined(fleissKappa(ratingRows([{ values: ['x', 'x'], weight: 5 }]).rows).kappa, /expected by chance is 1/);
  });

  it('alpha with no pairable values, and alpha when every value is the same', () => {
    expectUndefined(krippendorffAlpha(units([1, null], [null, 2])).alpha, /no pairable values/);
    expectUndefined(krippendorffAlpha(units([1, 1], [1, 1, 1])).alpha, /no variation/);
    expectUndefined(krippendorffAlpha([]).alpha, /no pairable values/);
  });

  it('every coefficient on no data', () => {
    for (const statistic of Object.values(nominalSummary([], 2))) expectUndefined(statistic, /\w/);
  });

  it("Brennan–Prediger with one category, Fleiss' kappa with uneven numbers of ratings", () => {
    expectUndefined(brennanPrediger(agreementTable(units(['x', 'x'])), 1), /fewer than two categories/);
    expectUndefined(fleissKappa([{ counts: [2, 1] }, { counts: [1, 0] }]).kappa, /different numbers of ratings/);
    expectUndefined(fleissKappa([{ counts: [1, 0] }]).kappa, /fewer than two ratings/);
  });

  it('percent agreement without a pair of values', () => {
    expectUndefined(percentAgreement(units([1, null])), /no unit has values from two coders/);
  });
});
