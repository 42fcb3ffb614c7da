import { describe, expect, it } from 'vitest';
import { CodingIndex } from '../../renderer/reader/codingIndex.js';
import { BlockHeights } from '../../renderer/reader/heights.js';
import { coderInitials } from '../../renderer/reader/initials.js';
import { DocumentPositions } from '../../renderer/reader/positions.js';
import { paintBlock, UNDERLINE_LANES } from '../../renderer/reader/segments.js';
import { layoutStripes } from '../../renderer/reader/stripeLayout.js';
import type { ReaderCoding } from '../../renderer/reader/types.js';

function coding(id: string, start: number, end: number, extra: Partial<ReaderCoding> = {}): ReaderCoding {
  return { id, codeId: `k-${id}`, codeName: `Code ${id}`, color: '#407BC5', coder: 'Ana Lima', start, end, ...extra };
}

describe('paintBlock', () => {
  it('cuts a block into segments listing every covering coding', () => {
    const colors = { a: '#AA0000', b: '#00AA00', c: '#0000AA' };
    const paint = paintBlock(0, 100, Infinity, [coding('a', 10, 50, { color: colors.a }), coding('b', 30, 75, { color: colors.b }), coding('c', 40, 45, { color: colors.c })], false);
    expect(paint.segments.map((s) => [s.start, s.end, s.ids.slice().sort().join('')])).toEqual([
      [10, 30, 'a'],
      [30, 40, 'ab'],
      [40, 45, 'abc'],
      [45, 50, 'ab'],
      [50, 75, 'b'],
    ]);
    // The innermost (shortest) coding gives the tint: each coding has its own colour, so a
    // tint taken from the wrong coding shows. a (40 long) is inside b's run (45 long) at 30–40.
    expect(paint.segments.map((segment) => segment.tint)).toEqual([colors.a, colors.a, colors.c, colors.a, colors.b]);
  });

  it('keeps each coding in one lane along its length', () => {
    const colors = ['#111111', '#222222', '#333333', '#444444'];
    const codings = [coding('a', 0, 60), coding('b', 10, 30), coding('c', 20, 80), coding('d', 35, 50)].map((c, i) => ({ ...c, color: colors[i]! }));
    const paint = paintBlock(0, 100, Infinity, codings, false);
    const lanesOf = new Map<string, Set<number>>();
    for (const segment of paint.segments) {
      segment.lanes.forEach((color, lane) => {
        if (color === undefined) return;
        const id = codings.find((c) => c.color === color)!.id;
        expect(segment.ids).toContain(id);
        (lanesOf.get(id) ?? lanesOf.set(id, new Set()).get(id)!).add(lane);
      });
    }
    for (const [id, lanes] of lanesOf) expect([id, lanes.size]).toEqual([id, 1]);
    // b and d never overlap, so d reuses b's lane: three lanes for four codings.
    expect(Math.max(...[...lanesOf.values()].map((lanes) => [...lanes][0]!))).toBe(2);
    expect(lanesOf.get('d')).toEqual(lanesOf.get('b'));
    expect(UNDERLINE_LANES).toBeGreaterThanOrEqual(3);
  });

  it('clips codings to the block and ignores those outside', () => {
    const paint = paintBlock(100, 200, 210, [coding('a', 50, 150), coding('b', 190, 400), coding('c', 0, 20)], true);
    expect(paint.segments.map((s) => [s.start, s.end])).toEqual([
      [100, 150],
      [190, 200],
    ]);
    // Badges: a ends inside; b ends far past the next block's start, so not here.
    expect(paint.ends.map((e) => [e.at, e.marks.map((m) => m.id).join('')])).toEqual([[150, 'a']]);
  });

  it('puts the badge of a coding ending between blocks at the block end', () => {
    const paint = paintBlock(0, 100, 104, [coding('a', 50, 102, { coder: 'ben okafor' })], true);
    expect(paint.ends).toEqual([{ at: 100, marks: [{ id: 'a', initials: 'BO', coder: 'ben okafor', color: '#407BC5' }], through: null }]);
  });

  it('paints a badge like the codings that run on through it', () => {
    const paint = paintBlock(0, 100, Infinity, [coding('long', 0, 90, { color: '#B63132' }), coding('short', 10, 20)], true);
    const end = paint.ends.find((e) => e.at === 20)!;
    expect(end.through).toEqual({ ids: ['long'], lanes: ['#B63132'], tint: '#B63132' });
  });
});

