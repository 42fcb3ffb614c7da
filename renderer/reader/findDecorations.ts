/**
 * Find matches as decorations. The matches cover the whole document (the find bar searches the
 * canonical text, not the DOM); only those inside the rendered window are painted, rebuilt when
 * the window's document or the matches change. The set is computed in the `decorations` prop
 * and cached on the document node, so scrolling within the window costs nothing and a window
 * move costs a binary search plus the matches it shows.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { matchesIn, type FindMatches } from '../../app/domain/findText.js';
import type { WindowRange } from './commands.js';
import type { DocumentPositions } from './positions.js';

export interface FindPaint {
  positions: DocumentPositions;
  /** The rendered window (its first block's position is the view's base). */
  range: WindowRange;
  matches: FindMatches;
  /** Index of the current match, or -1. */
  current: number;
  /** Bumped on every change of matches or current, to invalidate the cache. */
  version: number;
}

export const findKey = new PluginKey('gloss-find');

export function findPlugin(source: () => FindPaint | null): Plugin {
  let cache: { doc: Node; version: number; set: DecorationSet } | null = null;
  return new Plugin({
    key: findKey,
    props: {
      decorations(state: EditorState) {
        const paint = source();
        if (!paint || paint.matches.starts.length === 0) return DecorationSet.empty;
        if (cache && cache.doc === state.doc && cache.version === paint.version) return cache.set;
        cache = { doc: state.doc, version: paint.version, set: DecorationSet.create(state.doc, findDecorations(paint)) };
        return cache.set;
      },
    },
  });
}

function findDecorations({ positions, range, matches, current }: FindPaint): Decoration[] {
  if (range.to <= range.from) return [];
  const base = positions.blockPos(range.from);
  const low = positions.blockStart(range.from);
  const high = positions.blockEnd(range.to - 1);
  const [first, end] = matchesIn(matches, low, high);
  const out: Decoration[] = [];
  for (let k = first; k < end; k++) {
    const start = matches.starts[k]!;
    const stop = matches.ends[k]!;
    const attrs = { class: k === current ? 'gloss-find gloss-find--current' : 'gloss-find' };
    // A match may run across blocks (white space in the query matches a paragraph break).
    const [from, to] = positions.blocksInRange(start, stop);
    for (let i = Math.max(from, range.from); i < Math.min(to, range.to); i++) {
      const a = positions.toPosInBlock(i, start) - base;
      const b = positions.toPosInBlock(i, stop) - base;
      if (b > a) out.push(Decoration.inline(a, b, attrs));
    }
  }
  return out;
}
