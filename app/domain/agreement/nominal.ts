/**
 * Agreement on nominal data: percent agreement, Cohen's kappa (also weighted), Scott's pi,
 * Fleiss' kappa and the free-marginal kappas of Brennan & Prediger (two coders) and Randolph
 * (any number). Pure functions over counts, so that character-level agreement over millions of
 * characters is computed from a handful of weighted value patterns, never an array per unit.
 *
 * Reliability data: a unit (a character, a segment, a subject) carries one value per coder, or
 * null where that coder gave none. A `WeightedUnit` stands for `weight` identical units.
 */
import { chanceCorrected, defined, undefinedBecause, type Statistic } from './statistic.js';

export type Value = string | number;

export interface WeightedUnit {
  /** One entry per coder, in the same order for every unit; null = no value from that coder. */
  values: readonly (Value | null)[];
  /** How many identical units this stands for; default 1. */
  weight?: number;
}

/** Numbers ascending, then strings in code-unit order: the order of rank-based weights and of ordinal alpha. */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedCategories(values: Iterable<Value>): Value[] {
  return [...new Set(values)].sort(compareValues);
}

// ---------------------------------------------------------------------------------------------
// Percent agreement

/**
 * Percent agreement for any number of coders, with missing values: the share of agreeing pairs
 * among the pairs of coders who both gave the unit a value, averaged over units, each unit
 * weighted by its number of values m_u:
 *
 *   PA = Σ_u Σ_c n_uc (n_uc − 1) / (m_u − 1)  /  Σ_u m_u        (units with m_u ≥ 2)
 *
 * With every coder rating every unit this is the plain mean over units of pairwise agreement
 * (for two coders: the share of units they agree on). With missing values it is 1 − D_o of
 * nominal Krippendorff's alpha, the "pairable-value-weighted" form; units with fewer than two
 * values cannot be compared and do not count.
 */
export function percentAgreement(units: readonly WeightedUnit[]): Statistic {
  let agreeing = 0;
  let pairable = 0;
  for (const unit of units) {
    const counts = valueCounts(unit.values);
    if (counts.total < 2) continue;
    const weight = unit.weight ?? 1;
    let pairs = 0;
    for (const count of counts.byValue.values()) pairs += count * (count - 1);
    agreeing += (weight * pairs) / (counts.total - 1);
    pairable += weight * counts.total;
  }
  if (pairable === 0) return undefinedBecause('no unit has values from two coders, so no pair of values can agree or disagree');
  return defined(agreeing / pairable);
}

function valueCounts(values: readonly (Value | null)[]): { total: number; byValue: Map<Value, number> } {
  const byValue = new Map<Value, number>();
  let total = 0;
  for (const value of values) {
    if (value === null) continue;
    total++;
    byValue.set(value, (byValue.get(value) ?? 0) + 1);
  }
  return { total, byValue };
}

// ---------------------------------------------------------------------------------------------
// Two coders: the agreement table

/** counts[i][j]: units the first coder put in categories[i] and the second in categories[j]. */
export interface AgreementTable {
  categories: Value[];
  counts: number[][];
}

/**
 * The two coders' agreement table over the units both gave a value (a unit either of them left
 * without a value is left out). `categories` may name categories neither coder used: they
 * matter to weighted kappa and to Brennan–Prediger's q.
 */
export function agreementTable(units: readonly WeightedUnit[], first = 0, second = 1, categories?: readonly Value[]): AgreementTable {
  const used = new Set<Value>(categories ?? []);
  for (const unit of units) {
    const a = unit.values[first] ?? null;
    const b = unit.values[second] ?? null;
    if (a !== null && b !== null) used.add(a).add(b);
  }
  const ordered = categories ? [...categories, ...sortedCategories([...used].filter((c) => !categories.includes(c)))] : sortedCategories(used);
  const index = new Map(ordered.map((category, i) => [category, i]));
  const counts = ordered.map(() => ordered.map(() => 0));
  for (const unit of units) {
    const a = unit.values[first] ?? null;
    const b = unit.values[second] ?? null;
    if (a === null || b === null) continue;
    counts[index.get(a)!]![index.get(b)!]! += unit.weight ?? 1;
  }
  return { categories: ordered, counts };
}

interface Margins {
  total: number;
  rows: number[];
  columns: number[];
  diagonal: number;
}

