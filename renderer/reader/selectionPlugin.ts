/**
 * Keeps the selection visible while the reader does not have focus (after "jump to segment", or
 * while the coding popup has focus): the browser draws no selection in an unfocused editor, so
 * the plugin draws it as a decoration instead.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
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
