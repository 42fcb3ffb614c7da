/**
 * Codings as decorations held in plugin state (never marks: the document does not change when
 * coding does). The set is mapped through every transaction, so when the window of rendered
 * blocks moves, decorations of blocks that leave it drop out and the rest shift with the text;
 * changes arrive as transaction meta: decorations to remove and to add, block by block.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { DocumentPositions } from './positions.js';
import type { BlockPaint, EndMark } from './segments.js';

export interface CodingsMeta {
  /** Drop every decoration first (a new document or a new initials setting). */
  clear?: boolean;
  remove?: Decoration[];
  add?: Decoration[];
}

interface DecorationSpec {
  /** Block index: lets a repaint find exactly its own decorations. */
  glossBlock: number;
}

export const codingsKey = new PluginKey<DecorationSet>('gloss-codings');

export function codingsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: codingsKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr: Transaction, set: DecorationSet): DecorationSet {
        const meta = tr.getMeta(codingsKey) as CodingsMeta | undefined;
        let next = meta?.clear ? DecorationSet.empty : set.map(tr.mapping, tr.doc);
        if (meta?.remove?.length) next = next.remove(meta.remove);
        if (meta?.add?.length) next = next.add(tr.doc, meta.add);
        return next;
      },
    },
    props: {
      decorations: (state: EditorState) => codingsKey.getState(state),
    },
  });
}

/** The decorations block i currently has in `state` (the view shows the window from `base`). */
export function blockDecorations(state: EditorState, positions: DocumentPositions, i: number, base: number): Decoration[] {
  const set = codingsKey.getState(state);
  if (!set) return [];
  return set.find(positions.contentStart(i) - base, positions.contentEnd(i) - base, (spec) => (spec as Partial<DecorationSpec>).glossBlock === i);
}

/** Decorations painting block i, for a view whose window starts at global position `base`. */
export function paintDecorations(positions: DocumentPositions, i: number, base: number, paint: BlockPaint): Decoration[] {
  const out: Decoration[] = [];
  const spec: DecorationSpec = { glossBlock: i };
  for (const segment of paint.segments) {
    let style = `--gloss-tint:${segment.tint};`;
    segment.lanes.forEach((color, lane) => {
      if (color !== undefined) style += `--gloss-u${lane}:${color};`;
    });
    const depth = Math.min(segment.ids.length, 3);
    out.push(
      Decoration.inline(
        positions.toPosInBlock(i, segment.start) - base,
        positions.toPosInBlock(i, segment.end) - base,
        // role=mark with a description is ARIA's pattern for annotated text: screen readers say
        // the passage is highlighted and read what covers it (a mark may not have a name).
        { class: `gloss-seg gloss-seg--${depth}`, 'data-coding-ids': segment.ids.join(' '), style, role: 'mark', 'aria-description': segment.description },
        spec,
      ),
    );
  }
  for (const end of paint.ends) {
    out.push(
      Decoration.widget(positions.toPosInBlock(i, end.at) - base, (view: EditorView) => initialsBadge(view, end), {
        ...spec,
        side: -1,
        ignoreSelection: true,
        key: `gloss-initials:${end.marks.map((mark) => `${mark.id}/${mark.initials}/${mark.color}`).join(',')}|${end.through ? `${end.through.ids.join(',')}/${end.through.tint}/${end.through.lanes.join(',')}` : ''}`,
      }),
    );
  }
  return out;
}

// No DOM type names here: this module is also compiled for the unit tests, without the DOM
// library; the document comes from the view.
function initialsBadge(view: EditorView, end: EndMark) {
  const document = view.dom.ownerDocument;
  const wrapper = document.createElement('span');
  if (end.through) {
    // Painted like the segment it sits in, so the codings running on are not cut in two.
    wrapper.className = `gloss-seg gloss-seg--${Math.min(end.through.ids.length, 3)}`;
    wrapper.dataset['codingIds'] = end.through.ids.join(' ');
    wrapper.style.setProperty('--gloss-tint', end.through.tint);
    end.through.lanes.forEach((color, lane) => {
      if (color !== undefined) wrapper.style.setProperty(`--gloss-u${lane}`, color);
    });
  }
  const badge = document.createElement('sup');
  wrapper.appendChild(badge);
  badge.className = 'gloss-initials';
  badge.setAttribute('aria-hidden', 'true');
  badge.dataset['codingIds'] = end.marks.map((mark) => mark.id).join(' ');
  badge.dataset['coders'] = end.marks.map((mark) => mark.initials).join(' ');
  badge.title = end.marks.map((mark) => mark.coder).join(', ');
  for (const mark of end.marks) {
    const item = document.createElement('span');
    item.className = 'gloss-initials__mark';
    // Through CSSOM, not a style attribute: allowed under a strict Content Security Policy.
    item.style.setProperty('--gloss-c', mark.color);
    item.textContent = mark.initials;
    badge.appendChild(item);
  }
  return wrapper;
}
