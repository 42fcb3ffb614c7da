/**
 * Krippendorff's unitizing alphas on hand-worked continua (arithmetic in the comments), and their
 * fast forms (a two-pointer walk, prefix sums, a boundary sweep) against the test's own direct
 * reading of the formulas on random continua. The published uα example (Krippendorff 2004,
 * p. 254) is in agreementVectors.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Statistic } from '../../app/domain/agreement/statistic.js';
import { unitizingAlpha2004, unitizingAlphas2016, type Continuum, type ContinuumUnit } from '../../app/domain/agreement/unitizing.js';
import { Random } from '../bench/random.js';

const unit = (coder: number, category: string, begin: number, end: number): ContinuumUnit => ({ coder, category, begin, length: end - begin });

function value(statistic: Statistic): number {
  if (statistic.value === null) throw new Error(`undefined: ${statistic.reason}`);
  return statistic.value;
}

/** Integers in [0, below) from the benchmarks' seeded generator: a failing case fails again. */
function random(seed: number): (below: number) => number {
  const generator = new Random(seed);
  return (below) => generator.int(0, below);
}

/** Random non-overlapping units per coder over [0, length), categories from `categories`. */
function randomContinuum(next: (below: number) => number, coders: number, length: number, categories: string[]): Continuum {
  const units: ContinuumUnit[] = [];
  for (let coder = 0; coder < coders; coder++) {
    let at = next(4);
    while (at < length - 1) {
      const end = Math.min(length, at + 1 + next(12));
      if (next(3) > 0) units.push(unit(coder, categories[next(categories.length)]!, at, end));
      at = end + next(3);
    }
  }
  return { begin: 0, length, coders, units };
}

interface Section {
  begin: number;
  end: number;
  unit: boolean;
}

function sectionsOf(continuum: Continuum, coder: number, category: string): Section[] {
  const units = continuum.units.filter((u) => u.coder === coder && u.category === category).sort((a, b) => a.begin - b.begin);
  const result: Section[] = [];
  let at = continuum.begin;
  for (const u of units) {
    if (u.begin > at) result.push({ begin: at, end: u.begin, unit: false });
    result.push({ begin: u.begin, end: u.begin + u.length, unit: true });
    at = u.begin + u.length;
  }
  if (at < continuum.begin + continuum.length) result.push({ begin: at, end: continuum.begin + continuum.length, unit: false });
  return result;
}

/** Krippendorff (2004) uD_o and uD_e for one category, every pair of sections compared directly. */
function direct2004(continuum: Continuum, category: string): { observed: number; expected: number } {
  const { coders: m, length: L } = continuum;
  const all = Array.from({ length: m }, (_, coder) => sectionsOf(continuum, coder, category));
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of all[i]!) {
        for (const h of all[j]!) {
          if (Math.min(g.end, h.end) <= Math.max(g.begin, h.begin)) continue;
          if (g.unit && h.unit) sum += (g.begin - h.begin) ** 2 + (g.end - h.end) ** 2;
          else if (g.unit && h.begin <= g.begin && g.end <= h.end) sum += (g.end - g.begin) ** 2;
          else if (h.unit && g.begin <= h.begin && h.end <= g.end) sum += (h.end - h.begin) ** 2;
        }
      }
    }
  }
  const units = all.flat().filter((s) => s.unit).map((s) => s.end - s.begin);
  const gaps = all.flat().filter((s) => !s.unit).map((s) => s.end - s.begin);
  let numerator = 0;
  for (const l of units) {
    numerator += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3;
    for (const h of gaps) if (h >= l) numerator += l * l * (h - l + 1);
  }
  const denominator = m * L * (m * L - 1) - units.reduce((s, l) => s + l * (l - 1), 0);
  return { observed: sum / (m * (m - 1) * L * L), expected: ((2 / L) * numerator) / denominator };
}

