/**
 * Krippendorff's alphas for unitizing a continuum (a text as a run of characters): coders mark
 * units (begin, length) and give each a category; what lies between a coder's units is that
 * coder's gaps. Two generations are implemented.
 *
 * 1. uα of Krippendorff (1995, "On the reliability of unitizing continuous data", Sociological
 *    Methodology 25) and Content Analysis (2004, §12.4), per category c, as DKPro Statistics
 *    implements it (KrippendorffAlphaUnitizingAgreement):
 *
 *      uD_o,c = 2 / (m (m − 1) L²) · Σ_{i<j} Σ_{g ∈ i, h ∈ j, g ∩ h ≠ ∅} δ²(g, h)
 *        δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   both units;
 *                 = l_g²                           g a unit inside h, a gap (and vice versa);
 *                 = 0                              otherwise
 *      uD_e,c = (2 / L) Σ_{units g of c} [ (N_c − 1)(2 l_g³ − 3 l_g² + l_g) / 3
 *                                           + l_g² Σ_{gaps h, l_h ≥ l_g} (l_h − l_g + 1) ]
 *               / ( m L (m L − 1) − Σ_{units g of c} l_g (l_g − 1) )
 *      uα_c = 1 − uD_o,c / uD_e,c;   over categories uα = 1 − Σ_c uD_o,c / Σ_c uD_e,c.
 *
 *    Sections are the units of category c and the gaps between them (a coder's units of other
 *    categories are gaps here), N_c is the number of units of c of all coders.
 *
 * 2. The family of Krippendorff, Mathet, Bouvry & Widlöcher (2016, "On the reliability of
 *    unitizing textual continua: Further developments", Quality & Quantity 50), which replaces
 *    (1) because it misbehaves with more than two coders. Each coder's units and gaps partition
 *    the continuum; gaps take the value 0, units their category. Coincidences are intersection
 *    lengths:
 *
 *      l_ck = Σ_i Σ_{j≠i} Σ_g Σ_h |s_icg ∩ s_jkh| / (m − 1),   l_.. = m L
 *      e_ck = l_.. (l_c. l_.k − [c = k] Σ_{sections s of c} w_s) / (l_..² − Σ_s w_s)
 *        w_s = l_s² for a unit (indivisible), l_s for a gap (divisible, one character at a time)
 *
 *    uα  = 1 − (l_.. − Σ_c l_cc) / (l_.. − Σ_c e_cc)          units, their categories and gaps;
 *    |uα = uα with every category taken as one ("relevant matter" against gaps);
 *    cuα = the same on the coincidences of intersecting units only (gaps ignored):
 *      l'_ck = l_ck for c, k ≠ 0;  v_g = Σ_{j≠i} |g ∩ units of j| / (m − 1) (what unit g of coder
 *      i adds to them); e'_ck = l'_.. (l'_c. l'_.k − [c = k] Σ_{units g of c} v_g²) / (l'_..² − Σ_g v_g²);
 *      cuα = 1 − (l'_.. − Σ_c l'_cc) / (l'_.. − Σ_c e'_cc).
 *    For two coders this is the published expected-coincidence formula for cuα; for more, the
 *    within-unit term v_g² is our reading, chosen so that it reduces to uα's l_g² when every unit
 *    lies wholly inside other coders' units.
 *
 *    The 2016 coefficients need each coder's units to be mutually exclusive (one category per
 *    stretch of text, as ATLAS.ti's semantic domains); where a coder's units overlap, uα and cuα
 *    are undefined and say where. |uα merges overlapping units first.
 */
import type { Value } from './nominal.js';
import { defined, undefinedBecause, type Statistic } from './statistic.js';

export interface ContinuumUnit {
  coder: number;
  category: Value;
  begin: number;
  length: number;
}

export interface Continuum {
  begin: number;
  length: number;
  /** The number of coders m; units name coders 0..m−1. A coder without units marked nothing. */
  coders: number;
  units: readonly ContinuumUnit[];
}

interface Section {
  begin: number;
  end: number;
  unit: boolean;
}

/** A coder's sections over the whole continuum: their units (sorted, not overlapping) and the gaps between. */
function sections(units: readonly { begin: number; end: number }[], begin: number, end: number): Section[] {
  const result: Section[] = [];
  let at = begin;
  for (const unit of units) {
    if (unit.begin > at) result.push({ begin: at, end: unit.begin, unit: false });
    result.push({ begin: unit.begin, end: unit.end, unit: true });
    at = unit.end;
  }
  if (end > at) result.push({ begin: at, end, unit: false });
  return result;
}

