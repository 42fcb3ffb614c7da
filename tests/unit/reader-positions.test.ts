import { describe, expect, it } from 'vitest';
import type { Block } from '../../app/domain/blocks.js';
import { DocumentPositions } from '../../renderer/reader/positions.js';

// Astral characters take two UTF-16 units each: an astronaut with skin tone joined by ZWJ
// (4 code points, 7 units), a flag (2 code points, 4 units), mathematical bold letters.
const ASTRONAUT = '👩🏽‍🚀';
const FLAG = '🇦🇲';
const MATH = '𝐀𝐁𝐂';

/** Text with blocks separated by hidden markers, and the blocks in code points. */
function build(parts: Array<[string, string]>): { text: string; blocks: Block[] } {
  let text = '';
  const blocks: Block[] = [];
  for (const [marker, body] of parts) {
    text += marker;
    const start = [...text].length;
    text += body;
    blocks.push({ kind: 'paragraph', start, end: [...text].length });
  }
  return { text, blocks };
}

const { text, blocks } = build([
  ['# ', `${ASTRONAUT} lands`],
  ['\n\n', `Flag ${FLAG} and ${MATH} here`],
  ['\n\n> ', 'plain end'],
]);
const positions = new DocumentPositions(text, blocks);
const cps = [...text];

/** The position a ProseMirror document of all blocks gives code point `offset`, found by a walk. */
function walkPos(offset: number): number {
  let pos = 0;
  for (const block of blocks) {
    if (offset >= block.start && offset <= block.end) {
      return pos + 1 + cps.slice(block.start, offset).join('').length;
    }
    pos += cps.slice(block.start, block.end).join('').length + 2;
  }
  throw new Error('offset between blocks');
}

describe('DocumentPositions', () => {
  it('sizes the document like ProseMirror: text units plus two tokens per block', () => {
    const units = blocks.reduce((sum, b) => sum + cps.slice(b.start, b.end).join('').length, 0);
    expect(positions.size).toBe(units + 2 * blocks.length);
    expect(positions.length).toBe(cps.length);
  });

  it('converts every offset inside a block both ways, over astral characters', () => {
    for (const block of blocks) {
      for (let offset = block.start; offset <= block.end; offset++) {
        const pos = positions.toPos(offset, offset === block.end ? -1 : 1);
        expect(pos).toBe(walkPos(offset));
        expect(positions.toOffset(pos)).toBe(offset);
      }
    }
  });

  it('selects across astral characters: before and inside a selection', () => {
    const start = cps.indexOf([...ASTRONAUT][0]!);
    const end = start + [...ASTRONAUT].length + 3;
    const from = positions.toPos(start);
    const to = positions.toPos(end, -1);
    expect(to - from).toBe(`${ASTRONAUT} la`.length);
    expect(positions.slice(positions.toOffset(from), positions.toOffset(to))).toBe(`${ASTRONAUT} la`);
    const flag = cps.indexOf([...FLAG][0]!);
    const math = cps.indexOf([...MATH][0]!);
    expect(positions.slice(positions.toOffset(positions.toPos(flag)), positions.toOffset(positions.toPos(math + 2, -1)))).toBe(`${FLAG} and 𝐀𝐁`);
  });

  it('rounds a position inside a surrogate pair down to its character', () => {
    const flag = cps.indexOf([...FLAG][0]!);
    const pos = positions.toPos(flag);
    expect(positions.toOffset(pos + 1)).toBe(flag);
    expect(positions.toOffset(pos + 2)).toBe(flag + 1);
  });

  it('maps offsets between blocks to the nearest block edge', () => {
    // "\n\n" between block 0 and 1: the first newline is nearer block 0's end, the second is a
    // tie, which goes to the earlier block.
    expect(positions.toPos(blocks[0]!.end)).toBe(positions.contentEnd(0));
    expect(positions.toPos(blocks[1]!.start - 1)).toBe(positions.contentEnd(0));
    // "\n\n> " between block 1 and 2: its last character is nearer block 2's start.
    expect(positions.toPos(blocks[2]!.start - 1)).toBe(positions.contentStart(2));
    expect(positions.toPos(blocks[1]!.end + 1)).toBe(positions.contentEnd(1));
    // Before the first block and after the last.
    expect(positions.toPos(0)).toBe(positions.contentStart(0));
    expect(positions.toPos(text.length + 10)).toBe(positions.contentEnd(2));
    // Positions between blocks clamp into a block.
    expect(positions.toOffset(positions.blockPos(1))).toBe(blocks[1]!.start);
  });

  it('side picks the earlier block where blocks touch', () => {
    const touching = new DocumentPositions('abcdef', [
      { kind: 'paragraph', start: 0, end: 3 },
      { kind: 'paragraph', start: 3, end: 6 },
    ]);
    expect(touching.toPos(3, -1)).toBe(touching.contentEnd(0));
    expect(touching.toPos(3, 1)).toBe(touching.contentStart(1));
  });

  it('finds the blocks a range touches', () => {
    expect(positions.blocksInRange(0, 1)).toEqual([0, 0]);
    expect(positions.blocksInRange(blocks[0]!.start, blocks[0]!.start + 1)).toEqual([0, 1]);
    expect(positions.blocksInRange(blocks[0]!.start, blocks[1]!.start + 1)).toEqual([0, 2]);
    // Entirely between blocks: none.
    expect(positions.blocksInRange(blocks[0]!.end, blocks[1]!.start)).toEqual([1, 1]);
    expect(positions.blocksInRange(0, text.length)).toEqual([0, 3]);
  });

  it('shows a text with no blocks as one paragraph', () => {
    const single = new DocumentPositions(`${MATH}!`, []);
    expect(single.count).toBe(1);
    expect(single.blockText(0)).toBe(`${MATH}!`);
    expect(single.toPos(4, -1)).toBe(1 + `${MATH}!`.length);
  });

  it('converts in O(log n): 200,000 blocks, 100,000 conversions', () => {
    const many: Block[] = [];
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; i < 200_000; i++) {
      const astral = i % 50 === 0;
      parts.push(astral ? `${ASTRONAUT} x\n` : 'word\n');
      many.push({ kind: 'paragraph', start: length, end: length + (astral ? 6 : 4) });
      length += astral ? 7 : 5;
    }
    const p = new DocumentPositions(parts.join(''), many);
    const t = performance.now();
    for (let i = 0; i < 100_000; i++) p.toOffset(p.toPos((i * 7919) % p.length));
    expect(performance.now() - t).toBeLessThan(500);
  });
});
