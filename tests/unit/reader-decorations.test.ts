import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { CodingIndex } from '../../renderer/reader/codingIndex.js';
import { moveWindow, readOnlyPlugin, repaintBlocks, repaintWindow, windowKey, type WindowRange } from '../../renderer/reader/commands.js';
import { codingsKey, codingsPlugin } from '../../renderer/reader/decorations.js';
import { DocumentPositions } from '../../renderer/reader/positions.js';
import { windowDoc } from '../../renderer/reader/schema.js';
import { paintBlock } from '../../renderer/reader/segments.js';
import type { ReaderCoding } from '../../renderer/reader/types.js';

// Ten blocks of "🇦🇲 block i text" (a flag: two astral code points) separated by "\n\n".
const blockText = (i: number): string => `🇦🇲 block ${i} text`;
const parts: string[] = [];
const blocks: Array<{ kind: 'paragraph'; start: number; end: number }> = [];
let length = 0;
for (let i = 0; i < 10; i++) {
  const cps = [...blockText(i)].length;
  blocks.push({ kind: 'paragraph', start: length, end: length + cps });
  parts.push(blockText(i), '\n\n');
  length += cps + 2;
}
const positions = new DocumentPositions(parts.join(''), blocks);

function coding(id: string, start: number, end: number): ReaderCoding {
  return { id, codeId: 'k', codeName: 'K', color: '#407BC5', coder: 'Ana Lima', start, end };
}

function setup(codings: ReaderCoding[], range: WindowRange) {
  const index = new CodingIndex(positions);
  index.update(codings);
  const paint = (i: number) =>
    paintBlock(positions.blockStart(i), positions.blockEnd(i), i + 1 < positions.count ? positions.blockStart(i + 1) : Infinity, index.inBlock(i), true);
  let state = EditorState.create({ doc: windowDoc(positions, range.from, range.to), plugins: [readOnlyPlugin(), codingsPlugin()] });
  repaintWindow(positions, range, paint)(state, (tr) => (state = state.apply(tr)));
  return { index, paint, get: () => state, set: (next: EditorState) => (state = next) };
}

/** Every inline coding decoration as [coding ids, text it covers]. */
function painted(state: EditorState): Array<[string, string]> {
  return codingsKey
    .getState(state)!
    .find()
    .filter((d) => d.from < d.to)
    .map((d): [string, string] => [(d as unknown as { type: { attrs: Record<string, string> } }).type.attrs['data-coding-ids']!, state.doc.textBetween(d.from, d.to)])
    .sort();
}

describe('coding decorations', () => {
  const a = coding('a', blocks[2]!.start + 3, blocks[2]!.start + 8); // "block" in block 2
  const b = coding('b', blocks[5]!.start, blocks[6]!.start + 2); // block 5 and the flag of block 6

  it('paints the codings of the rendered window only', () => {
    const s = setup([a, b], { from: 0, to: 4 });
    expect(painted(s.get())).toEqual([['a', 'block']]);
  });

  it('keeps painting right when the window moves (blocks mapped, new ones painted)', () => {
    const s = setup([a, b], { from: 0, to: 4 });
    moveWindow(positions, { from: 0, to: 4 }, { from: 2, to: 7 }, s.paint)(s.get(), (tr) => s.set(s.get().apply(tr)));
    expect(s.get().doc.childCount).toBe(5);
    expect(s.get().doc.firstChild!.textContent).toBe(blockText(2));
    expect(painted(s.get())).toEqual(
      [
        ['a', 'block'],
        ['b', blockText(5)],
        ['b', '🇦🇲'],
      ].sort(),
    );
    // A jump to a window that shares nothing.
    moveWindow(positions, { from: 2, to: 7 }, { from: 8, to: 10 }, s.paint)(s.get(), (tr) => s.set(s.get().apply(tr)));
    expect(painted(s.get())).toEqual([]);
  });

  it('repaints only the blocks that changed', () => {
    const s = setup([a, b], { from: 0, to: 10 });
    const before = codingsKey.getState(s.get())!.find();
    const c = coding('c', blocks[2]!.start + 6, blocks[2]!.start + 14); // overlaps a
    const changes = s.index.update([a, b, c]);
    expect(changes.dirtyBlocks).toEqual([2]);
    repaintBlocks(positions, 0, changes.dirtyBlocks, s.paint)(s.get(), (tr) => s.set(s.get().apply(tr)));
    expect(painted(s.get())).toEqual(
      [
        ['a', 'blo'],
        ['a c', 'ck'],
        ['b', blockText(5)],
        ['b', '🇦🇲'],
        ['c', ' 2 tex'],
      ].sort(),
    );
    // Block 5's and 6's decorations are the very same objects as before.
    const after = codingsKey.getState(s.get())!.find();
    const outside = (list: typeof before) => list.filter((d) => d.from > positions.contentEnd(2));
    expect(outside(after)).toEqual(outside(before));
  });

  it('lets the window move but refuses edits of the text', () => {
    const s = setup([a], { from: 0, to: 3 });
    const edited = s.get().apply(s.get().tr.insertText('x', 2));
    expect(edited.doc.eq(s.get().doc)).toBe(true);
    const moved = s.get().apply(s.get().tr.delete(0, positions.blockPos(1)).setMeta(windowKey, { from: 1, to: 3 }));
    expect(moved.doc.childCount).toBe(2);
  });
});
