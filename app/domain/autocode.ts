/**
 * What auto-coding does with one document's hits, given the codings this code already has there
 * by this coder: pure, no I/O (app/service/search.ts reads and writes).
 *
 * - A hit whose widened range the existing codings already cover is skipped ("already coded").
 * - The other hits, and every existing coding they overlap (share a code point with), form
 *   groups: overlapping ranges, transitively. A group without an existing coding becomes one new
 *   coding; a group with existing codings extends the first of them to the whole group (the union
 *   of the ranges) and the others are joined into it, so that a passage is never coded twice
 *   with one code by one coder.
 */
import { mergeRanges, type Range } from './matrix.js';

export interface ExistingCoding extends Range {
  id: number;
}

export type HitOutcome = 'new' | 'extends' | 'already-coded';

export interface PlannedPassage extends Range {
  /** Indexes (into the hits given) of the hits this passage codes. */
  hits: number[];
  /** Existing codings in the group, in text order: the first is kept and extended, the rest are joined into it. Empty for a new coding. */
  existing: ExistingCoding[];
}

export interface DocumentAutocodePlan {
  /** One per hit given, in the same order. */
  outcomes: HitOutcome[];
  /** In text order; only groups with a hit (existing codings alone are left as they are). */
  passages: PlannedPassage[];
}

/** Whether one range of a union (disjoint, ascending) contains all of `range`. */
function isCovered(union: readonly Range[], range: Range): boolean {
  let lo = 0;
  let hi = union.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (union[mid]!.end < range.end) lo = mid + 1;
    else hi = mid;
  }
  return lo < union.length && union[lo]!.start <= range.start;
}

type Item = Range & ({ kind: 'hit'; index: number } | { kind: 'coding'; coding: ExistingCoding });

export function planDocumentAutocode(widenedHits: readonly Range[], existing: readonly ExistingCoding[]): DocumentAutocodePlan {
  const covered = mergeRanges(existing);
  const outcomes: HitOutcome[] = widenedHits.map((hit) => (isCovered(covered, hit) ? 'already-coded' : 'new'));
  const items: Item[] = [
    ...widenedHits.flatMap((hit, index): Item[] => (outcomes[index] === 'new' ? [{ start: hit.start, end: hit.end, kind: 'hit', index }] : [])),
    ...existing.map((coding): Item => ({ start: coding.start, end: coding.end, kind: 'coding', coding })),
  ];
  // Ascending start; at one start, codings first, then the lower id, so the kept coding is stable.
  items.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'coding' ? -1 : 1) || (a.kind === 'coding' && b.kind === 'coding' ? a.coding.id - b.coding.id : 0) || a.end - b.end);

  const passages: PlannedPassage[] = [];
  let group: PlannedPassage | null = null;
  const close = (): void => {
    if (group === null || group.hits.length === 0) return;
    // (A group's hits are not covered, so a group with a coding always reaches past it.)
    if (group.existing.length > 0) for (const index of group.hits) outcomes[index] = 'extends';
    passages.push(group);
  };
  for (const item of items) {
    // Sharing a code point joins a group; ranges that only touch stay apart.
    if (group !== null && item.start < group.end) {
      group.end = Math.max(group.end, item.end);
    } else {
      close();
      group = { start: item.start, end: item.end, hits: [], existing: [] };
    }
    if (item.kind === 'hit') group.hits.push(item.index);
    else group.existing.push(item.coding);
  }
  close();
  return { outcomes, passages };
}