/** KMBW (2016) uα, |uα and cuα with coincidences counted character by character. */
function direct2016(continuum: Continuum): { u: number; binary: number; cu: number } {
  const { coders: m, length: L } = continuum;
  const valueAt = (coder: number, at: number, binary: boolean): string => {
    const u = continuum.units.find((x) => x.coder === coder && x.begin <= at && at < x.begin + x.length);
    return u ? (binary ? 'unit' : String(u.category)) : '';
  };
  const alpha = (binary: boolean): { u: number; cu: number } => {
    const l = new Map<string, number>();
    const add = (key: string, amount: number): void => void l.set(key, (l.get(key) ?? 0) + amount);
    const contribution = new Map<ContinuumUnit, number>();
    for (let at = 0; at < L; at++) {
      const values = Array.from({ length: m }, (_, coder) => valueAt(coder, at, binary));
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          if (i === j) continue;
          add(`${values[i]}|${values[j]}`, 1 / (m - 1));
          if (values[i] !== '' && values[j] !== '') {
            const g = continuum.units.find((x) => x.coder === i && x.begin <= at && at < x.begin + x.length)!;
            contribution.set(g, (contribution.get(g) ?? 0) + 1 / (m - 1));
          }
        }
      }
    }
    const values = [...new Set([...l.keys()].map((key) => key.split('|')[0]!))];
    const row = (v: string, valuedOnly = false): number => values.filter((w) => !valuedOnly || w !== '').reduce((s, w) => s + (l.get(`${v}|${w}`) ?? 0), 0);
    const lengthOf = (u: ContinuumUnit): number => u.length;
    const within = (v: string): number =>
      v === '' ? m * L - continuum.units.reduce((s, u) => s + u.length, 0) : continuum.units.filter((u) => (binary ? true : u.category === v)).reduce((s, u) => s + lengthOf(u) ** 2, 0);
    const total = m * L;
    const D = total * total - values.reduce((s, v) => s + within(v), 0);
    const observedAgree = values.reduce((s, v) => s + (l.get(`${v}|${v}`) ?? 0), 0);
    const expectedAgree = values.reduce((s, v) => s + (total * (row(v) ** 2 - within(v))) / D, 0);
    const valued = values.filter((v) => v !== '');
    const cuTotal = valued.reduce((s, v) => s + row(v, true), 0);
    const cuWithin = (v: string): number => continuum.units.filter((u) => u.category === v).reduce((s, u) => s + (contribution.get(u) ?? 0) ** 2, 0);
    const cuWithinAll = valued.reduce((s, v) => s + cuWithin(v), 0);
    const cuExpected = valued.reduce((s, v) => s + (cuTotal * (row(v, true) ** 2 - cuWithin(v))) / (cuTotal * cuTotal - cuWithinAll), 0);
    const cuObserved = valued.reduce((s, v) => s + (l.get(`${v}|${v}`) ?? 0), 0);
    return { u: 1 - (total - observedAgree) / (total - expectedAgree), cu: 1 - (cuTotal - cuObserved) / (cuTotal - cuExpected) };
  };
  const full = alpha(false);
  return { u: full.u, binary: alpha(true).u, cu: full.cu };
}

