/**
 * The benchmark's baseline: a bare ProseMirror view of the whole document (same schema and
 * typography) carrying every coding as a plain inline decoration, with the DecorationSet
 * recreated over all codings on each change. What the obvious implementation would do.
 */
import { EditorState, Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { DocumentPositions } from '../positions.js';
import { windowDoc } from '../schema.js';
import type { ReaderCoding, ReaderDocument } from '../types.js';

const key = new PluginKey<DecorationSet>('baseline-codings');

export class BaselineReader {
  readonly root: HTMLDivElement;
  readonly view: EditorView;
  readonly positions: DocumentPositions;

  constructor(mount: HTMLElement, document: ReaderDocument, codings: readonly ReaderCoding[]) {
    const doc = mount.ownerDocument;
    this.root = doc.createElement('div');
    this.root.className = 'gloss-reader';
    const page = doc.createElement('div');
    page.className = 'gloss-reader__page';
    const column = doc.createElement('div');
    column.className = 'gloss-reader__column';
    const host = doc.createElement('div');
    column.append(host);
    page.append(column);
    this.root.append(page);
    mount.append(this.root);
    this.positions = new DocumentPositions(document.text, document.blocks);
    const pmDoc = windowDoc(this.positions, 0, this.positions.count);
    const plugin = new Plugin<DecorationSet>({
      key,
      state: {
        init: (_config, state) => this.decorations(state.doc, codings),
        apply: (tr, set) => (tr.getMeta(key) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
      },
      props: { decorations: (state) => key.getState(state) },
    });
    this.view = new EditorView(
      { mount: host },
      { state: EditorState.create({ doc: pmDoc, plugins: [plugin] }), editable: () => true, attributes: { class: 'gloss-reader__text' } },
    );
  }

  setCodings(codings: readonly ReaderCoding[]): void {
    const set = this.decorations(this.view.state.doc, codings);
    this.view.dispatch(this.view.state.tr.setMeta(key, set));
  }

  scrollToOffset(offset: number): void {
    const coords = this.view.coordsAtPos(this.positions.toPos(offset));
    const rootTop = this.root.getBoundingClientRect().top;
    this.root.scrollTop += coords.top - rootTop - this.root.clientHeight * 0.25;
  }

  destroy(): void {
    this.view.destroy();
    this.root.remove();
  }

  private decorations(doc: EditorState['doc'], codings: readonly ReaderCoding[]): DecorationSet {
    return DecorationSet.create(
      doc,
      codings.map((coding) =>
        Decoration.inline(this.positions.toPos(coding.start, 1), this.positions.toPos(coding.end, -1), {
          // Plain: a translucent background in the code's colour (#RRGGBB + alpha).
          class: 'coding',
          style: `background-color:${coding.color}33`,
          'data-coding-ids': coding.id,
        }),
      ),
    );
  }
}
