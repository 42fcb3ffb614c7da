/**
 * The reader's schema: a document of blocks holding plain text, no marks (codings are
 * decorations, never marks). `index` is the block's place in the document's block list, so the
 * DOM of any rendered block says which block it is (data-block) whatever window is shown.
 */
import { Schema, type Node as PMNode } from 'prosemirror-model';
import type { DocumentPositions } from './positions.js';

const blockAttrs = { index: { default: 0 } };

export const readerSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    heading: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: { ...blockAttrs, level: { default: 1 } },
      defining: true,
      toDOM: (node) => [`h${Math.min(6, Math.max(1, node.attrs['level'] as number))}`, { class: 'gloss-block', 'data-block': node.attrs['index'] as number }, 0],
    },
    paragraph: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: blockAttrs,
      toDOM: (node) => ['p', { class: 'gloss-block', 'data-block': node.attrs['index'] as number }, 0],
    },
    // Blocks do not say whether a list is ordered, so an item is drawn with a bullet by CSS.
    list_item: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: blockAttrs,
      toDOM: (node) => ['div', { class: 'gloss-block gloss-li', 'data-block': node.attrs['index'] as number }, 0],
    },
    blockquote: {
      group: 'block',
      content: 'text*',
      marks: '',
      attrs: blockAttrs,
      toDOM: (node) => ['blockquote', { class: 'gloss-block', 'data-block': node.attrs['index'] as number }, 0],
    },
    text: { group: 'inline' },
  },
  marks: {},
});

/** The node for block i. */
export function blockNode(positions: DocumentPositions, i: number): PMNode {
  const block = positions.blocks[i]!;
  const text = positions.blockText(i);
  const content = text.length > 0 ? readerSchema.text(text) : null;
  const type = readerSchema.nodes[block.kind] ?? readerSchema.nodes['paragraph']!;
  const attrs = block.kind === 'heading' ? { index: i, level: block.level ?? 1 } : { index: i };
  return type.create(attrs, content);
}

/** Nodes for blocks [from, to). */
export function blockNodes(positions: DocumentPositions, from: number, to: number): PMNode[] {
  const nodes: PMNode[] = [];
  for (let i = from; i < to; i++) nodes.push(blockNode(positions, i));
  return nodes;
}

/** A document holding blocks [from, to): the reader's window. */
export function windowDoc(positions: DocumentPositions, from: number, to: number): PMNode {
  return readerSchema.nodes['doc']!.create(null, blockNodes(positions, from, to));
}
