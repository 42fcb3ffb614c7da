/**
 * Every place in one document where coders differ, for a review queue. Per code, the coders'
 * segments that overlap (directly or through a chain of overlaps) form a cluster:
 *
 * - every coder has a segment in it and each coder's coverage (the union of their segments in
 *   it) is the same: agreement, not listed by `findDisagreements` (`findPlaces` lists it, as an
 *   'agreement' place, for the review queue);
 * - every coder has a segment in it but the coverages differ: 'different-boundaries';
 * - some coder has none: the cluster is partial. Partial clusters of different codes that
 *   overlap, where each has a coder the other lacks (A coded the passage X, B coded it Y), join
 *   into one 'different-codes' place; a partial cluster that joins none is 'one-coded' (some
 *   coders coded it with the code, the others did not code it with that code).
 *
 * Segments that only touch ([0, 5) and [5, 9)) do not overlap.
 */

export interface CodedSpan<Ref> {
  ref: Ref;
  coder: number;
  code: number;
  start: number;
  end: number;
}

export type DisagreementKind = 'one-coded' | 'different-codes' | 'different-boundaries';
/** Where the coders' codings meet: a disagreement, or a cluster where every coder coded alike. */
export type PlaceKind = DisagreementKind | 'agreement';

export interface Place<Ref, Kind extends PlaceKind = PlaceKind> {
  kind: Kind;
  /** The stretch of text the place covers: from its first segment's start to its last end. */
  start: number;
  end: number;
  /** The codes involved, ascending. */
  codes: number[];
  /** The segments involved, by start. */
  spans: CodedSpan<Ref>[];
}

export type Disagreement<Ref> = Place<Ref, DisagreementKind>;

interface Cluster<Ref> {
  code: number;
  start: number;
  end: number;
  spans: CodedSpan<Ref>[];
  coders: Set<number>;
}

function byStart<T extends { start: number; end: number }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end;
}

/** Overlapping segments of one code, chained. */
function clusters<Ref>(spans: readonly CodedSpan<Ref>[]): Cluster<Ref>[] {
  const result: Cluster<Ref>[] = [];
  let current: Cluster<Ref> | undefined;
  for (const span of [...spans].sort(byStart)) {
    if (current && span.start < current.end) {
      current.spans.push(span);
      current.coders.add(span.coder);
      current.end = Math.max(current.end, span.end);
    } else {
      current = { code: span.code, start: span.start, end: span.end, spans: [span], coders: new Set([span.coder]) };
      result.push(current);
    }
  }
  return result;
}

/** One coder's coverage of a set of spans: their union as ranges, touching ranges joined. */
export function coverageRanges<Ref>(spans: readonly CodedSpan<Ref>[], coder: number): [start: number, end: number][] {
  const ranges: [number, number][] = [];
  for (const span of spans.filter((s) => s.coder === coder).sort(byStart)) {
    const last = ranges[ranges.length - 1];
    if (last && span.start <= last[1]) last[1] = Math.max(last[1], span.end);
    else ranges.push([span.start, span.end]);
  }
  return ranges;
}

/** A coder's coverage in a cluster as "start-end,start-end". */
function coverage<Ref>(spans: readonly CodedSpan<Ref>[], coder: number): string {
  return coverageRanges(spans, coder)
    .map(([start, end]) => `${start}-${end}`)
    .join(',');
}

export function findDisagreements<Ref>(spans: readonly CodedSpan<Ref>[], coders: number): Disagreement<Ref>[] {
  return findPlaces(spans, coders).filter((place): place is Disagreement<Ref> => place.kind !== 'agreement');
}

/**
 * Every place in one document where the coders' codings meet: the disagreements, and the
 * clusters where every coder has the same coverage ('agreement'). Each span is in exactly one
 * place.
 */
export function findPlaces<Ref>(spans: readonly CodedSpan<Ref>[], coders: number): Place<Ref>[] {
  const byCode = new Map<number, CodedSpan<Ref>[]>();
  for (const span of spans) {
    if (span.end <= span.start) continue;
    const list = byCode.get(span.code);
    if (list) list.push(span);
    else byCode.set(span.code, [span]);
  }
  const places: Place<Ref>[] = [];
  const partial: Cluster<Ref>[] = [];
  for (const list of byCode.values()) {
    for (const cluster of clusters(list)) {
      if (cluster.coders.size < coders) {
        partial.push(cluster);
        continue;
      }
      const first = coverage(cluster.spans, 0);
      let same = true;
      for (let coder = 1; coder < coders && same; coder++) same = coverage(cluster.spans, coder) === first;
      places.push({ kind: same ? 'agreement' : 'different-boundaries', start: cluster.start, end: cluster.end, codes: [cluster.code], spans: [...cluster.spans].sort(byStart) });
    }
  }

  // Partial clusters of different codes on the same text, each with a coder the other lacks.
  partial.sort(byStart);
  const parent = partial.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const lacks = (a: Cluster<Ref>, b: Cluster<Ref>): boolean => [...a.coders].some((coder) => !b.coders.has(coder));
  let active: number[] = [];
  partial.forEach((cluster, i) => {
    active = active.filter((j) => partial[j]!.end > cluster.start);
    for (const j of active) {
      const other = partial[j]!;
      if (other.code !== cluster.code && lacks(cluster, other) && lacks(other, cluster)) parent[find(i)] = find(j);
    }
    active.push(i);
  });
  const groups = new Map<number, Cluster<Ref>[]>();
  partial.forEach((cluster, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(cluster);
    else groups.set(root, [cluster]);
  });
  for (const group of groups.values()) {
    places.push({
      kind: group.length > 1 ? 'different-codes' : 'one-coded',
      start: Math.min(...group.map((cluster) => cluster.start)),
      end: Math.max(...group.map((cluster) => cluster.end)),
      codes: [...new Set(group.map((cluster) => cluster.code))].sort((a, b) => a - b),
      spans: group.flatMap((cluster) => cluster.spans).sort(byStart),
    });
  }
  return places.sort((a, b) => byStart(a, b) || a.codes[0]! - b.codes[0]!);
}