function margins(counts: readonly (readonly number[])[]): Margins {
  const size = counts.length;
  const rows = new Array<number>(size).fill(0);
  const columns = new Array<number>(size).fill(0);
  let total = 0;
  let diagonal = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const count = counts[i]![j]!;
      rows[i]! += count;
      columns[j]! += count;
      total += count;
      if (i === j) diagonal += count;
    }
  }
  return { total, rows, columns, diagonal };
}

const NO_COMMON_UNITS = 'no unit has a value from both coders';

/** The share of units (of those both coders rated) that they put in the same category. */
export function observedAgreement(table: AgreementTable): Statistic {
  const { total, diagonal } = margins(table.counts);
  return total === 0 ? undefinedBecause(NO_COMMON_UNITS) : defined(diagonal / total);
}

/** Cohen's chance term p_e = Σ_k p_1k p_2k, from each coder's own marginal distribution. */
export function cohenExpectedAgreement(table: AgreementTable): Statistic {
  const { total, rows, columns } = margins(table.counts);
  if (total === 0) return undefinedBecause(NO_COMMON_UNITS);
  return defined(rows.reduce((sum, row, k) => sum + row * columns[k]!, 0) / (total * total));
}

export type KappaWeights = 'none' | 'linear' | 'quadratic';

/**
 * Cohen's (1960) kappa for two coders: (p_o − p_e) / (1 − p_e), where the chance term p_e =
 * Σ_k p_1k p_2k comes from each coder's own marginal distribution (not a pooled one: that is
 * Scott's pi). Weighted (Cohen 1968): κ_w = 1 − Σ w_ij o_ij / Σ w_ij e_ij with disagreement
 * weights on the categories' rank positions, |i − j| (linear) or (i − j)² (quadratic), as R's
 * irr::kappa2 ("equal", "squared") and scikit-learn's cohen_kappa_score do.
 */
export function cohenKappa(table: AgreementTable, weights: KappaWeights = 'none'): Statistic {
  const { total, rows, columns } = margins(table.counts);
  if (total === 0) return undefinedBecause(NO_COMMON_UNITS);
  const size = table.counts.length;
  const weight = (i: number, j: number): number => (weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) : (i - j) ** 2);
  let observed = 0;
  let expected = 0;
  let largest = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const w = weight(i, j);
      largest = Math.max(largest, w);
      observed += w * table.counts[i]![j]!;
      expected += (w * rows[i]! * columns[j]!) / total;
    }
  }
  if (largest === 0 || expected <= 1e-12 * total * largest) {
    return undefinedBecause('both coders put every unit in one and the same category, so the agreement expected by chance is 1 and kappa is 0/0');
  }
  return defined(1 - observed / expected);
}

/**
 * Scott's (1955) pi for two coders: (p_o − p_e) / (1 − p_e) with p_e = Σ_k ((n_1k + n_2k) / 2N)²,
 * the chance term from both coders' values pooled.
 */
export function scottPi(table: AgreementTable): Statistic {
  const { total, rows, columns, diagonal } = margins(table.counts);
  if (total === 0) return undefinedBecause(NO_COMMON_UNITS);
  let expected = 0;
  for (let k = 0; k < rows.length; k++) expected += ((rows[k]! + columns[k]!) / (2 * total)) ** 2;
  return chanceCorrected(diagonal / total, expected, 'every value of both coders is one and the same category, so the agreement expected by chance is 1 and pi is 0/0');
}

/**
 * Brennan & Prediger's (1981) free-marginal kappa (Bennett, Alpert & Goldstein's S):
 * (p_o − 1/q) / (1 − 1/q), q the number of categories a unit could be put in (by default those
 * of the table).
 */
export function brennanPrediger(table: AgreementTable, q = table.categories.length): Statistic {
  const { total, diagonal } = margins(table.counts);
  if (total === 0) return undefinedBecause(NO_COMMON_UNITS);
  return freeMarginal(diagonal / total, q);
}

function freeMarginal(observed: number, q: number): Statistic {
  if (q < 2) return undefinedBecause('with fewer than two categories the chance agreement 1/q is 1, so the free-marginal kappa is 0/0');
  return defined((observed - 1 / q) / (1 - 1 / q));
}

// ---------------------------------------------------------------------------------------------
// Any number of coders: Fleiss' kappa and Randolph's free-marginal kappa

/** One subject: how many coders put it in each category (same category order for every row). */
export interface RatingRow {
  counts: readonly number[];
  weight?: number;
}

/**
 * Rating counts per category for the units every coder gave a value (a unit with a missing value
 * is left out: Fleiss' kappa needs the same number of ratings for each unit).
 */
