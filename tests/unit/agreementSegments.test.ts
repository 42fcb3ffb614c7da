/**
 * Segment-level matching (MAXQDA-style), MAXQDA's kappa, and the list of places where coders
 * differ, on hand-made segment sets.
 */
import { describe, expect, it } from 'vitest';
import { findDisagreements, type CodedSpan } from '../../app/domain/agreement/disagreements.js';
import { matchSegments, maxqdaKappa, overlapShare, segmentPercentAgreement } from '../../app/domain/agreement/segments.js';

const s = (start: number, end: number) => ({ start, end });

describe('segment matching by overlap', () => {
  it('overlap share: intersection over union, or over the longer segment', () => {
    expect(overlapShare(s(0, 10), s(2, 10))).toBeCloseTo(0.8, 12);
    expect(overlapShare(s(0, 10), s(5, 15))).toBeCloseTo(5 / 15, 12);
    expect(overlapShare(s(0, 10), s(5, 15), 'longer')).toBeCloseTo(0.5, 12);
    expect(overlapShare(s(0, 5), s(5, 9))).toBe(0);
  });

  it('pairs at or above the threshold match; the rest are one coder\'s only', () => {
    // [20,30) against [22,30): 8/10 = .8 exactly, which meets 0.8.
    const result = matchSegments([s(0, 10), s(20, 30), s(40, 42)], [s(1, 10), s(22, 30), s(50, 60)], 0.8);
    expect(result.matched.map((m) => [m.first, m.second])).toEqual([[0, 0], [1, 1]]);
    expect(result.onlyFirst).toEqual([2]);
    expect(result.onlySecond).toEqual([2]);
    expect(matchSegments([s(20, 30)], [s(23, 30)], 0.8).matched).toHaveLength(0);
  });

  it('one to one: a duplicate segment stays unmatched; the larger share wins', () => {
    const duplicate = matchSegments([s(0, 10)], [s(0, 10), s(0, 10)], 0.8);
    expect(duplicate.matched).toHaveLength(1);
    expect(duplicate.onlySecond).toHaveLength(1);
    const greedy = matchSegments([s(0, 10)], [s(0, 5), s(0, 9)], 0.3);
    expect(greedy.matched).toEqual([{ first: 0, second: 1, share: 0.9 }]);
    expect(() => matchSegments([], [], 0)).toThrow(/more than 0/);
  });

  it("percent agreement = matched / (matched + only first + only second); MAXQDA's kappa = (P_o − 1/q) / (1 − 1/q)", () => {
    const table = { matched: 8, onlyFirst: 1, onlySecond: 1 };
    expect(segmentPercentAgreement(table).value).toBeCloseTo(0.8, 12);
    expect(maxqdaKappa(table, 4).value).toBeCloseTo((0.8 - 0.25) / 0.75, 12);
    expect(maxqdaKappa(table, 1).reason).toMatch(/with one code MAXQDA's chance term 1\/q is 1/);
    expect(maxqdaKappa({ matched: 0, onlyFirst: 0, onlySecond: 0 }, 3).value).toBeNull();
    expect(segmentPercentAgreement({ matched: 0, onlyFirst: 0, onlySecond: 0 }).reason).toMatch(/neither coder/);
  });
});

describe('places where coders differ', () => {
  let id = 0;
  const span = (coder: number, code: number, start: number, end: number): CodedSpan<string> => ({ ref: `k${id++}`, coder, code, start, end });
  const kinds = (spans: CodedSpan<string>[], coders = 2) => findDisagreements(spans, coders).map((d) => [d.kind, d.start, d.end, d.codes]);

  it('identical codings are no disagreement', () => {
    expect(kinds([span(0, 1, 0, 10), span(1, 1, 0, 10), span(0, 2, 20, 30), span(1, 2, 20, 25), span(1, 2, 25, 30)])).toEqual([]);
  });

  it('the same code with different ranges: different-boundaries', () => {
    expect(kinds([span(0, 1, 0, 10), span(1, 1, 2, 12)])).toEqual([['different-boundaries', 0, 12, [1]]]);
  });

  it('the same passage with different codes: one different-codes place naming both', () => {
    const places = findDisagreements([span(0, 1, 0, 10), span(1, 2, 0, 10)], 2);
    expect(places.map((d) => [d.kind, d.codes])).toEqual([['different-codes', [1, 2]]]);
    expect(places[0]!.spans.map((x) => [x.coder, x.code])).toEqual([[0, 1], [1, 2]]);
  });

  it('one coded, the other did not: one-coded; an extra code beside an agreed one is one-coded too', () => {
    expect(kinds([span(0, 1, 5, 9)])).toEqual([['one-coded', 5, 9, [1]]]);
    expect(kinds([span(0, 1, 0, 10), span(0, 2, 0, 10), span(1, 2, 0, 10)])).toEqual([['one-coded', 0, 10, [1]]]);
  });

  it('segments that only touch do not overlap', () => {
    expect(kinds([span(0, 1, 0, 5), span(1, 1, 5, 9)])).toEqual([['one-coded', 0, 5, [1]], ['one-coded', 5, 9, [1]]]);
  });

  it('three coders: two agree and one did not code; all three code with one off by a character', () => {
    expect(kinds([span(0, 1, 0, 10), span(1, 1, 0, 10)], 3)).toEqual([['one-coded', 0, 10, [1]]]);
    expect(kinds([span(0, 1, 0, 10), span(1, 1, 0, 10), span(2, 1, 0, 11)], 3)).toEqual([['different-boundaries', 0, 11, [1]]]);
  });
});
