/**
 * A document's inline formatting (Markdown's bold, emphasis, superscripts, code; app/domain/
 * inlineMarks.ts) as decorations: the canonical text keeps its markup characters, so offsets,
 * quotes and codings never move, and the reader shows the formatting and hides the markup.
 * Marks are bucketed by block once per document; the rendered window's set is built in the
 * `decorations` prop and cached on the window's document node, so a window move costs only the
 * marks it shows.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { InlineMark } from '../../app/domain/inlineMarks.js';
import type { WindowRange } from './commands.js';
import type { DocumentPositions } from './positions.js';

/** One document's marks, by the blocks they touch. */
export class BlockMarks {
  private readonly buckets = new Map<number, InlineMark[]>();

  constructor(
    readonly positions: DocumentPositions,
    marks: readonly InlineMark[],
  ) {
    for (const mark of marks) {
      if (mark.end <= mark.start) continue;
      const [first, end] = positions.blocksInRange(mark.start, mark.end);
      for (let i = first; i < end; i++) {
        const bucket = this.buckets.get(i);
        if (bucket) bucket.push(mark);
        else this.buckets.set(i, [mark]);
      }
    }
  }

  get empty(): boolean {
    return this.buckets.size === 0;
  }

  inBlock(i: number): readonly InlineMark[] {
    return this.buckets.get(i) ?? [];
  }
}

export const marksKey = new PluginKey('gloss-marks');

export function marksPlugin(source: () => { marks: BlockMarks; range: WindowRange } | null): Plugin {
  let cache: { doc: Node; marks: BlockMarks; set: DecorationSet } | null = null;
  return new Plugin({
    key: marksKey,
    props: {
      decorations(state: EditorState) {
        const paint = source();
        if (!paint || paint.marks.empty) return DecorationSet.empty;
        if (cache && cache.doc === state.doc && cache.marks === paint.marks) return cache.set;
        cache = { doc: state.doc, marks: paint.marks, set: DecorationSet.create(state.doc, markDecorations(paint.marks, paint.range)) };
        return cache.set;
      },
    },
  });
}

function markDecorations(marks: BlockMarks, range: WindowRange): Decoration[] {
  const { positions } = marks;
  if (range.to <= range.from) return [];
  const base = positions.blockPos(range.from);
  const out: Decoration[] = [];
  for (let i = range.from; i < range.to; i++) {
    const blockStart = positions.blockStart(i);
    const blockEnd = positions.blockEnd(i);
    for (const mark of marks.inBlock(i)) {
      const a = positions.toPosInBlock(i, Math.max(mark.start, blockStart)) - base;
      const b = positions.toPosInBlock(i, Math.min(mark.end, blockEnd)) - base;
      if (b > a) out.push(Decoration.inline(a, b, { class: `gloss-md gloss-md--${mark.kind}` }));
    }
  }
  return out;
}