export function ratingRows(units: readonly WeightedUnit[], categories?: readonly Value[]): { categories: Value[]; rows: RatingRow[] } {
  const complete = units.filter((unit) => unit.values.every((value) => value !== null));
  const observed = sortedCategories(complete.flatMap((unit) => unit.values as Value[]));
  // Named categories first (they may include unused ones), then any other value the data hold.
  const ordered = categories ? [...categories, ...observed.filter((value) => !categories.includes(value))] : observed;
  const index = new Map(ordered.map((category, i) => [category, i]));
  const rows = complete.map((unit) => {
    const counts = new Array<number>(ordered.length).fill(0);
    for (const value of unit.values) counts[index.get(value!)!]!++;
    return { counts, weight: unit.weight ?? 1 };
  });
  return { categories: ordered, rows };
}

export interface FleissResult {
  kappa: Statistic;
  /** P̄: the mean over units of the share of agreeing rater pairs. */
  observed: number | null;
  /** P̄_e = Σ_j p_j². */
  expected: number | null;
  /** Per category j: κ_j = 1 − Σ_i n_ij (n − n_ij) / (N n (n − 1) p_j q_j) (Fleiss 1971, eq. 13). */
  categories: Statistic[];
}

/**
 * Fleiss' (1971) kappa: (P̄ − P̄_e) / (1 − P̄_e) with P_i = (Σ_j n_ij² − n) / (n (n − 1)) and
 * p_j = Σ_i n_ij / (N n). Every unit must have the same number n ≥ 2 of ratings. With two coders
 * and no missing values it equals Scott's pi.
 */
export function fleissKappa(rows: readonly RatingRow[]): FleissResult {
  const size = rows[0]?.counts.length ?? 0;
  const none = (reason: string): FleissResult => ({ kappa: undefinedBecause(reason), observed: null, expected: null, categories: new Array<Statistic>(size).fill(undefinedBecause(reason)) });
  const perUnit = checkedRatings(rows);
  if (typeof perUnit === 'string') return none(perUnit);
  let units = 0;
  let agreement = 0;
  const totals = new Array<number>(size).fill(0);
  const disagreement = new Array<number>(size).fill(0);
  for (const row of rows) {
    const weight = row.weight ?? 1;
    units += weight;
    let squares = 0;
    row.counts.forEach((count, j) => {
      squares += count * count;
      totals[j]! += weight * count;
      disagreement[j]! += weight * count * (perUnit - count);
    });
    agreement += (weight * (squares - perUnit)) / (perUnit * (perUnit - 1));
  }
  const observed = agreement / units;
  const shares = totals.map((total) => total / (units * perUnit));
  const expected = shares.reduce((sum, p) => sum + p * p, 0);
  const categories = shares.map((p, j) =>
    p * (1 - p) <= 0
      ? undefinedBecause(p === 0 ? 'no coder used this category' : 'every rating is this category')
      : defined(1 - disagreement[j]! / (units * perUnit * (perUnit - 1) * p * (1 - p))),
  );
  return {
    kappa: chanceCorrected(observed, expected, 'every rating of every unit is one and the same category, so the agreement expected by chance is 1 and kappa is 0/0'),
    observed,
    expected,
    categories,
  };
}

/** The common number of ratings per unit, or why there is none. */
function checkedRatings(rows: readonly RatingRow[]): number | string {
  if (rows.length === 0 || rows.every((row) => (row.weight ?? 1) === 0)) return 'no unit has a value from every coder';
  const sum = (counts: readonly number[]): number => counts.reduce((total, count) => total + count, 0);
  const perUnit = sum(rows[0]!.counts);
  if (rows.some((row) => sum(row.counts) !== perUnit)) return "units have different numbers of ratings; Fleiss' kappa needs the same number for every unit (use Krippendorff's alpha)";
  if (perUnit < 2) return 'each unit has fewer than two ratings';
  return perUnit;
}

/**
 * Randolph's (2005) free-marginal multirater kappa: (P̄ − 1/q) / (1 − 1/q), P̄ as in Fleiss'
 * kappa. With two coders it is Brennan & Prediger's kappa.
 */
export function freeMarginalKappa(rows: readonly RatingRow[], q = rows[0]?.counts.length ?? 0): Statistic {
  const fleiss = fleissKappa(rows);
  if (fleiss.observed === null) return fleiss.kappa;
  return freeMarginal(fleiss.observed, q);
}
