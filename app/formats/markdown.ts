import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Block, BlockKind } from '../domain/blocks.js';
import { CodePointIndex } from '../domain/codepoints.js';
import type { InlineMark, InlineMarkKind } from '../domain/inlineMarks.js';
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

// -------------------------------------------------------------------------------------------
// Inline marks: how the reader presents the markup that stays in a Markdown document's text.

/** ASCII punctuation a backslash escapes in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SUP_SUB = /^<(\/?)(sup|sub)\s*>$/i;

/**
 * The inline marks of Markdown source (see app/domain/inlineMarks.ts), in code points, sorted
 * by start. Computed from the stored text with the same parser the import uses, so projects
 * imported before marks existed get them too. One pass over the tree (an explicit stack, as a
 * hostile file can nest deeply) and one over each text node's source: linear in the text.
 */
export function markdownMarks(text: string): InlineMark[] {
  const index = new CodePointIndex(text);
  const marks: InlineMark[] = [];
  const mark = (start: number | undefined, end: number | undefined, kind: InlineMarkKind): void => {
    if (start === undefined || end === undefined || end <= start) return;
    marks.push({ start: index.toCodePoint(start), end: index.toCodePoint(end), kind });
  };
  const startOf = (node: Nodes | undefined): number | undefined => node?.position?.start.offset;
  const endOf = (node: Nodes | undefined): number | undefined => node?.position?.end.offset;
  /** A node whose children are its content: the content marked `kind`, the delimiters around it syntax. */
  const wrap = (node: Parents, kind: InlineMarkKind | null): void => {
    const first = node.children[0];
    const last = node.children.at(-1);
    if (!first || !last) {
      mark(startOf(node), endOf(node), 'syntax');
      return;
    }
    mark(startOf(node), startOf(first), 'syntax');
    if (kind) mark(startOf(first), endOf(last), kind);
    mark(endOf(last), endOf(node), 'syntax');
  };

  const stack: Nodes[] = [fromMarkdown(text)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'strong':
        wrap(node, 'strong');
        break;
      case 'emphasis':
        wrap(node, 'em');
        break;
      case 'link':
        wrap(node, 'link');
        break;
      case 'heading': {
        // "## " before the content and any closing "##" after it.
        const first = node.children[0];
        const last = node.children.at(-1);
        if (first && last) {
          mark(startOf(node), startOf(first), 'syntax');
          mark(endOf(last), endOf(node), 'syntax');
        }
        break;
      }
      case 'listItem': {
        const first = node.children[0];
        if (first) mark(startOf(node), startOf(first), 'syntax');
        break;
      }
      case 'inlineCode': {
        const start = startOf(node);
        const end = endOf(node);
        if (start === undefined || end === undefined) break;
        let ticks = 0;
        while (text[start + ticks] === '`') ticks++;
        mark(start, start + ticks, 'syntax');
        mark(start + ticks, end - ticks, 'code');
        mark(end - ticks, end, 'syntax');
        break;
      }
      case 'text': {
        const start = startOf(node);
        const end = endOf(node);
        if (start === undefined || end === undefined) break;
        // A backslash escape: the source holds "\*" where the reader should see "*".
        for (let i = start; i < end - 1; i++) {
          if (text[i] === '\\' && ESCAPABLE.test(text[i + 1]!)) {
            mark(i, i + 1, 'syntax');
            i++;
          }
        }
        break;
      }
      case 'break': {
        const start = startOf(node);
        if (start !== undefined && text[start] === '\\') mark(start, start + 1, 'syntax');
        break;
      }
      default:
        break;
    }
    if ('children' in node) {
      pairSupSub(node, mark);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** `<sup>2</sup>` among a node's children: the tags are syntax, what lies between them sup (or sub). */
function pairSupSub(parent: Parents, mark: (start: number | undefined, end: number | undefined, kind: InlineMarkKind) => void): void {
  const open: { sup: number[]; sub: number[] } = { sup: [], sub: [] };
  for (const child of parent.children) {
    if (child.type !== 'html') continue;
    const tag = SUP_SUB.exec(child.value.trim());
    if (!tag) continue;
    const kind = tag[2]!.toLowerCase() as 'sup' | 'sub';
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    mark(start, end, 'syntax');
    if (tag[1] === '') {
      if (end !== undefined) open[kind].push(end);
    } else {
      const from = open[kind].pop();
      if (from !== undefined) mark(from, start, kind);
    }
  }
}