describe('Krippendorff (1995, 2004) uα', () => {
  it('hand-worked: [0, 4) against [0, 5) in 10 characters', () => {
    // Only the two units intersect with δ² ≠ 0: (0 − 0)² + (4 − 5)² = 1, so uD_o = 2·1 / (2·1·100) = .01.
    // uD_e: N = 2; unit 4: (64·2 − 48 + 4)/3 = 28, gaps ≥ 4 (6 and 5): 16·(3 + 2) = 80; unit 5: 60 and
    // 25·(2 + 1) = 75; (2/10)·243 / (2·10·19 − (12 + 20)) = 48.6 / 348.
    const result = unitizingAlpha2004({ begin: 0, length: 10, coders: 2, units: [unit(0, 'c', 0, 4), unit(1, 'c', 0, 5)] });
    expect(result.observed).toBeCloseTo(0.01, 12);
    expect(result.expected).toBeCloseTo(48.6 / 348, 12);
    expect(value(result.alpha)).toBeCloseTo(1 - 0.01 / (48.6 / 348), 12);
  });

  it('identical unitizing gives 1; no unit at all, or overlapping units of one coder and category, gives undefined with the reason', () => {
    const same = unitizingAlpha2004({ begin: 5, length: 30, coders: 3, units: [0, 1, 2].flatMap((c) => [unit(c, 'c', 7, 12), unit(c, 'k', 20, 26)]) });
    expect(value(same.alpha)).toBe(1);
    expect(same.categories.map((c) => value(c.alpha))).toEqual([1, 1]);
    const none = unitizingAlpha2004({ begin: 0, length: 30, coders: 2, units: [] });
    expect(none.alpha.reason).toMatch(/no coder marked any unit/);
    const overlapping = unitizingAlpha2004({ begin: 0, length: 30, coders: 2, units: [unit(0, 'c', 0, 5), unit(0, 'c', 3, 8), unit(1, 'c', 0, 8)] });
    expect(overlapping.categories[0]!.alpha.reason).toMatch(/coder 1 has overlapping units/);
    expect(overlapping.alpha.value).toBeNull();
  });

  it('the two-pointer walk and prefix sums equal the formulas read directly, for 2 to 4 coders', () => {
    const next = random(2004);
    let compared = 0;
    for (let round = 0; round < 60; round++) {
      const coders = 2 + (round % 3);
      const continuum = randomContinuum(next, coders, 20 + next(80), ['c', 'k']);
      const result = unitizingAlpha2004(continuum);
      let observed = 0;
      let expected = 0;
      for (const category of result.categories) {
        const direct = direct2004(continuum, category.category as string);
        expect(category.observed).toBeCloseTo(direct.observed, 10);
        expect(category.expected).toBeCloseTo(direct.expected, 10);
        observed += direct.observed;
        expected += direct.expected;
      }
      if (result.alpha.value !== null) {
        expect(result.alpha.value).toBeCloseTo(1 - observed / expected, 10);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('Krippendorff, Mathet, Bouvry & Widlöcher (2016) uα, |uα and cuα', () => {
  it('hand-worked, one category: [0, 4) against [0, 5) in 10 characters', () => {
    // l_cc = 8, l_c0 = l_0c = 1, l_00 = 10, l.. = 20; w: units 16 + 25, gaps 6 + 5; D = 400 − 52 = 348.
    // e_cc = 20(81 − 41)/348, e_00 = 20(121 − 11)/348; uα = 1 − 2 / (20 − 3000/348) = 1 − 348/1980.
    const result = unitizingAlphas2016({ begin: 0, length: 10, coders: 2, units: [unit(0, 'c', 0, 4), unit(1, 'c', 0, 5)] });
    expect(value(result.uAlpha)).toBeCloseTo(1 - 348 / 1980, 12);
    expect(value(result.binaryUAlpha)).toBeCloseTo(1 - 348 / 1980, 12);
    expect(result.cuAlpha.reason).toMatch(/one and the same category/);
  });

  it('hand-worked, two categories: A X[0,4) Y[6,10); B X[0,4) X[6,8) Y[8,10)', () => {
    // Valued coincidences l_XX = 8, l_XY = l_YX = 2, l_YY = 4 (l'_.. = 16); gaps [4,6) give l_00 = 4.
    // uα: S_X = 16 + 16 + 4, S_Y = 16 + 4, G = 4, D = 400 − 60 = 340; Σe = 20(64 + 16 + 12)/340; uα = 1 − 4 / (20 − 1840/340).
    // cuα: v_g = 4, 4 (A), 4, 2, 2 (B); Q_X = 36, Q_Y = 20; e'_XX = 16·64/200, e'_YY = 16·16/200; cuα = 1 − 4 / 9.6.
    // |uα: both coders cover exactly [0,4) and [6,10), so 1.
    const continuum = { begin: 0, length: 10, coders: 2, units: [unit(0, 'X', 0, 4), unit(0, 'Y', 6, 10), unit(1, 'X', 0, 4), unit(1, 'X', 6, 8), unit(1, 'Y', 8, 10)] };
    const result = unitizingAlphas2016(continuum);
    expect(value(result.uAlpha)).toBeCloseTo(1 - 4 / (20 - 1840 / 340), 12);
    expect(value(result.cuAlpha)).toBeCloseTo(1 - 4 / 9.6, 12);
    expect(value(result.binaryUAlpha)).toBeCloseTo(1, 12);
  });

  it("overlapping units of one coder leave uα and cuα undefined, with where; |uα merges them", () => {
    const result = unitizingAlphas2016({ begin: 0, length: 20, coders: 2, units: [unit(0, 'X', 0, 6), unit(0, 'Y', 4, 9), unit(1, 'X', 0, 9)] });
    expect(result.overlap).toEqual({ coder: 0, at: 4 });
    expect(result.uAlpha.reason).toMatch(/coder 1 marked overlapping units \(at 4\)/);
    expect(result.cuAlpha.value).toBeNull();
    expect(value(result.binaryUAlpha)).toBeCloseTo(1, 12);
  });

  it('no units, or too few coders: undefined', () => {
    expect(unitizingAlphas2016({ begin: 0, length: 10, coders: 2, units: [] }).uAlpha.reason).toMatch(/no coder marked any unit/);
    expect(unitizingAlphas2016({ begin: 0, length: 10, coders: 1, units: [unit(0, 'c', 0, 3)] }).uAlpha.reason).toMatch(/at least two coders/);
  });

  it('the boundary sweep equals coincidences counted character by character, for 2 to 4 coders', () => {
    const next = random(2016);
    let compared = 0;
    for (let round = 0; round < 45; round++) {
      const coders = 2 + (round % 3);
      const continuum = randomContinuum(next, coders, 15 + next(50), ['X', 'Y', 'Z']);
      const result = unitizingAlphas2016(continuum);
      const direct = direct2016(continuum);
      if (result.uAlpha.value !== null) expect(result.uAlpha.value).toBeCloseTo(direct.u, 10);
      if (result.binaryUAlpha.value !== null) expect(result.binaryUAlpha.value).toBeCloseTo(direct.binary, 10);
      if (result.cuAlpha.value !== null) expect(result.cuAlpha.value).toBeCloseTo(direct.cu, 10);
      if (result.uAlpha.value !== null && result.binaryUAlpha.value !== null && result.cuAlpha.value !== null) compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });
});
