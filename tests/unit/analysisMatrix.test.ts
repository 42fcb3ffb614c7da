import { describe, expect, it } from 'vitest';
import {
  checkAttributeValue,
  compareAttributeValues,
  inferAttributeType,
  meetsCondition,
} from '../../app/domain/attributeValues.js';
import type { Block } from '../../app/domain/blocks.js';
import { computeCooccurrence, sharedStretches } from '../../app/domain/cooccurrence.js';
import { computeMatrix, groupSegments, mergeRanges, unionLength, type SegmentInput } from '../../app/domain/matrix.js';

type Seg = SegmentInput<string>;

const seg = (ref: string, document: number, code: number, start: number, end: number): Seg => ({ ref, document, code, start, end });

/** Code points covered by any of `ranges`, counted one by one: the test's own union. */
function coveredPoints(ranges: readonly { start: number; end: number }[]): number {
  const points = new Set<number>();
  for (const range of ranges) for (let p = range.start; p < range.end; p++) points.add(p);
  return points.size;
}

describe('ranges', () => {
  it('merge overlapping and touching ranges; the union counts each code point once', () => {
    const ranges = [{ start: 10, end: 20 }, { start: 0, end: 5 }, { start: 5, end: 9 }, { start: 12, end: 15 }, { start: 18, end: 25 }];
    expect(mergeRanges(ranges)).toEqual([{ start: 0, end: 9 }, { start: 10, end: 25 }]);
    expect(unionLength(ranges)).toBe(coveredPoints(ranges));
    expect(unionLength([])).toBe(0);
  });

  it('shared stretches of two unions', () => {
    // A = [0,10) [20,30), B = [5,25): shared [5,10) and [20,25).
    expect(sharedStretches([0, 10, 20, 30], [5, 25])).toEqual([2, 10]);
    // Adjacent but not overlapping shares nothing.
    expect(sharedStretches([0, 5], [5, 9])).toEqual([0, 0]);
    expect(sharedStretches([0, 5], [])).toEqual([0, 0]);
  });
});

