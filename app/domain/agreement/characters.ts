/**
 * Character-level agreement: every character (code point) of a document is a unit, and for one
 * code each coder's value there is 1 if any of that coder's segments of the code covers it, else
 * 0 (so a coder's overlapping segments count once). Characters that no coder coded with the code
 * are units only when `includeUncoded` is on; otherwise a character counts if at least one coder
 * coded it with the code (per code).
 *
 * A book is a million characters and a project 200,000 codings, so nothing here holds an array
 * per character: a sweep over the segments' boundaries adds each stretch of text to a histogram
 * keyed by the set of coders covering it (a bitmask). The coefficients are then computed from at
 * most 2^m weighted value patterns.
 */
import type { WeightedUnit } from './nominal.js';

export interface Span {
  start: number;
  end: number;
}

/** The most coders a coverage mask holds (bits of a 32-bit integer, sign bit unused). */
export const MAX_CODERS = 30;

/**
 * Spans sorted, with overlapping ones merged into one; spans that only touch ([0, 5) and [5, 9))
 * stay apart: to the unitizing alphas they are two units, and to coverage it makes no difference.
 * Empty spans are dropped.
 */
export function mergeOverlapping(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** Characters by the coders covering them: mask (bit i = coder i) → number of characters. */
export type CoverageHistogram = Map<number, number>;

/**
 * Add one document of `length` characters to `histogram`; `spansByCoder[i]` are coder i's spans
 * of the code in it (any order, overlaps allowed; clipped to the document). The characters no
 * coder covers go to mask 0.
 */
export function addCoverage(histogram: CoverageHistogram, length: number, spansByCoder: readonly (readonly Span[])[]): void {
  if (spansByCoder.length > MAX_CODERS) throw new Error(`character-level agreement handles at most ${MAX_CODERS} coders`);
  // One event per boundary, encoded as position * 32 + coder so that a typed-array sort orders them.
  const events: number[] = [];
  spansByCoder.forEach((spans, coder) => {
    for (const span of mergeOverlapping(spans)) {
      const start = Math.max(0, span.start);
      const end = Math.min(length, span.end);
      if (end <= start) continue;
      events.push(start * 32 + coder, end * 32 + coder);
    }
  });
  const sorted = Float64Array.from(events).sort();
  let mask = 0;
  let at = 0;
  for (let i = 0; i < sorted.length; i++) {
    const event = sorted[i]!;
    const position = Math.floor(event / 32);
    if (position > at) {
      histogram.set(mask, (histogram.get(mask) ?? 0) + position - at);
      at = position;
    }
    // A coder's merged spans never overlap, so each boundary toggles that coder's bit; where one
    // span ends and the next begins the two toggles cancel out before the next stretch is counted.
    mask ^= 1 << (event - position * 32);
  }
  if (length > at) histogram.set(mask, (histogram.get(mask) ?? 0) + length - at);
}

/**
 * The histogram as reliability data: one weighted unit per mask, each coder's value 1 or 0.
 * Without `includeUncoded`, the characters no coder coded (mask 0) are left out.
 */
export function coverageUnits(histogram: CoverageHistogram, coders: number, includeUncoded: boolean): WeightedUnit[] {
  const units: WeightedUnit[] = [];
  for (const [mask, weight] of [...histogram].sort((a, b) => a[0] - b[0])) {
    if (weight === 0 || (mask === 0 && !includeUncoded)) continue;
    const values = Array.from({ length: coders }, (_, coder) => (mask >> coder) & 1);
    units.push({ values, weight });
  }
  return units;
}

/** Characters each coder covered, from a histogram. */
export function coveredByCoder(histogram: CoverageHistogram, coders: number): number[] {
  const covered = new Array<number>(coders).fill(0);
  for (const [mask, weight] of histogram) for (let coder = 0; coder < coders; coder++) if ((mask >> coder) & 1) covered[coder]! += weight;
  return covered;
}
