/**
 * The reader's side of find and of screen readers: find matches are painted only inside the
 * rendered window (split at block edges), and each coded segment says in words what covers it.
 */
import { EditorState } from 'prosemirror-state';
import type { DecorationSource } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { FindIndex } from '../../app/domain/findText.js';
import type { WindowRange } from '../../renderer/reader/commands.js';
import { findPlugin, type FindPaint } from '../../renderer/reader/findDecorations.js';
import { DocumentPositions } from '../../renderer/reader/positions.js';
import { windowDoc } from '../../renderer/reader/schema.js';
import { describeCodings, paintBlock } from '../../renderer/reader/segments.js';
import type { ReaderCoding } from '../../renderer/reader/types.js';

// Blocks "🇦🇲 block i: find me" separated by "\n\n"; astral flags shift UTF-16 against code points.
const parts: string[] = [];
const blocks: Array<{ kind: 'paragraph'; start: number; end: number }> = [];
let length = 0;
for (let i = 0; i < 8; i++) {
  const text = `🇦🇲 block ${i}: find me`;
  const cps = [...text].length;
  blocks.push({ kind: 'paragraph', start: length, end: length + cps });
  parts.push(text, '\n\n');
  length += cps + 2;
}
const text = parts.join('');
const positions = new DocumentPositions(text, blocks);

/** [text, current?] of every find decoration the plugin paints for window `range`. */
function painted(query: string, range: WindowRange, current: number): Array<[string, boolean]> {
  const matches = new FindIndex(text).find(query);
  const paint: FindPaint = { positions, range, matches, current, version: 1 };
  const plugin = findPlugin(() => paint);
  const state = EditorState.create({ doc: windowDoc(positions, range.from, range.to), plugins: [plugin] });
  const set = plugin.props.decorations!.call(plugin, state) as DecorationSource & { find(): Array<{ from: number; to: number; type: { attrs: { class: string } } }> };
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((deco) => [state.doc.textBetween(deco.from, deco.to), deco.type.attrs.class.includes('gloss-find--current')]);
}

describe('find decorations', () => {
  it('paints the matches inside the window only, the current one marked', () => {
    // Eight matches in the document; the window holds blocks 2–4.
    expect(painted('find me', { from: 2, to: 5 }, 3)).toEqual([
      ['find me', false],
      ['find me', true],
      ['find me', false],
    ]);
  });

  it('splits a match that runs across a block break at the block edges', () => {
    expect(painted('me 🇦🇲 block 3', { from: 2, to: 5 }, 0)).toEqual([
      ['me', true],
      ['🇦🇲 block 3', true],
    ]);
  });

  it('paints nothing when no match falls in the window', () => {
    expect(painted('block 7', { from: 0, to: 3 }, 0)).toEqual([]);
  });
});

describe('what a coded segment says', () => {
  const coding = (id: string, start: number, end: number, codeName: string, coder: string): ReaderCoding => ({ id, codeId: `k-${id}`, codeName, color: '#407BC5', coder, start, end });

  it('names each code and coder covering the segment', () => {
    const paint = paintBlock(0, 100, Infinity, [coding('a', 0, 50, 'Trust', 'Ana Lima'), coding('b', 20, 80, 'Russian policy/containment', 'Ben Okafor')], false);
    expect(paint.segments.map((segment) => segment.description)).toEqual([
      'Coded Trust, by Ana Lima',
      'Coded Trust, by Ana Lima; Russian policy/containment, by Ben Okafor',
      'Coded Russian policy/containment, by Ben Okafor',
    ]);
  });

  it('says a code once per coder', () => {
    expect(describeCodings([{ codeName: 'Trust', coder: 'Ana' }, { codeName: 'Trust', coder: 'Ana' }, { codeName: 'Trust', coder: 'Ben' }])).toBe('Coded Trust, by Ana; Trust, by Ben');
  });
});
