import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, BlockKind } from '../domain/blocks.js';
import { CodePointIndex } from '../domain/codepoints.js';
import type { ParsedDocument } from './parsedDocument.js';
import { decodeText } from './decodeText.js';
import { trimRange } from './textRanges.js';

/**
 * A .md file. The canonical text is the Markdown source itself: inline markup (**bold**, links,
 * <sup>1</sup>) stays in the text as written, so quotes and offsets match the file a reader
 * can open. Markdown only decides the block structure.
 */
export function parseMarkdown(fileName: string, bytes: Uint8Array): ParsedDocument {
  const { text, encoding } = decodeText(fileName, bytes);
  return { format: 'md', text, blocks: markdownBlocks(text), encoding };
}

/** The kind a paragraph gets from its innermost container. */
type Container = 'paragraph' | 'list_item' | 'blockquote';

/**
 * Blocks of CommonMark source (no extensions). Headings span their content without the `#`
 * markers; paragraphs, code and HTML blocks span their node; paragraphs inside list items and
 * block quotes take that kind; thematic breaks and link definitions make no block.
 */
export function markdownBlocks(text: string): Block[] {
  const index = new CodePointIndex(text);
  const blocks: Block[] = [];

  const add = (kind: BlockKind, from: Nodes | undefined, to: Nodes | undefined, level?: number): void => {
    const startOffset = from?.position?.start.offset;
    const endOffset = to?.position?.end.offset;
    if (startOffset === undefined || endOffset === undefined) return;
    // Trailing spaces are hard line breaks in the corpus ("name   \n"): never part of a block.
    const [start, end] = trimRange(text, startOffset, endOffset);
    if (end <= start) return;
    const block: Block = { kind, start: index.toCodePoint(start), end: index.toCodePoint(end) };
    if (level !== undefined) block.level = level;
    blocks.push(block);
  };

  // An explicit stack rather than recursion: a hostile file can nest quotes thousands deep.
  const stack: Array<{ node: Nodes; container: Container }> = [
    { node: fromMarkdown(text), container: 'paragraph' },
  ];
  while (stack.length > 0) {
    const { node, container } = stack.pop()!;
    switch (node.type) {
      case 'heading':
        add('heading', node.children[0], node.children.at(-1), node.depth);
        break;
      case 'paragraph':
      case 'code':
      case 'html':
        add(container, node, node);
        break;
      case 'root':
      case 'list':
        pushChildren(stack, node, container);
        break;
      case 'listItem':
        pushChildren(stack, node, 'list_item');
        break;
      case 'blockquote':
        pushChildren(stack, node, 'blockquote');
        break;
      default:
        // thematicBreak, definition and the inline nodes make no block of their own.
        break;
    }
  }
  return blocks;
}

function pushChildren(
  stack: Array<{ node: Nodes; container: Container }>, parent: Parents, container: Container,
): void {
  for (let i = parent.children.length - 1; i >= 0; i--) stack.push({ node: parent.children[i]!, container });
}
