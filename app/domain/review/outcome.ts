/**
 * What the consensus holds in a place after a decision, worked out from the compared coders'
 * segments there. Offsets are code points, half-open [start, end).
 *
 * - agree: the coverage every coder shares (the place is an agreement: all coverages are equal);
 * - accept: the accepted coder's segments as they are (none, if that coder did not code here);
 * - merge: per code, the union of every coder's segments (overlapping or touching ones joined);
 * - reject: nothing.
 * ('adjust' takes the reviewer's own segments and 'discuss' changes nothing: no work here.)
 */
import { coverageRanges, type CodedSpan } from '../agreement/disagreements.js';

export interface OutcomeSegment<Code> {
  code: Code;
  start: number;
  end: number;
}

function byPosition<Code>(a: OutcomeSegment<Code>, b: OutcomeSegment<Code>): number {
  return a.start - b.start || a.end - b.end;
}

/** Per code, the union of the given spans (whoever coded them). */
export function mergedByCode<Ref>(spans: readonly CodedSpan<Ref>[]): OutcomeSegment<number>[] {
  const codes = [...new Set(spans.map((span) => span.code))].sort((a, b) => a - b);
  return codes
    .flatMap((code) =>
      coverageRanges(
        spans.filter((span) => span.code === code).map((span) => ({ ...span, coder: 0 })),
        0,
      ).map(([start, end]) => ({ code, start, end })),
    )
    .sort((a, b) => byPosition(a, b) || a.code - b.code);
}

/** The shared coverage of an agreement place: any coder's union (they are all the same). */
export function agreedOutcome<Ref>(spans: readonly CodedSpan<Ref>[]): OutcomeSegment<number>[] {
  const first = spans[0];
  if (!first) return [];
  return mergedByCode(spans.filter((span) => span.coder === first.coder));
}

/** One coder's segments in the place, duplicates dropped. */
export function acceptedOutcome<Ref>(spans: readonly CodedSpan<Ref>[], coder: number): OutcomeSegment<number>[] {
  const seen = new Set<string>();
  const result: OutcomeSegment<number>[] = [];
  for (const span of spans) {
    if (span.coder !== coder) continue;
    const key = `${span.code}:${span.start}-${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ code: span.code, start: span.start, end: span.end });
  }
  return result.sort((a, b) => byPosition(a, b) || a.code - b.code);
}
