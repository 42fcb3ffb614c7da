import { describe, expect, it } from 'vitest';
import { planDocumentAutocode } from '../../app/domain/autocode.js';

describe('planDocumentAutocode', () => {
  it('codes a hit that touches nothing as a new coding, and merges hits that share a code point', () => {
    const plan = planDocumentAutocode([{ start: 0, end: 5 }, { start: 4, end: 9 }, { start: 9, end: 12 }], []);
    expect(plan.outcomes).toEqual(['new', 'new', 'new']);
    // [9, 12) only touches [4, 9): two passages.
    expect(plan.passages).toEqual([
      { start: 0, end: 9, hits: [0, 1], existing: [] },
      { start: 9, end: 12, hits: [2], existing: [] },
    ]);
  });

  it('skips a hit inside an existing coding, or inside codings that meet', () => {
    const plan = planDocumentAutocode([{ start: 12, end: 15 }, { start: 18, end: 22 }], [{ id: 1, start: 10, end: 20 }, { id: 2, start: 20, end: 30 }]);
    expect(plan.outcomes).toEqual(['already-coded', 'already-coded']);
    expect(plan.passages).toEqual([]);
  });

  it('extends an overlapping coding to the union instead of stacking a second one', () => {
    const plan = planDocumentAutocode([{ start: 5, end: 12 }, { start: 40, end: 45 }], [{ id: 7, start: 10, end: 20 }, { id: 8, start: 45, end: 50 }]);
    expect(plan.outcomes).toEqual(['extends', 'new']);
    expect(plan.passages).toEqual([
      { start: 5, end: 20, hits: [0], existing: [{ id: 7, start: 10, end: 20 }] },
      { start: 40, end: 45, hits: [1], existing: [] },
    ]);
  });

  it('joins every coding a passage reaches, transitively, into the first', () => {
    // The hit spans codings 3 and 4; coding 4 reaches into coding 5, which the hit does not touch.
    const plan = planDocumentAutocode([{ start: 8, end: 22 }], [{ id: 4, start: 20, end: 30 }, { id: 3, start: 5, end: 10 }, { id: 5, start: 28, end: 35 }, { id: 6, start: 35, end: 40 }]);
    expect(plan.outcomes).toEqual(['extends']);
    expect(plan.passages).toEqual([
      { start: 5, end: 35, hits: [0], existing: [{ id: 3, start: 5, end: 10 }, { id: 4, start: 20, end: 30 }, { id: 5, start: 28, end: 35 }] },
    ]);
  });
});