describe('code × document matrix', () => {
  // Document 1: 100 code points, 20 words; document 2: 50 code points, 10 words; document 3: 10, 0 words.
  const documents = [
    { id: 1, characters: 100, words: 20 },
    { id: 2, characters: 50, words: 10 },
    { id: 3, characters: 10, words: 0 },
  ];
  // Code 10 (parent) with child 11; code 12 unrelated.
  const segments: Seg[] = [
    seg('a', 1, 10, 0, 5),
    seg('b', 1, 10, 5, 9), // adjacent to a: 9 code points covered, no overlap
    seg('c', 1, 10, 3, 7), // inside a ∪ b: adds nothing to coverage
    seg('d', 1, 11, 50, 60),
    seg('e', 1, 11, 55, 70),
    seg('f', 2, 10, 0, 50),
    seg('g', 2, 12, 10, 20),
    seg('h', 3, 12, 0, 10),
    seg('i', 4, 12, 0, 1), // document 4 is in no row: ignored
  ];
  const byDocument = groupSegments(segments);

  it('counts segments, covers the union of ranges (overlaps once) and gives segments per 1,000 words', () => {
    const result = computeMatrix(documents, documents.map((d) => ({ documents: [d.id] })), [{ codes: [10] }, { codes: [11] }, { codes: [12] }], byDocument);
    const cell = (row: number, column: number) => result.cells.find((c) => c.row === row && c.column === column);
    expect(cell(0, 0)).toMatchObject({ count: 3, covered: 9, coverage: 9 / 100, per1000Words: 3000 / 20, segmentIds: ['a', 'c', 'b'] });
    expect(cell(0, 1)).toMatchObject({ count: 2, covered: coveredPoints([{ start: 50, end: 60 }, { start: 55, end: 70 }]), coverage: 0.2 });
    expect(cell(0, 2)).toBeUndefined();
    expect(cell(1, 0)).toMatchObject({ count: 1, covered: 50, coverage: 1, per1000Words: 100 });
    expect(cell(2, 2)).toMatchObject({ count: 1, covered: 10, coverage: 1, per1000Words: null });
    expect(result.rows).toEqual([{ characters: 100, words: 20 }, { characters: 50, words: 10 }, { characters: 10, words: 0 }]);
    expect(result.cells.map((c) => [c.row, c.column])).toEqual([[0, 0], [0, 1], [1, 0], [1, 2], [2, 2]]);
  });

  it("with sub-codes, a parent's column takes the union of its own and its children's segments", () => {
    const result = computeMatrix(documents, [{ documents: [1] }], [{ codes: [10, 11] }, { codes: [11] }], byDocument);
    const parent = result.cells.find((c) => c.column === 0)!;
    expect(parent.count).toBe(5);
    expect(parent.covered).toBe(coveredPoints(segments.filter((s) => s.document === 1 && (s.code === 10 || s.code === 11))));
    expect(parent.segmentIds).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('groups of documents sum counts, and cover the union per document over the group\'s characters', () => {
    const result = computeMatrix(documents, [{ documents: [2, 1] }, { documents: [3] }], [{ codes: [10] }, { codes: [12] }], byDocument);
    expect(result.rows[0]).toEqual({ characters: 150, words: 30 });
    const code10 = result.cells.find((c) => c.row === 0 && c.column === 0)!;
    expect(code10).toMatchObject({ count: 4, covered: 9 + 50, coverage: 59 / 150, per1000Words: 4000 / 30 });
    // Listed in the row's document order (2 before 1), then by start.
    expect(code10.segmentIds).toEqual(['f', 'a', 'c', 'b']);
  });

  it('lists no segments when asked not to', () => {
    const result = computeMatrix(documents, [{ documents: [1] }], [{ codes: [10] }], byDocument, { listSegments: false });
    expect(result.cells[0]).toMatchObject({ count: 3, covered: 9, segmentIds: [] });
  });
});

describe('co-occurrence', () => {
  /** Brute force: every pair of segments of two different codes in one document that share a code point. */
  function overlappingPairs(segments: readonly Seg[], x: number, y: number): [string, string][] {
    const pairs: [string, string][] = [];
    for (const a of segments) {
      for (const b of segments) {
        if (a.code === x && b.code === y && a.document === b.document && Math.max(a.start, b.start) < Math.min(a.end, b.end)) pairs.push([a.ref, b.ref]);
      }
    }
    return pairs;
  }

  const segments: Seg[] = [
    seg('a1', 1, 1, 0, 5),
    seg('b1', 1, 2, 5, 9), // adjacent to a1: not an overlap
    seg('a2', 1, 1, 10, 30),
    seg('b2', 1, 2, 12, 15), // nested in a2
    seg('b3', 1, 2, 14, 40), // overlaps a2 and b2 (same code: not a pair)
    seg('c1', 1, 3, 0, 100), // covers everything
    seg('a3', 2, 1, 0, 10),
    seg('b4', 3, 2, 0, 10), // another document: never pairs with a3
  ];
  const codes = [1, 2, 3];

  it('counts overlapping pairs (sharing at least one code point), never adjacent ones, and the shared passages', () => {
    const cells = computeCooccurrence(codes, groupSegments(segments).values(), 'overlap');
    const cell = (a: number, b: number) => cells.find((c) => c.a === a && c.b === b);
    const ab = overlappingPairs(segments, 1, 2);
    expect(ab).toEqual([['a2', 'b2'], ['a2', 'b3']]);
    expect(cell(0, 1)!.count).toBe(ab.length);
    expect(new Set(cell(0, 1)!.pairs.map((p) => p.join()))).toEqual(new Set(ab.map((p) => p.join())));
    // a2 ∪ = [10,30), b ∪ = [5,9) [12,40): shared [12,30), one passage of 18 code points.
    expect(cell(0, 1)).toMatchObject({ passages: 1, characters: 18 });
    expect(cell(0, 2)).toMatchObject({ count: overlappingPairs(segments, 1, 3).length, passages: 2, characters: 5 + 20 });
    expect(cell(1, 2)).toMatchObject({ count: overlappingPairs(segments, 2, 3).length, passages: 2, characters: 4 + 28 });
    // The diagonal is each code's segment count.
    expect([cell(0, 0)!.count, cell(1, 1)!.count, cell(2, 2)!.count]).toEqual([3, 4, 1]);
  });

  it('adjacent segments [0, 5) and [5, 9) of two codes do not co-occur', () => {
    const cells = computeCooccurrence([1, 2], groupSegments([seg('x', 1, 1, 0, 5), seg('y', 1, 2, 5, 9)]).values(), 'overlap');
    expect(cells.filter((c) => c.a !== c.b)).toEqual([]);
  });

  it('paragraph scope counts blocks both codes touch, and lists each pair of segments once', () => {
    const blocks = new Map<number, Block[]>([
      [1, [{ kind: 'paragraph', start: 0, end: 9 }, { kind: 'paragraph', start: 11, end: 20 }, { kind: 'paragraph', start: 22, end: 50 }]],
    ]);
    const inBlocks: Seg[] = [
      seg('p', 1, 1, 0, 3), // block 0
      seg('q', 1, 2, 6, 8), // block 0: does not overlap p, same paragraph
      seg('r', 1, 1, 15, 25), // blocks 1 and 2
      seg('s', 1, 2, 12, 30), // blocks 1 and 2: pair (r, s) touches two common blocks
      seg('t', 1, 2, 9, 11), // between blocks: touches none
    ];
    const cells = computeCooccurrence([1, 2], groupSegments(inBlocks).values(), 'paragraph', blocks);
    const ab = cells.find((c) => c.a === 0 && c.b === 1)!;
    expect(ab.count).toBe(3);
    expect(ab.pairs.map((p) => p.join())).toEqual(['p,q', 'r,s']);
    expect(ab.passages).toBeUndefined();
    expect(cells.find((c) => c.a === 1 && c.b === 1)!.count).toBe(3);
  });
});

describe('attribute values', () => {
  it('checks and normalizes each type', () => {
    expect(checkAttributeValue('number', ' 2021 ')).toEqual({ ok: true, value: '2021' });
    expect(checkAttributeValue('number', '-3.50')).toEqual({ ok: true, value: '-3.5' });
    expect(checkAttributeValue('number', '1e3')).toEqual({ ok: true, value: '1000' });
    expect(checkAttributeValue('number', '3,5')).toEqual({ ok: false, message: '"3,5" is not a number (write 3.5: the decimal point is a dot)' });
    expect(checkAttributeValue('date', '2021-09-27')).toEqual({ ok: true, value: '2021-09-27' });
    expect(checkAttributeValue('date', '2021-02-29')).toMatchObject({ ok: false });
    expect(checkAttributeValue('date', '2020-02-29')).toEqual({ ok: true, value: '2020-02-29' });
    expect(checkAttributeValue('date', '27.09.2021')).toEqual({ ok: false, message: '"27.09.2021" is not a date written yyyy-mm-dd (e.g. 2021-09-27)' });
    expect(checkAttributeValue('boolean', 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(checkAttributeValue('boolean', 'FALSE')).toEqual({ ok: true, value: 'false' });
    expect(checkAttributeValue('boolean', 'maybe')).toMatchObject({ ok: false });
    expect(checkAttributeValue('text', '  Caucasus Survey ')).toEqual({ ok: true, value: 'Caucasus Survey' });
    expect(checkAttributeValue('text', '  ')).toEqual({ ok: false, message: 'the value is empty' });
  });

  it('infers the narrowest type and compares by type', () => {
    expect(inferAttributeType(['2021', '2019', ''])).toBe('number');
    expect(inferAttributeType(['2021-01-01', '2019-12-31'])).toBe('date');
    expect(inferAttributeType(['yes', 'No'])).toBe('boolean');
    expect(inferAttributeType(['2021', 'n/a'])).toBe('text');
    expect(compareAttributeValues('number', '9', '10')).toBeLessThan(0);
    expect(compareAttributeValues('text', '9', '10')).toBeGreaterThan(0);
    expect(meetsCondition('number', '2021', '>=', '2021')).toBe(true);
    expect(meetsCondition('number', '2020', '>=', '2021')).toBe(false);
    expect(meetsCondition('text', 'Caucasus Survey', '=', 'caucasus survey')).toBe(true);
    expect(meetsCondition('text', undefined, '!=', 'x')).toBe(true);
    expect(meetsCondition('text', undefined, '=', 'x')).toBe(false);
    expect(meetsCondition('date', '2021-05-01', '<', '2021-06-01')).toBe(true);
    expect(meetsCondition('boolean', 'true', 'set', undefined)).toBe(true);
    expect(meetsCondition('boolean', undefined, 'unset', undefined)).toBe(true);
  });
});
