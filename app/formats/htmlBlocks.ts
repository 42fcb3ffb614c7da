// Types only: domhandler is htmlparser2's own node model, which its parseDocument returns.
import type { ChildNode, Element, Text } from 'domhandler';
import { ElementType, parseDocument } from 'htmlparser2';
import type { Block, BlockKind } from '../domain/blocks.js';
import { JoinedTextBuilder } from './joinedText.js';

/** Elements whose content is never document text. */
const SKIPPED = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'svg']);

/** Elements that end the running line of text and start a new block, as in a browser. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

interface BlockContext {
  kind: BlockKind;
  level?: number;
}

export interface HtmlBlocksOptions {
  /** Elements to drop with their content, beyond the ones never shown (script, style, …). */
  skip?: (element: Element) => boolean;
}

/**
 * The text and blocks of an HTML document. Headings h1–h6 become headings, li list items,
 * paragraphs inside blockquote blockquotes, and every other run of text that a browser would set
 * as its own block (p, div, td, dd, pre, …) a paragraph. Whitespace collapses as in a browser,
 * except inside pre; <br> is a newline. Blocks are joined by a blank line.
 */
export function htmlBlocks(html: string, options: HtmlBlocksOptions = {}): { text: string; blocks: Block[] } {
  const builder = new JoinedTextBuilder();
  const line = new InlineText();
  const contexts: BlockContext[] = [{ kind: 'paragraph' }];
  const current = (): BlockContext => contexts.at(-1)!;
  let preDepth = 0;

  // An explicit stack rather than recursion: hostile HTML can nest elements very deep.
  const stack: Array<{ enter: ChildNode } | { leave: Element }> = [];
  const pushChildren = (nodes: readonly ChildNode[]): void => {
    for (let i = nodes.length - 1; i >= 0; i--) stack.push({ enter: nodes[i]! });
  };
  pushChildren(parseDocument(html).children);

  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('leave' in item) {
      const { kind, level } = current();
      builder.add(kind, line.take(), level);
      contexts.pop();
      if (item.leave.name === 'pre') preDepth--;
      continue;
    }
    const node = item.enter;
    if (isText(node)) {
      line.append(node.data, preDepth > 0);
      continue;
    }
    if (!isElement(node)) continue; // comments, doctype, processing instructions
    const name = node.name;
    if (SKIPPED.has(name) || options.skip?.(node)) continue;
    if (name === 'br') {
      line.break();
      continue;
    }
    if (!BLOCK_ELEMENTS.has(name)) {
      pushChildren(node.children);
      continue;
    }
    // A block element ends the text before it, which becomes a block of the enclosing kind.
    const { kind, level } = current();
    builder.add(kind, line.take(), level);
    contexts.push(contextOf(name, current()));
    if (name === 'pre') preDepth++;
    stack.push({ leave: node });
    pushChildren(node.children);
  }
  builder.add(current().kind, line.take(), current().level);
  return { text: builder.text(), blocks: builder.blocks };
}

function isText(node: ChildNode): node is Text {
  return node.type === ElementType.Text;
}

/** htmlparser2 gives script and style elements types of their own. */
function isElement(node: ChildNode): node is Element {
  return node.type === ElementType.Tag || node.type === ElementType.Script || node.type === ElementType.Style;
}

function contextOf(name: string, parent: BlockContext): BlockContext {
  const heading = /^h([1-6])$/.exec(name);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  if (name === 'li') return { kind: 'list_item' };
  if (name === 'blockquote') return { kind: 'blockquote' };
  return parent;
}

/** The running text of one block, with whitespace collapsed the way a browser lays it out. */
class InlineText {
  private parts: string[] = [];
  private pendingSpace = false;
  private atLineStart = true;

  append(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const text = raw.replace(/\r\n?/g, '\n');
      if (this.pendingSpace && !this.atLineStart) this.parts.push(' ');
      this.parts.push(text);
      this.pendingSpace = false;
      this.atLineStart = text.endsWith('\n');
      return;
    }
    // HTML collapses ASCII whitespace only: a no-break space is content.
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
    const core = collapsed.replace(/^ | $/g, '');
    if (core === '') {
      if (collapsed !== '') this.pendingSpace = true;
      return;
    }
    if ((this.pendingSpace || collapsed.startsWith(' ')) && !this.atLineStart) this.parts.push(' ');
    this.parts.push(core);
    this.pendingSpace = collapsed.endsWith(' ');
    this.atLineStart = false;
  }

  break(): void {
    this.parts.push('\n');
    this.pendingSpace = false;
    this.atLineStart = true;
  }

  /** The text so far, and a fresh start for the next block. */
  take(): string {
    const text = this.parts.join('');
    this.parts = [];
    this.pendingSpace = false;
    this.atLineStart = true;
    return text;
  }
}