/** Units clipped to the continuum, grouped by coder and sorted by begin. */
function byCoder(continuum: Continuum, units: readonly ContinuumUnit[]): { begin: number; end: number; category: Value }[][] {
  const end = continuum.begin + continuum.length;
  const grouped: { begin: number; end: number; category: Value }[][] = Array.from({ length: continuum.coders }, () => []);
  for (const unit of units) {
    if (!Number.isInteger(unit.coder) || unit.coder < 0 || unit.coder >= continuum.coders) throw new Error(`unit of coder ${unit.coder}, but there are ${continuum.coders} coders`);
    const b = Math.max(continuum.begin, unit.begin);
    const e = Math.min(end, unit.begin + unit.length);
    if (e > b) grouped[unit.coder]!.push({ begin: b, end: e, category: unit.category });
  }
  for (const list of grouped) list.sort((a, b) => a.begin - b.begin || a.end - b.end);
  return grouped;
}

/** The first place where a coder's (sorted) units overlap, if any. */
function firstOverlap(grouped: readonly (readonly { begin: number; end: number }[])[]): { coder: number; at: number } | null {
  for (let coder = 0; coder < grouped.length; coder++) {
    const list = grouped[coder]!;
    let end = -Infinity;
    for (const unit of list) {
      if (unit.begin < end) return { coder, at: unit.begin };
      end = Math.max(end, unit.end);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Krippendorff 1995/2004

export interface Unitizing2004Category {
  category: Value;
  alpha: Statistic;
  observed: number;
  expected: number;
}

export interface Unitizing2004Result {
  alpha: Statistic;
  observed: number;
  expected: number;
  categories: Unitizing2004Category[];
}

export function unitizingAlpha2004(continuum: Continuum): Unitizing2004Result {
  const { coders: m, length: L } = continuum;
  const end = continuum.begin + L;
  const byCategory = new Map<Value, ContinuumUnit[]>();
  for (const unit of continuum.units) {
    const list = byCategory.get(unit.category);
    if (list) list.push(unit);
    else byCategory.set(unit.category, [unit]);
  }
  const categories = [...byCategory.keys()];
  const results: Unitizing2004Category[] = [];
  let observedSum = 0;
  let expectedSum = 0;
  for (const [category, units] of byCategory) {
    const grouped = byCoder(continuum, units);
    const overlap = firstOverlap(grouped);
    if (overlap) {
      results.push({ category, alpha: undefinedBecause(`coder ${overlap.coder + 1} has overlapping units of this category (at ${overlap.at}); uα needs them apart`), observed: NaN, expected: NaN });
      continue;
    }
    const perCoder = grouped.map((units) => sections(units, continuum.begin, end));
    const observed = observed2004(perCoder, m, L);
    const expected = expected2004(perCoder, m, L);
    observedSum += observed;
    expectedSum += expected;
    const alpha =
      m < 2 ? undefinedBecause('uα needs at least two coders')
      : expected <= 0 ? undefinedBecause('the expected disagreement is 0 (the units leave no room to disagree), so uα is 0/0')
      : defined(1 - observed / expected);
    results.push({ category, alpha, observed, expected });
  }
  const overallAlpha =
    categories.length === 0 ? undefinedBecause('no coder marked any unit, so there is nothing to agree or disagree on')
    : results.some((result) => Number.isNaN(result.observed)) ? undefinedBecause('a coder has overlapping units of one category (see the categories); uα needs them apart')
    : m < 2 ? undefinedBecause('uα needs at least two coders')
    : expectedSum <= 0 ? undefinedBecause('the expected disagreement is 0, so uα is 0/0')
    : defined(1 - observedSum / expectedSum);
  return { alpha: overallAlpha, observed: observedSum, expected: expectedSum, categories: results };
}

function observed2004(perCoder: readonly Section[][], m: number, L: number): number {
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const A = perCoder[i]!;
      const B = perCoder[j]!;
      let a = 0;
      let b = 0;
      // The two partitions of the continuum, walked together: each step is a pair of sections
      // that intersect, and every intersecting pair comes up once.
      while (a < A.length && b < B.length) {
        const g = A[a]!;
        const h = B[b]!;
        if (g.unit && h.unit) sum += (g.begin - h.begin) ** 2 + (g.end - h.end) ** 2;
        else if (g.unit && h.begin <= g.begin && g.end <= h.end) sum += (g.end - g.begin) ** 2;
        else if (h.unit && g.begin <= h.begin && h.end <= g.end) sum += (h.end - h.begin) ** 2;
        if (g.end <= h.end) a++;
        if (h.end <= g.end) b++;
      }
    }
  }
  return (2 * sum) / (m * (m - 1) * L * L);
}

function expected2004(perCoder: readonly Section[][], m: number, L: number): number {
  const unitLengths: number[] = [];
  const gaps: number[] = [];
  for (const list of perCoder) for (const section of list) (section.unit ? unitLengths : gaps).push(section.end - section.begin);
  const N = unitLengths.length;
  if (N === 0) return 0;
  gaps.sort((x, y) => x - y);
  // suffix[k] = Σ gaps[k..]: Σ_{gaps ≥ l} (h − l + 1) = suffix − count × (l − 1).
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  let numerator = 0;
  let squares = 0;
  for (const l of unitLengths) {
    let low = 0;
    let high = gaps.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (gaps[mid]! < l) low = mid + 1;
      else high = mid;
    }
    const count = gaps.length - low;
    numerator += ((N - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * (suffix[low]! - count * (l - 1));
    squares += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - squares;
  return denominator <= 0 ? 0 : ((2 / L) * numerator) / denominator;
}

// ---------------------------------------------------------------------------------------------
// Krippendorff, Mathet, Bouvry & Widlöcher 2016

export interface Unitizing2016Result {
  /** uα: units with their categories, and gaps. */
  uAlpha: Statistic;
  /** |uα: relevant matter (units of any category) against gaps. */
  binaryUAlpha: Statistic;
  /** cuα: the categories of intersecting units, gaps ignored. */
  cuAlpha: Statistic;
  /** Where a coder's units overlap (uα and cuα are then undefined), as coder and position. */
  overlap: { coder: number; at: number } | null;
}

export function unitizingAlphas2016(continuum: Continuum): Unitizing2016Result {
  const grouped = byCoder(continuum, continuum.units);
  const overlap = firstOverlap(grouped);
  // |uα: every unit is "relevant"; a coder's overlapping units become one.
  const merged = grouped.map((list) => {
    const result: { begin: number; end: number; category: Value }[] = [];
    for (const unit of list) {
      const last = result[result.length - 1];
      if (last && unit.begin < last.end) last.end = Math.max(last.end, unit.end);
      else result.push({ begin: unit.begin, end: unit.end, category: 1 });
    }
    return result;
  });
  // Without overlaps, and with one category, the units are the merged units: one sweep serves both.
  const single = !overlap && new Set(continuum.units.map((unit) => unit.category)).size <= 1;
  const binary = coincidences2016(continuum, merged);
  if (single) return { uAlpha: binary.uAlpha, binaryUAlpha: binary.uAlpha, cuAlpha: binary.cuAlpha, overlap: null };
  if (overlap) {
    const reason = `coder ${overlap.coder + 1} marked overlapping units (at ${overlap.at}); uα and cuα need each coder's units to exclude one another`;
    return { uAlpha: undefinedBecause(reason), binaryUAlpha: binary.uAlpha, cuAlpha: undefinedBecause(reason), overlap };
  }
  const full = coincidences2016(continuum, grouped);
  return { uAlpha: full.uAlpha, binaryUAlpha: binary.uAlpha, cuAlpha: full.cuAlpha, overlap: null };
}

function coincidences2016(continuum: Continuum, grouped: readonly (readonly { begin: number; end: number; category: Value }[])[]): { uAlpha: Statistic; cuAlpha: Statistic } {
  const m = continuum.coders;
  const L = continuum.length;
  if (m < 2) {
    const reason = 'the unitizing alphas need at least two coders';
    return { uAlpha: undefinedBecause(reason), cuAlpha: undefinedBecause(reason) };
  }
  const categories = [...new Set(grouped.flatMap((list) => list.map((unit) => unit.category)))];
  const index = new Map(categories.map((category, i) => [category, i + 1]));
  const V = categories.length + 1;
  // l[v * V + w]: coincidences of value v (0 = gap) with value w.
  const l = new Float64Array(V * V);
  // Per coder, per unit: v_g, its intersections with other coders' units.
  const valued = grouped.map((list) => new Float64Array(list.length));
  // Typed columns per coder: 200,000 units are swept without a lookup per stretch.
  const begins = grouped.map((list) => Float64Array.from(list, (unit) => unit.begin));
  const ends = grouped.map((list) => Float64Array.from(list, (unit) => unit.end));
  const values = grouped.map((list) => Int32Array.from(list, (unit) => index.get(unit.category)!));
  let size = 2;
  for (const list of grouped) size += 2 * list.length;
  const points = new Float64Array(size);
  points[0] = continuum.begin;
  points[1] = continuum.begin + L;
  let at = 2;
  for (let coder = 0; coder < m; coder++) {
    points.set(begins[coder]!, at);
    points.set(ends[coder]!, at + begins[coder]!.length);
    at += 2 * begins[coder]!.length;
  }
  points.sort();
  const next = new Int32Array(m);
  const current = new Int32Array(m).fill(-1);
  const value = new Int32Array(m);
  const counts = new Float64Array(V);
  const present = new Int32Array(m);
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p]!;
    const length = points[p + 1]! - from;
    if (length === 0) continue;
    let valuedCoders = 0;
    let distinct = 0;
    for (let coder = 0; coder < m; coder++) {
      if (current[coder]! >= 0 && ends[coder]![current[coder]!]! <= from) current[coder] = -1;
      if (next[coder]! < begins[coder]!.length && begins[coder]![next[coder]!]! <= from) current[coder] = next[coder]!++;
      const v = current[coder]! >= 0 ? values[coder]![current[coder]!]! : 0;
      value[coder] = v;
      if (counts[v] === 0) present[distinct++] = v;
      counts[v]!++;
      if (v !== 0) valuedCoders++;
    }
    // This stretch's coincidences: every ordered pair of coders, by their values.
    const scale = length / (m - 1);
    for (let a = 0; a < distinct; a++) {
      const v = present[a]!;
      for (let b = 0; b < distinct; b++) {
        const w = present[b]!;
        l[v * V + w]! += scale * counts[v]! * (counts[w]! - (v === w ? 1 : 0));
      }
    }
    for (let a = 0; a < distinct; a++) counts[present[a]!] = 0;
    if (valuedCoders > 1) for (let coder = 0; coder < m; coder++) if (value[coder] !== 0) valued[coder]![current[coder]!]! += scale * (valuedCoders - 1);
  }

  // Expected coincidences of uα: w_s = l² for units, l for gaps.
  const total = m * L;
  const within = new Float64Array(V);
  let unitLength = 0;
  for (const list of grouped) {
    for (const unit of list) {
      const length = unit.end - unit.begin;
      within[index.get(unit.category)!]! += length * length;
      unitLength += length;
    }
  }
  within[0] = total - unitLength;
  const rows = new Float64Array(V);
  for (let v = 0; v < V; v++) for (let w = 0; w < V; w++) rows[v]! += l[v * V + w]!;
  const withinAll = within.reduce((sum, x) => sum + x, 0);
  const D = total * total - withinAll;
  let observedAgree = 0;
  let expectedAgree = 0;
  for (let v = 0; v < V; v++) {
    observedAgree += l[v * V + v]!;
    expectedAgree += (total * (rows[v]! * rows[v]! - within[v]!)) / D;
  }
  const uAlpha =
    unitLength === 0 ? undefinedBecause('no coder marked any unit, so there is nothing to agree or disagree on')
    : D <= 0 || total - expectedAgree <= 1e-12 * total ? undefinedBecause('the expected disagreement is 0 (every coder covers the whole continuum with units of one category), so uα is 0/0')
    : defined(1 - (total - observedAgree) / (total - expectedAgree));

  // cuα: the valued part of the matrix.
  let cuTotal = 0;
  let cuAgree = 0;
  const cuRows = new Float64Array(V);
  for (let v = 1; v < V; v++) {
    for (let w = 1; w < V; w++) cuRows[v]! += l[v * V + w]!;
    cuTotal += cuRows[v]!;
    cuAgree += l[v * V + v]!;
  }
  const cuWithin = new Float64Array(V);
  grouped.forEach((list, coder) => list.forEach((unit, u) => (cuWithin[index.get(unit.category)!]! += valued[coder]![u]! ** 2)));
  const cuWithinAll = cuWithin.reduce((sum, x) => sum + x, 0);
  let cuExpectedAgree = 0;
  for (let v = 1; v < V; v++) cuExpectedAgree += (cuTotal * (cuRows[v]! * cuRows[v]! - cuWithin[v]!)) / (cuTotal * cuTotal - cuWithinAll);
  const cuAlpha =
    cuTotal <= 0 ? undefinedBecause("no two coders' units intersect, so no coded text can be compared on its categories")
    : cuTotal - cuExpectedAgree <= 1e-12 * cuTotal ? undefinedBecause('every intersecting unit has one and the same category, so there is nothing to disagree on and cuα is 0/0')
    : defined(1 - (cuTotal - cuAgree) / (cuTotal - cuExpectedAgree));
  return { uAlpha, cuAlpha };
}
