/**
 * Krippendorff's alpha for any number of coders, missing values and four levels of measurement,
 * in the coincidence-matrix form of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability", and Content Analysis (2004), ch. 11:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)     (units with m_u ≥ 2)
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c   (the pairable values)
 *   D_o  = Σ_c Σ_k o_ck δ²_ck / n
 *   D_e  = Σ_c Σ_k n_c n_k δ²_ck / (n (n − 1))
 *   α    = 1 − D_o / D_e
 *
 * with δ²: nominal [c ≠ k]; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the values in rank
 * order; interval (c − k)²; ratio ((c − k) / (c + k))². A unit with one value is unpairable and
 * counts nowhere. α is undefined without pairable values and when D_e = 0 (all pairable values
 * alike: no variation to be reliable about).
 */
import { compareValues, type Value, type WeightedUnit } from './nominal.js';
import { defined, undefinedBecause, type Statistic } from './statistic.js';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface AlphaResult {
  alpha: Statistic;
  /** D_o, null when undefined. */
  observed: number | null;
  /** D_e, null when undefined. */
  expected: number | null;
  /** n: the number of pairable values. */
  pairable: number;
}

export interface Coincidences {
  /** The distinct values in rank order (numbers ascending, then strings). */
  values: Value[];
  /** o[c][k], symmetric. */
  matrix: number[][];
}

export function coincidences(units: readonly WeightedUnit[]): Coincidences {
  const values = [...new Set(units.flatMap((unit) => unit.values.filter((value): value is Value => value !== null)))].sort(compareValues);
  const index = new Map(values.map((value, i) => [value, i]));
  const matrix = values.map(() => values.map(() => 0));
  const counts = new Array<number>(values.length).fill(0);
  for (const unit of units) {
    const present: number[] = [];
    for (const value of unit.values) {
      if (value === null) continue;
      const i = index.get(value)!;
      if (counts[i] === 0) present.push(i);
      counts[i]!++;
    }
    const total = present.reduce((sum, i) => sum + counts[i]!, 0);
    if (total >= 2) {
      const scale = (unit.weight ?? 1) / (total - 1);
      for (const c of present) for (const k of present) matrix[c]![k]! += scale * counts[c]! * (counts[k]! - (c === k ? 1 : 0));
    }
    for (const i of present) counts[i] = 0;
  }
  return { values, matrix };
}

function distances(level: MeasurementLevel, values: readonly Value[], marginals: readonly number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'ordinal') {
    // Cumulative marginals: between(c, k) = Σ_{g=c..k} n_g.
    const cumulative = [0];
    for (const n of marginals) cumulative.push(cumulative[cumulative.length - 1]! + n);
    return (c, k) => {
      const [low, high] = c <= k ? [c, k] : [k, c];
      return (cumulative[high + 1]! - cumulative[low]! - (marginals[c]! + marginals[k]!) / 2) ** 2;
    };
  }
  const numbers = values.map((value) => {
    if (typeof value !== 'number') throw new Error(`${level} alpha needs numbers, not "${value}"`);
    return value;
  });
  if (level === 'interval') return (c, k) => (numbers[c]! - numbers[k]!) ** 2;
  return (c, k) => {
    const sum = numbers[c]! + numbers[k]!;
    return sum === 0 ? 0 : ((numbers[c]! - numbers[k]!) / sum) ** 2;
  };
}

export function krippendorffAlpha(units: readonly WeightedUnit[], level: MeasurementLevel = 'nominal'): AlphaResult {
  return alphaFromCoincidences(coincidences(units), level);
}

export function alphaFromCoincidences({ values, matrix }: Coincidences, level: MeasurementLevel): AlphaResult {
  const marginals = matrix.map((row) => row.reduce((sum, o) => sum + o, 0));
  const n = marginals.reduce((sum, n_c) => sum + n_c, 0);
  // Pairable values are whole numbers of values; weights may make them fractional only by rounding.
  if (n < 2 - 1e-9) return { alpha: undefinedBecause('no unit has values from two coders, so there are no pairable values'), observed: null, expected: null, pairable: n };
  const delta = distances(level, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += matrix[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const Do = observed / n;
  const De = expected / (n * (n - 1));
  if (De <= 0) return { alpha: undefinedBecause('every pairable value is the same, so there is no variation to agree on: the expected disagreement is 0 and alpha is 0/0'), observed: Do, expected: De, pairable: n };
  return { alpha: defined(1 - Do / De), observed: Do, expected: De, pairable: n };
}