describe('CodingIndex.update', () => {
  const text = 'a'.repeat(300);
  const positions = new DocumentPositions(text, [
    { kind: 'paragraph', start: 0, end: 100 },
    { kind: 'paragraph', start: 102, end: 200 },
    { kind: 'paragraph', start: 202, end: 300 },
  ]);

  it('reports only what changed, and the blocks to repaint', () => {
    const index = new CodingIndex(positions);
    const base = [coding('a', 10, 20), coding('b', 150, 250)];
    expect(index.update(base)).toMatchObject({ dirtyBlocks: [0, 1, 2] });
    expect(index.update(base.map((c) => ({ ...c })))).toEqual({ added: [], removed: [], dirtyBlocks: [] });

    const more = [...base, coding('c', 110, 120)];
    const added = index.update(more);
    expect(added.added.map((c) => c.id)).toEqual(['c']);
    expect(added.removed).toEqual([]);
    expect(added.dirtyBlocks).toEqual([1]);

    const removed = index.update(base);
    expect(removed.removed.map((c) => c.id)).toEqual(['c']);
    expect(removed.dirtyBlocks).toEqual([1]);

    const moved = index.update([coding('a', 10, 20), coding('b', 150, 180)]);
    expect(moved.added.map((c) => c.id)).toEqual(['b']);
    expect(moved.removed.map((c) => c.id)).toEqual(['b']);
    expect(moved.dirtyBlocks).toEqual([1, 2]);
    expect(index.inBlock(2)).toEqual([]);
    expect(index.covering(160).map((c) => c.id)).toEqual(['b']);
  });

  it('handles duplicates, empty ranges and recolouring', () => {
    const index = new CodingIndex(positions);
    index.update([coding('a', 10, 20), coding('a', 30, 40), coding('e', 50, 50)]);
    expect(index.size).toBe(1);
    expect(index.get('a')?.start).toBe(10);
    const recoloured = index.update([coding('a', 10, 20, { color: '#000000' })]);
    expect(recoloured.dirtyBlocks).toEqual([0]);
    expect(index.get('a')?.color).toBe('#000000');
  });

  it('diffs 30,000 codings plus one quickly', () => {
    const big = new DocumentPositions('x'.repeat(3_000_000), Array.from({ length: 6000 }, (_, i) => ({ kind: 'paragraph' as const, start: i * 500, end: i * 500 + 498 })));
    const index = new CodingIndex(big);
    const all = Array.from({ length: 30_000 }, (_, i) => coding(`c${i}`, (i * 97) % 2_990_000, ((i * 97) % 2_990_000) + 300));
    index.update(all);
    const next = [...all, coding('new', 1000, 1200)];
    const start = performance.now();
    const changes = index.update(next);
    expect(performance.now() - start).toBeLessThan(50);
    expect(changes.added.map((c) => c.id)).toEqual(['new']);
  });
});

describe('BlockHeights', () => {
  it('sums and searches heights, estimated and measured', () => {
    const heights = new BlockHeights(5);
    heights.estimate(() => 10);
    expect(heights.total).toBe(50);
    expect(heights.top(3)).toBe(30);
    expect(heights.blockAt(0)).toBe(0);
    expect(heights.blockAt(29.9)).toBe(2);
    expect(heights.blockAt(30)).toBe(3);
    expect(heights.blockAt(1e9)).toBe(4);
    heights.measure(1, 25);
    expect(heights.top(2)).toBe(35);
    expect(heights.blockAt(34)).toBe(1);
    // A new estimate keeps measured heights unless told otherwise.
    heights.estimate(() => 20);
    expect(heights.height(1)).toBe(25);
    expect(heights.total).toBe(105);
    heights.estimate(() => 20, true);
    expect(heights.total).toBe(100);
  });
});

describe('layoutStripes', () => {
  const input = (id: string, codeId: string, top: number, bottom: number, start = top) => ({ id, codeId, codeName: codeId, color: '#000000', start, top, bottom });

  it('gives overlapping codes different columns and merges one code’s runs', () => {
    const bars = layoutStripes([input('a1', 'A', 0, 100), input('a2', 'A', 101, 150), input('b', 'B', 50, 120), input('c', 'C', 130, 200)]);
    const byCode = (code: string) => bars.filter((bar) => bar.codeId === code);
    expect(byCode('A')).toHaveLength(1);
    expect(byCode('A')[0]).toMatchObject({ top: 0, bottom: 150, ids: ['a1', 'a2'], column: 0 });
    expect(byCode('B')[0]!.column).toBe(1);
    // C overlaps A (till 150) but not B (till 120): it takes B's column.
    expect(byCode('C')[0]!.column).toBe(1);
  });
});

describe('coderInitials', () => {
  it('takes first and last initials, or two letters of one name', () => {
    expect(coderInitials('Ana Maria Lima')).toBe('AL');
    expect(coderInitials('ana')).toBe('An');
    expect(coderInitials('  chen.wei ')).toBe('CW');
    expect(coderInitials('𝒜lex')).toBe('𝒜l');
    expect(coderInitials('')).toBe('?');
  });
});
