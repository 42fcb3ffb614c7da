/**
 * Keeps the selection visible while the reader does not have focus (after "jump to segment", or
 * while the coding popup has focus): the browser draws no selection in an unfocused editor, so
 * the plugin draws it as a decoration instead.
 *
 * A press that gives the reader focus back starts a new selection where the pointer is. Were the
 * old selection still in the state when focus returns, the transaction that removes the
 * decoration would write it back into the DOM while the browser's drag is starting, and the drag
 * would then run from the old passage's start to the new one's end.
 */
import { Plugin, PluginKey, TextSelection, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

const focusKey = new PluginKey<boolean>('gloss-focus');

export function inactiveSelectionPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key: focusKey,
    state: {
      init: () => false,
      apply: (tr, focused) => (tr.getMeta(focusKey) as boolean | undefined) ?? focused,
    },
    props: {
      decorations(state: EditorState) {
        const { from, to, empty } = state.selection;
        if (focusKey.getState(state) || empty) return null;
        return DecorationSet.create(state.doc, [Decoration.inline(from, to, { class: 'gloss-inactive-selection' })]);
      },
      handleDOMEvents: {
        mousedown: (view: EditorView, event: MouseEvent) => {
          if (event.button !== 0 || event.shiftKey) return false;
          const focused = focusKey.getState(view.state) ?? false;
          const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
          const { from, to, empty } = view.state.selection;
          // A press inside the selection would start dragging the selected text away (the text is
          // read-only): it starts a new selection instead, as a press outside it does.
          const inSelection = hit !== null && !empty && hit.pos >= from && hit.pos <= to;
          if (focused && !inSelection) return false;
          const tr = view.state.tr.setMeta(focusKey, true).setMeta('addToHistory', false);
          if (hit) tr.setSelection(TextSelection.create(tr.doc, hit.pos));
          view.dispatch(tr);
          return false;
        },
        focus: (view: EditorView) => setFocused(view, true),
        blur: (view: EditorView) => setFocused(view, false),
      },
    },
  });
}

function setFocused(view: EditorView, focused: boolean): boolean {
  if (focusKey.getState(view.state) !== focused) view.dispatch(view.state.tr.setMeta(focusKey, focused).setMeta('addToHistory', false));
  return false;
}
