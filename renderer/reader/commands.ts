/**
 * The reader's commands, in ProseMirror's `(state, dispatch?) => boolean` shape: they only build
 * and dispatch a transaction when asked. None of them changes the text; the one that changes the
 * document changes which blocks are rendered (the window), tagged with `windowKey`, the only
 * document change the read-only filter lets through.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import type { Decoration } from 'prosemirror-view';
import { blockDecorations, codingsKey, paintDecorations, type CodingsMeta } from './decorations.js';
import type { DocumentPositions } from './positions.js';
import { blockNodes } from './schema.js';
import type { BlockPaint } from './segments.js';

/** Meta on transactions that move the window: `{ from, to }` blocks now rendered. */
export const windowKey = new PluginKey('gloss-window');

export interface WindowRange {
  from: number;
  to: number;
}

/** Lets through selection changes and window moves; refuses every edit of the text. */
export function readOnlyPlugin(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged || tr.getMeta(windowKey) !== undefined,
    props: {
      // Typing, deleting, Enter, IME, paste and drop: the browser must not edit the DOM either.
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
        drop: (_view, event) => {
          event.preventDefault();
          return true;
        },
        cut: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
    },
  });
}

/** Repaint blocks (all inside the window starting at global position `base`). */
export function repaintBlocks(positions: DocumentPositions, base: number, blocks: readonly number[], paint: (i: number) => BlockPaint): Command {
  return (state, dispatch) => {
    if (blocks.length === 0) return false;
    if (dispatch) {
      const remove: Decoration[] = [];
      const add: Decoration[] = [];
      for (const i of blocks) {
        remove.push(...blockDecorations(state, positions, i, base));
        add.push(...paintDecorations(positions, i, base, paint(i)));
      }
      const meta: CodingsMeta = { remove, add };
      dispatch(state.tr.setMeta(codingsKey, meta).setMeta('addToHistory', false));
    }
    return true;
  };
}

/** Drop every coding decoration and paint the window's blocks afresh. */
export function repaintWindow(positions: DocumentPositions, range: WindowRange, paint: (i: number) => BlockPaint): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const base = positions.blockPos(range.from);
      const add: Decoration[] = [];
      for (let i = range.from; i < range.to; i++) add.push(...paintDecorations(positions, i, base, paint(i)));
      const meta: CodingsMeta = { clear: true, add };
      dispatch(state.tr.setMeta(codingsKey, meta).setMeta('addToHistory', false));
    }
    return true;
  };
}

/**
 * Render blocks [next.from, next.to) instead of [current.from, current.to): blocks both windows
 * share keep their nodes (so their DOM and decorations stay), the rest are deleted or inserted
 * at the edges and the inserted ones painted in the same transaction. `select`, when given, sets
 * the selection in the new document (whose positions start at `positions.blockPos(next.from)`).
 */
export function moveWindow(
  positions: DocumentPositions,
  current: WindowRange,
  next: WindowRange,
  paint: (i: number) => BlockPaint,
  select?: (doc: PMNode, base: number) => { anchor: number; head: number } | null,
): Command {
  return (state, dispatch) => {
    if (next.from >= next.to) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    const oldBase = positions.blockPos(current.from);
    const added: number[] = [];
    const overlaps = next.from < current.to && next.to > current.from;
    if (!overlaps) {
      tr.replaceWith(0, tr.doc.content.size, blockNodes(positions, next.from, next.to));
      for (let i = next.from; i < next.to; i++) added.push(i);
    } else {
      // The bottom edge first: positions at the top stay valid meanwhile.
      if (next.to < current.to) tr.delete(positions.blockPos(next.to) - oldBase, tr.doc.content.size);
      else if (next.to > current.to) {
        tr.insert(tr.doc.content.size, blockNodes(positions, current.to, next.to));
        for (let i = current.to; i < next.to; i++) added.push(i);
      }
      if (next.from > current.from) tr.delete(0, positions.blockPos(next.from) - oldBase);
      else if (next.from < current.from) {
        tr.insert(0, blockNodes(positions, next.from, current.from));
        for (let i = next.from; i < current.from; i++) added.push(i);
      }
    }
    const base = positions.blockPos(next.from);
    const add: Decoration[] = [];
    for (const i of added) add.push(...paintDecorations(positions, i, base, paint(i)));
    const meta: CodingsMeta = overlaps ? { add } : { clear: true, add };
    tr.setMeta(codingsKey, meta).setMeta(windowKey, next).setMeta('addToHistory', false);
    const selection = select?.(tr.doc, base);
    if (selection) tr.setSelection(TextSelection.create(tr.doc, selection.anchor, selection.head));
    dispatch(tr);
    return true;
  };
}

/** Set the text selection (positions in the current window). */
export function selectPositions(anchor: number, head: number, scroll = false): Command {
  return (state, dispatch) => {
    const size = state.doc.content.size;
    const clamp = (pos: number): number => Math.max(1, Math.min(size - 1, pos));
    if (dispatch) {
      const tr: Transaction = state.tr.setSelection(TextSelection.create(state.doc, clamp(anchor), clamp(head)));
      dispatch(scroll ? tr.scrollIntoView() : tr);
    }
    return true;
  };
}
