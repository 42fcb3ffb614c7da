/**
 * Segment-level agreement in the manner of MAXQDA's "segment agreement": two coders' segments of
 * one code in one document match when they overlap by at least a chosen share.
 *
 * - Overlap share: |A ∩ B| / |A ∪ B| (the overlap relative to the stretch both segments cover
 *   together), MAXQDA's "percentage of overlap" as we read its manual; 'longer' measures
 *   |A ∩ B| / max(|A|, |B|) instead. For one segment inside the other both give the same.
 * - Matching is one to one: candidate pairs at or above the threshold are taken greedily, largest
 *   share first (ties: earlier segments first), so a long segment cannot absorb two short ones.
 *   With a threshold above 0.5 a segment has at most one candidate unless a coder's own segments
 *   of the code overlap, so the greedy choice only matters below that.
 * - The table per code: matched pairs, segments only the first coder has (no match), segments
 *   only the second has. Percent agreement = matched / (matched + only first + only second).
 *   No cell counts "neither coded": there are no such segments, which is why Cohen's kappa has
 *   no chance term here.
 * - MAXQDA's kappa (after Brennan & Prediger 1981): κ = (P_o − 1/q) / (1 − 1/q) over the whole
 *   table, P_o the percent agreement of all codes together and q the number of codes in the
 *   table. Its caveats: 1/q assumes every segment could equally have taken any of q mutually
 *   exclusive codes, which overlapping codes in qualitative work are not; adding codes that were
 *   hardly used lowers 1/q and so raises κ; and with one code it is undefined.
 */
import { defined, undefinedBecause, type Statistic } from './statistic.js';

export interface SegmentLike {
  start: number;
  end: number;
}

export type OverlapMeasure = 'union' | 'longer';

export function overlapShare(a: SegmentLike, b: SegmentLike, measure: OverlapMeasure = 'union'): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  const base = measure === 'union' ? Math.max(a.end, b.end) - Math.min(a.start, b.start) : Math.max(a.end - a.start, b.end - b.start);
  return overlap / base;
}

export interface SegmentMatch {
  /** Pairs of indices into the two lists, with their overlap share. */
  matched: { first: number; second: number; share: number }[];
  /** Indices of segments without a match. */
  onlyFirst: number[];
  onlySecond: number[];
}

/** A share within this of the threshold meets it: 0.8 of 5 characters is 4, not 3.9999999. */
const EPSILON = 1e-9;

export function matchSegments(first: readonly SegmentLike[], second: readonly SegmentLike[], threshold: number, measure: OverlapMeasure = 'union'): SegmentMatch {
  if (!(threshold > 0 && threshold <= 1)) throw new Error(`the overlap threshold must be more than 0 and at most 1, not ${threshold}`);
  if (first.length === 0 || second.length === 0) return { matched: [], onlyFirst: first.map((_, i) => i), onlySecond: second.map((_, j) => j) };
  const candidates: { first: number; second: number; share: number }[] = [];
  // A sweep by start: each segment of the first list meets only the second list's segments that
  // begin before it ends and end after it begins.
  const order = (list: readonly SegmentLike[]): number[] => list.map((_, i) => i).sort((x, y) => list[x]!.start - list[y]!.start || list[x]!.end - list[y]!.end);
  const firstOrder = order(first);
  const secondOrder = order(second);
  let active: number[] = [];
  let next = 0;
  for (const i of firstOrder) {
    const a = first[i]!;
    while (next < secondOrder.length && second[secondOrder[next]!]!.start < a.end) active.push(secondOrder[next++]!);
    active = active.filter((j) => second[j]!.end > a.start);
    for (const j of active) {
      const share = overlapShare(a, second[j]!, measure);
      if (share + EPSILON >= threshold) candidates.push({ first: i, second: j, share });
    }
  }
  candidates.sort((x, y) => y.share - x.share || x.first - y.first || x.second - y.second);
  const usedFirst = new Set<number>();
  const usedSecond = new Set<number>();
  const matched: SegmentMatch['matched'] = [];
  for (const candidate of candidates) {
    if (usedFirst.has(candidate.first) || usedSecond.has(candidate.second)) continue;
    usedFirst.add(candidate.first);
    usedSecond.add(candidate.second);
    matched.push(candidate);
  }
  matched.sort((x, y) => first[x.first]!.start - first[y.first]!.start || x.first - y.first);
  return {
    matched,
    onlyFirst: firstOrder.filter((i) => !usedFirst.has(i)),
    onlySecond: secondOrder.filter((j) => !usedSecond.has(j)),
  };
}

export interface SegmentTable {
  matched: number;
  onlyFirst: number;
  onlySecond: number;
}

export function segmentPercentAgreement(table: SegmentTable): Statistic {
  const total = table.matched + table.onlyFirst + table.onlySecond;
  return total === 0 ? undefinedBecause('neither coder has a segment of this code') : defined(table.matched / total);
}

/** MAXQDA's segment-level kappa over a whole table of `codes` codes (see the file's comment). */
export function maxqdaKappa(table: SegmentTable, codes: number): Statistic {
  const observed = segmentPercentAgreement(table);
  if (observed.value === null) return undefinedBecause('no coder has a segment of any code in the table');
  if (codes < 2) return undefinedBecause("with one code MAXQDA's chance term 1/q is 1, so its kappa is 0/0");
  return defined((observed.value - 1 / codes) / (1 - 1 / codes));
}
