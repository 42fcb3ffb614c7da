/**
 * The reader: a read-only ProseMirror view of one document, with codings drawn as decorations,
 * stripes in the margin and optional coder initials.
 *
 * Books are the norm, so the view never holds the whole document. It renders a window of blocks
 * around the viewport, between two spacers whose heights are the measured (or, for blocks never
 * rendered, estimated) heights of the blocks above and below (heights.ts). Scrolling moves the
 * window with one transaction that deletes blocks at one edge and inserts them at the other;
 * shared blocks keep their DOM, and the coding decorations are mapped through it (decorations.ts).
 * First paint and every apply therefore cost what one screenful costs, whatever the length.
 *
 * The selection is kept in code points (`sel`): it may reach beyond the window (select all, a
 * long Shift+Arrow run, select() of a long range); the view shows the part inside the window and
 * `getSelection()` returns the whole.
 */
import { keymap } from 'prosemirror-keymap';
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { CodingIndex } from './codingIndex.js';
import { moveWindow, readOnlyPlugin, repaintBlocks, repaintWindow, selectPositions, windowKey, type WindowRange } from './commands.js';
import { codingsPlugin } from './decorations.js';
import { findPlugin, type FindPaint } from './findDecorations.js';
import { BlockMarks, marksPlugin } from './markDecorations.js';
import { Emphasis } from './emphasis.js';
import { BlockHeights } from './heights.js';
import { estimateBlockHeight, measureBlockMetrics, type BlockMetrics } from './metrics.js';
import { DocumentPositions } from './positions.js';
import { windowDoc } from './schema.js';
import { paintBlock, type BlockPaint } from './segments.js';
import { inactiveSelectionPlugin } from './selectionPlugin.js';
import { layoutStripes, type StripeInput } from './stripeLayout.js';
import { StripeGutter } from './stripes.js';
import type { ReaderOptions } from './options.js';
import type { ReaderCoding, ReaderDocument, ReaderSelection } from './types.js';
import type { FindMatches } from '../../app/domain/findText.js';

interface Model {
  positions: DocumentPositions;
  /** Inline formatting (Markdown), shown over the canonical text. */
  marks: BlockMarks;
  codings: CodingIndex;
  heights: BlockHeights;
  metrics: BlockMetrics;
}

/** A block on screen and where it was: by its rendered top (client px), or by its place in the
 *  column (heights.top), when the move can be accounted for without asking the layout. */
interface Anchor {
  block: number;
  top: number;
  byHeights?: boolean;
}

/** Rendered beyond each edge of the viewport, in px: at least this, or 1.5 viewports. */
const MIN_OVERSCAN = 900;
/** Stripes are computed this far (px) beyond the viewport, so short scrolls show them at once. */
const STRIPE_MARGIN = 200;
/** How long (frames) new codings wait for a just-made selection to be read before painting. */
const MAX_PENDING_FRAMES = 10;
/** Meta on selection transactions the reader makes itself (its `sel` is already right). */
const PROGRAMMATIC = 'glossProgrammaticSelection';

export class Reader {
  private readonly options: ReaderOptions;
  private readonly root: HTMLDivElement;
  private readonly column: HTMLDivElement;
  private readonly topSpacer: HTMLDivElement;
  private readonly bottomSpacer: HTMLDivElement;
  private readonly textHost: HTMLDivElement;
  private readonly stripes: StripeGutter;
  private readonly emphasis: Emphasis;
  private readonly resizeObserver: ResizeObserver;
  private view: EditorView | null = null;
  private model: Model | null = null;
  private range: WindowRange = { from: 0, to: 0 };
  private showInitials: boolean;
  /** The selection in code points; may reach beyond the window. */
  private sel: { anchor: number; head: number } | null = null;
  /** Where the view shows the anchor when the real one lies outside the window. */
  private clippedAnchorPos: number | null = null;
  private lastEmitted = '';
  private external: string[] = [];
  private hovered: string[] | null = null;
  private frameRequest = 0;
  /** A mouse button is down in the text: the window may grow but not drop the anchor's DOM. */
  private pointerDown = false;
  private width = 0;
  /** The find bar's matches over the whole document (only the window's are painted). */
  private find: { matches: FindMatches; current: number; version: number } | null = null;
  /** Codings that arrived during a drag, painted once it is over (see setCodings). */
  private pendingCodings: ReaderCoding[] | null = null;
  /** Frames the pending codings have waited for the browser's selection to be read. */
  private pendingFrames = 0;
  private readonly onPointerUp = (): void => {
    this.pointerDown = false;
    this.schedule();
  };

  constructor(mount: HTMLElement, options: ReaderOptions = {}) {
    this.options = options;
    this.showInitials = options.showCoderInitials ?? false;
    const doc = mount.ownerDocument;
    const div = (className: string): HTMLDivElement => {
      const el = doc.createElement('div');
      el.className = className;
      return el;
    };
    this.root = div('gloss-reader');
    const page = div('gloss-reader__page');
    this.column = div('gloss-reader__column');
    const gutter = div('gloss-reader__gutter');
    gutter.setAttribute('aria-hidden', 'true');
    this.topSpacer = div('gloss-reader__spacer');
    this.bottomSpacer = div('gloss-reader__spacer');
    this.textHost = div('gloss-reader__text');
    this.column.append(gutter, this.topSpacer, this.textHost, this.bottomSpacer);
    page.append(this.column);
    this.root.append(page);
    mount.appendChild(this.root);

    this.stripes = new StripeGutter(gutter, {
      onHover: (ids) => {
        this.hovered = ids;
        this.applyEmphasis();
      },
      onClick: (ids, rect) => this.options.onCodingsClick?.(ids, rect),
    });
    this.emphasis = new Emphasis(doc);
    this.root.addEventListener(
      'scroll',
      () => {
        this.knownScrollTop = this.root.scrollTop;
        this.schedule();
      },
      { passive: true },
    );
    this.resizeObserver = new ResizeObserver(() => this.schedule());
    this.resizeObserver.observe(this.column);
    doc.addEventListener('mouseup', this.onPointerUp, true);
  }

  setDocument(document: ReaderDocument, codings: ReaderCoding[]): void {
    this.pendingCodings = null;
    this.pendingFrames = 0;
    const positions = new DocumentPositions(document.text, document.blocks);
    const codingIndex = new CodingIndex(positions);
    codingIndex.update(codings);
    this.width = this.column.clientWidth;
    const model: Model = { positions, marks: new BlockMarks(positions, document.marks ?? []), codings: codingIndex, heights: new BlockHeights(positions.count), metrics: this.probeMetrics() };
    this.model = model;
    this.estimateHeights(true);
    this.sel = null;
    this.clippedAnchorPos = null;
    this.find = null;
    this.scrollTo(0);
    const viewport = this.viewportHeight();
    this.range = { from: 0, to: Math.min(positions.count, model.heights.blockAt(viewport + this.overscan()) + 1) };
    const state = EditorState.create({ doc: windowDoc(positions, this.range.from, this.range.to), plugins: this.plugins() });
    if (this.view) this.view.updateState(state);
    else this.view = this.createView(state);
    repaintWindow(positions, this.range, this.painter())(this.view.state, (tr) => this.dispatch(tr));
    this.layout(null);
    this.applyEmphasis();
    this.emitSelection();
    this.schedule();
  }

  setCodings(codings: ReaderCoding[]): void {
    const { model, view } = this;
    if (!model || !view) return;
    // Repainting replaces the text nodes a selection is anchored in. During a drag the browser
    // would restart the drag elsewhere; just after one, before ProseMirror has read the new
    // selection, the repaint would write the old selection back. So new codings wait for the
    // button to come up and for the selection to be read (a few frames at most).
    if (this.pointerDown || (!this.selectionRead() && this.pendingFrames < MAX_PENDING_FRAMES)) {
      if (!this.pointerDown) this.pendingFrames++;
      this.pendingCodings = codings;
      this.schedule();
      return;
    }
    this.pendingCodings = null;
    this.pendingFrames = 0;
    const changes = model.codings.update(codings);
    const dirty = changes.dirtyBlocks.filter((i) => i >= this.range.from && i < this.range.to);
    if (dirty.length > 0) {
      repaintBlocks(model.positions, model.positions.blockPos(this.range.from), dirty, this.painter())(view.state, (tr) => this.dispatch(tr));
    }
    if (changes.added.length > 0 || changes.removed.length > 0) {
      if (this.external.length > 0 || this.hovered) this.applyEmphasis();
      this.schedule();
    }
  }

  getSelection(): ReaderSelection | null {
    const { model, sel } = this;
    if (!model || !sel || sel.anchor === sel.head) return null;
    const start = Math.min(sel.anchor, sel.head);
    const end = Math.max(sel.anchor, sel.head);
    return { start, end, text: model.positions.slice(start, end) };
  }

  /** Select code points [start, end) and scroll the start into view if it is not visible. */
  select(start: number, end: number): void {
    const { model } = this;
    if (!model) return;
    const clamp = (offset: number): number => Math.max(0, Math.min(model.positions.length, Math.floor(offset)));
    this.setLogicalSelection(clamp(start), clamp(end), clamp(start));
  }

  /**
   * Open a passage: select [start, end), scroll it to the middle of the viewport (its start
   * near the top when it is taller than the viewport) and give the reader keyboard focus.
   */
  showPassage(start: number, end: number): void {
    const { model } = this;
    if (!model) return;
    const clamp = (offset: number): number => Math.max(0, Math.min(model.positions.length, Math.floor(offset)));
    const from = clamp(Math.min(start, end));
    const to = clamp(Math.max(start, end));
    this.sel = { anchor: from, head: to };
    this.revealRange(from, to, true);
    const shown = this.selectionIn(this.range);
    const view = this.view;
    if (shown && view) selectPositions(shown.anchor, shown.head)(view.state, (tr) => this.dispatch(tr.setMeta(PROGRAMMATIC, true)));
    this.emitSelection();
    this.focus();
  }

  /** Scroll so that code point `offset` is at the top of the viewport (a place kept across reloads). */
  scrollOffsetToTop(offset: number): void {
    const { model, view } = this;
    if (!model || !view) return;
    const at = Math.max(0, Math.min(model.positions.length, Math.floor(offset)));
    this.reveal(at, false);
    const pos = model.positions.toPos(at, 1) - model.positions.blockPos(this.range.from);
    this.scrollTo(this.root.scrollTop + view.coordsAtPos(pos, 1).top - this.root.getBoundingClientRect().top - 8);
    const next = this.wantedWindow();
    if (next) this.setWindow(next, true);
    this.schedule();
  }

  scrollToOffset(offset: number): void {
    const { model } = this;
    if (!model) return;
    this.reveal(Math.max(0, Math.min(model.positions.length, Math.floor(offset))), true);
  }

  highlightCodings(ids: string[]): void {
    this.external = [...ids];
    this.applyEmphasis();
  }

  setShowCoderInitials(show: boolean): void {
    if (show === this.showInitials) return;
    this.showInitials = show;
    const { model, view } = this;
    if (!model || !view) return;
    const anchor = this.captureAnchor();
    repaintWindow(model.positions, this.range, this.painter())(view.state, (tr) => this.dispatch(tr));
    this.layout(anchor);
    this.schedule();
  }

  focus(): void {
    this.view?.focus();
  }

  // --- Find (renderer/find): matches painted from a whole-document search --------------------

  /** Paint find matches (code points, whole document) and mark match `current` (-1: none). */
  setFindMatches(matches: FindMatches, current: number): void {
    const version = (this.find?.version ?? 0) + 1;
    this.find = matches.starts.length > 0 ? { matches, current, version } : null;
    const view = this.view;
    // No document change: the find plugin's decorations prop reads `this.find` again.
    if (view) view.dispatch(view.state.tr);
  }

  /** Render and scroll code points [start, end) to the middle of the viewport (its start near
   *  the top when it is taller), unless the range is already well inside it and not `always`. */
  revealRange(start: number, end: number, always = false): void {
    const { model } = this;
    if (!model || !this.view) return;
    const clamp = (offset: number): number => Math.max(0, Math.min(model.positions.length, Math.floor(offset)));
    const from = clamp(start);
    const block = model.positions.blockAtOffset(from);
    const viewport = this.viewportHeight();
    if (block < this.range.from || block >= this.range.to) {
      const y = model.heights.top(block);
      const over = this.overscan();
      this.setWindow({ from: model.heights.blockAt(Math.max(0, y - over)), to: Math.min(model.positions.count, model.heights.blockAt(y + viewport + over) + 1) }, false);
    }
    const view = this.view;
    const base = model.positions.blockPos(this.range.from);
    const to = Math.max(from, Math.min(clamp(end), model.positions.blockEnd(this.range.to - 1)));
    const top = view.coordsAtPos(model.positions.toPos(from, 1) - base, 1).top;
    const bottom = view.coordsAtPos(model.positions.toPos(to, -1) - base, -1).bottom;
    const rootTop = this.root.getBoundingClientRect().top;
    const inside = top >= rootTop + viewport * 0.1 && bottom <= rootTop + viewport * 0.9;
    if (always || !inside) {
      const target = bottom - top < viewport * 0.8 ? (top + bottom) / 2 - viewport / 2 : top - viewport * 0.25;
      this.scrollTo(this.root.scrollTop + target - rootTop);
    }
    const next = this.wantedWindow();
    if (next) this.setWindow(next, true);
    this.schedule();
  }

  /** Code point at the start of the block at the top of the viewport. */
  firstVisibleOffset(): number {
    const { model } = this;
    if (!model) return 0;
    return model.positions.blockStart(Math.min(model.positions.count - 1, model.heights.blockAt(Math.max(0, this.scrollY()))));
  }

  private findPaint(): FindPaint | null {
    const { model, find } = this;
    return model && find ? { positions: model.positions, range: this.range, ...find } : null;
  }
  // --- end of find ------------------------------------------------------------------------------

  destroy(): void {
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    this.resizeObserver.disconnect();
    this.root.ownerDocument.removeEventListener('mouseup', this.onPointerUp, true);
    this.view?.destroy();
    this.view = null;
    this.model = null;
    this.emphasis.destroy();
    this.root.remove();
  }

  // -------------------------------------------------------------------------------------------
  // View and transactions

  private createView(state: EditorState): EditorView {
    const view = new EditorView(
      { mount: this.textHost },
      {
        state,
        // Editable, so the caret and Shift+Arrow selection work; readOnlyPlugin refuses edits.
        editable: () => true,
        attributes: {
          class: 'gloss-reader__text',
          spellcheck: 'false',
          autocorrect: 'off',
          autocapitalize: 'off',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': 'true',
          'aria-label': 'Document text',
        },
        dispatchTransaction: (tr) => this.dispatch(tr),
        handleClick: (_view, _pos, event) => this.onTextClick(event),
        handleDOMEvents: {
          mousedown: () => {
            this.pointerDown = true;
            return false;
          },
          copy: (_view, event) => this.onCopy(event),
          focus: () => {
            this.keepCaretInView();
            return false;
          },
        },
      },
    );
    return view;
  }

  private plugins(): Plugin[] {
    const run = (action: () => void): (() => boolean) => () => {
      action();
      return true;
    };
    return [
      readOnlyPlugin(),
      codingsPlugin(),
      findPlugin(() => this.findPaint()),
      marksPlugin(() => (this.model ? { marks: this.model.marks, range: this.range } : null)),
      inactiveSelectionPlugin(),
      keymap({
        'Mod-a': run(() => this.setLogicalSelection(0, this.model?.positions.length ?? 0, null)),
        'Mod-Home': run(() => this.moveHead(0, false)),
        'Mod-End': run(() => this.moveHead(this.model?.positions.length ?? 0, false)),
        'Shift-Mod-Home': run(() => this.moveHead(0, true)),
        'Shift-Mod-End': run(() => this.moveHead(this.model?.positions.length ?? 0, true)),
        'Alt-ArrowDown': run(() => this.stepCoding(1)),
        'Alt-ArrowUp': run(() => this.stepCoding(-1)),
        Enter: () => this.openCodingsHere(),
        Space: () => this.openCodingsHere(),
        ContextMenu: () => this.openCodingsHere(),
        'Shift-F10': () => this.openCodingsHere(),
      }),
    ];
  }

  private dispatch(tr: Transaction): void {
    const view = this.view;
    if (!view) return;
    view.updateState(view.state.apply(tr));
    if (tr.selectionSet && tr.getMeta(windowKey) === undefined && !tr.getMeta(PROGRAMMATIC)) this.selectionFromView();
    this.emitSelection();
  }

  private painter(): (i: number) => BlockPaint {
    const { model } = this;
    const withEnds = this.showInitials;
    return (i) => {
      const positions = model!.positions;
      const next = i + 1 < positions.count ? positions.blockStart(i + 1) : Infinity;
      return paintBlock(positions.blockStart(i), positions.blockEnd(i), next, model!.codings.inBlock(i), withEnds);
    };
  }

  // -------------------------------------------------------------------------------------------
  // Selection

  /** The user (or the browser) moved the selection in the view. */
  private selectionFromView(): void {
    const { model, view } = this;
    if (!model || !view) return;
    const base = model.positions.blockPos(this.range.from);
    const { anchor, head } = view.state.selection;
    const headOffset = model.positions.toOffset(head + base);
    if (this.sel && this.clippedAnchorPos !== null && anchor === this.clippedAnchorPos) {
      // Extending a selection whose anchor lies outside the window: keep the real anchor.
      this.sel = { anchor: this.sel.anchor, head: headOffset };
    } else {
      this.sel = { anchor: model.positions.toOffset(anchor + base), head: headOffset };
      this.clippedAnchorPos = null;
    }
  }

  /** The logical selection as positions in window `range`, clipped to it; records where a
   *  clipped anchor is shown. Null when there is nothing to show. */
  private selectionIn(range: WindowRange): { anchor: number; head: number } | null {
    const { model, sel } = this;
    if (!model || !sel) return null;
    const p = model.positions;
    const base = p.blockPos(range.from);
    const low = p.blockStart(range.from);
    const high = p.blockEnd(range.to - 1);
    const forward = sel.head >= sel.anchor;
    const place = (offset: number, side: -1 | 1): number =>
      offset < low ? p.contentStart(range.from) - base : offset > high ? p.contentEnd(range.to - 1) - base : p.toPos(offset, side) - base;
    const anchorOutside = sel.anchor < low || sel.anchor > high;
    if (sel.anchor === sel.head && anchorOutside) {
      this.clippedAnchorPos = null;
      return null;
    }
    const anchor = place(sel.anchor, forward ? 1 : -1);
    const head = place(sel.head, forward ? -1 : 1);
    this.clippedAnchorPos = anchorOutside ? anchor : null;
    return { anchor, head };
  }

  /** Set the selection to anchor..head (code points) and, if given, scroll `reveal` into view. */
  private setLogicalSelection(anchor: number, head: number, reveal: number | null): void {
    const { model } = this;
    if (!model) return;
    this.sel = { anchor, head };
    if (reveal !== null) this.reveal(reveal, false);
    const shown = this.selectionIn(this.range);
    const view = this.view;
    if (shown && view) selectPositions(shown.anchor, shown.head)(view.state, (tr) => this.dispatch(tr.setMeta(PROGRAMMATIC, true)));
    this.emitSelection();
  }

  private moveHead(offset: number, extend: boolean): void {
    const anchor = extend && this.sel ? this.sel.anchor : offset;
    this.setLogicalSelection(anchor, offset, offset);
  }

  private emitSelection(): void {
    const { sel } = this;
    // Compare offsets first: the text of a long selection is sliced only when it changed.
    const key = sel && sel.anchor !== sel.head ? `${Math.min(sel.anchor, sel.head)}:${Math.max(sel.anchor, sel.head)}` : '';
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.options.onSelectionChange?.(this.getSelection());
  }

  private onCopy(event: ClipboardEvent): boolean {
    const { model, sel } = this;
    if (!model || !sel || !event.clipboardData) return false;
    const low = model.positions.blockStart(this.range.from);
    const high = model.positions.blockEnd(this.range.to - 1);
    if (Math.min(sel.anchor, sel.head) >= low && Math.max(sel.anchor, sel.head) <= high) return false;
    // Part of the selection is not rendered: copy it from the canonical text.
    event.clipboardData.setData('text/plain', this.getSelection()?.text ?? '');
    event.preventDefault();
    return true;
  }

  /**
   * Focus from the keyboard (Tab, a shortcut) while the selection is off screen puts the caret at
   * the top of what is showing: the reader stays where the user was reading, rather than
   * jumping to wherever the old caret was (the document's start, at first).
   */
  private keepCaretInView(): void {
    const { model, view, sel } = this;
    if (!model || !view || this.pointerDown) return;
    // The browser scrolls a focused element's top into view: stay where the reader was.
    if (this.root.scrollTop !== this.knownScrollTop) this.root.scrollTop = this.knownScrollTop;
    const viewport = this.root.getBoundingClientRect();
    if (sel) {
      const shown = this.selectionIn(this.range);
      if (shown) {
        const box = view.coordsAtPos(shown.head, 1);
        if (box.bottom > viewport.top && box.top < viewport.bottom) return;
      }
    }
    const offset = this.offsetAtViewportTop();
    if (offset !== null) this.setLogicalSelection(offset, offset, null);
  }

  /** The code point at the top of the viewport (its first line of text), or null if none is there. */
  private offsetAtViewportTop(): number | null {
    const { model, view } = this;
    if (!model || !view) return null;
    const viewport = this.root.getBoundingClientRect();
    const column = this.column.getBoundingClientRect();
    const hit = view.posAtCoords({ left: column.left + 4, top: Math.max(viewport.top, column.top) + 12 });
    if (!hit) return null;
    return model.positions.toOffset(Math.max(0, Math.min(view.state.doc.content.size, hit.pos)) + model.positions.blockPos(this.range.from));
  }

  /** Select the next (or previous) coding after the selection, centre it and say what it is. */
  private stepCoding(direction: 1 | -1): void {
    const { model, sel } = this;
    if (!model) return;
    // From the selection's start; with none, from the top (or the end) of the document.
    const from = sel ? Math.min(sel.anchor, sel.head) : direction === 1 ? -1 : model.positions.length + 1;
    const coding = model.codings.adjacent(from, direction);
    if (!coding) {
      this.options.onAnnounce?.(direction === 1 ? 'No more codings after this point.' : 'No codings before this point.');
      return;
    }
    this.showPassage(coding.start, coding.end);
    const here = model.codings.covering(coding.start).length;
    this.options.onAnnounce?.(`${coding.codeName}, coded by ${coding.coder}${here > 1 ? `; ${here} codings here` : ''}. Enter opens it.`);
  }

  /** Enter (or the context-menu key) on a coded passage opens its codings, as a click does. */
  private openCodingsHere(): boolean {
    const { model, view, sel } = this;
    const handler = this.options.onCodingsClick;
    if (!model || !view || !handler) return false;
    const at = sel ? Math.min(sel.anchor, sel.head) : model.positions.toOffset(view.state.selection.from + model.positions.blockPos(this.range.from));
    const ids = model.codings.covering(at).map((coding) => coding.id);
    if (ids.length === 0) return false;
    this.reveal(at, false);
    const pos = model.positions.toPos(at, 1) - model.positions.blockPos(this.range.from);
    const box = view.coordsAtPos(pos, 1);
    handler(ids, new DOMRect(box.left, box.top, Math.max(1, box.right - box.left), box.bottom - box.top));
    return true;
  }

  private onTextClick(event: MouseEvent): boolean {
    const handler = this.options.onCodingsClick;
    const target = event.target as Element | null;
    const segment = target?.closest?.('[data-coding-ids]') as HTMLElement | null;
    const ids = segment?.dataset['codingIds']?.split(' ').filter((id) => id.length > 0);
    if (!handler || !segment || !ids || ids.length === 0) return false;
    // The line box under the pointer, not the whole (possibly multi-line) segment.
    const rects = Array.from(segment.getClientRects());
    const rect =
      rects.find((r) => event.clientX >= r.left && event.clientX <= r.right && event.clientY >= r.top && event.clientY <= r.bottom) ??
      segment.getBoundingClientRect();
    handler(ids, DOMRect.fromRect(rect));
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Window, heights, scrolling

  private viewportHeight(): number {
    return this.root.clientHeight || this.root.ownerDocument.defaultView?.innerHeight || 800;
  }

  private overscan(): number {
    return Math.max(MIN_OVERSCAN, this.viewportHeight() * 1.5);
  }

  /** Scroll position in the column's coordinates (0 = top of the first block). */
  private scrollY(): number {
    return this.root.scrollTop - this.column.offsetTop;
  }

  private probeMetrics(): BlockMetrics {
    return measureBlockMetrics(this.column);
  }

  private estimateHeights(all: boolean): void {
    const { model } = this;
    if (!model) return;
    const { positions, metrics } = model;
    model.heights.estimate((i) => estimateBlockHeight(metrics, positions.kind(i), positions.blocks[i]!.level, positions.blockUtf16Length(i)), all);
  }

  private blockElement(i: number): HTMLElement | null {
    const view = this.view;
    if (!view || i < this.range.from || i >= this.range.to) return null;
    const el = view.dom.children[i - this.range.from] as HTMLElement | undefined;
    if (el && el.dataset['block'] === String(i)) return el;
    return view.dom.querySelector<HTMLElement>(`[data-block="${i}"]`);
  }

  /** Record the rendered heights of the window's blocks ([from, to) of them; all by default). */
  private measureWindow(from = this.range.from, to = this.range.to): void {
    const { model, view } = this;
    // Hidden (another view is showing): every block would measure 0 px and the column would
    // shrink under the reading place.
    if (!model || !view || this.isHidden()) return;
    const children = view.dom.children;
    // All reads, no writes in between: one layout for the lot.
    for (let k = Math.max(0, from - this.range.from); k < Math.min(children.length, to - this.range.from); k++) {
      const el = children[k] as HTMLElement;
      const i = Number(el.dataset['block']);
      if (Number.isInteger(i)) model.heights.measure(i, el.getBoundingClientRect().height);
    }
  }

  /** Size the spacers and keep `anchor` where it was on screen. Blocks in the window must have
   *  been measured (`measure`: which ones to measure first). */
  private layout(anchor: Anchor | null, measure: Array<[number, number]> = [[this.range.from, this.range.to]]): void {
    const { model } = this;
    if (!model) return;
    for (const [from, to] of measure) this.measureWindow(from, to);
    const { heights } = model;
    this.topSpacer.style.height = `${heights.top(this.range.from)}px`;
    this.bottomSpacer.style.height = `${Math.max(0, heights.total - heights.top(this.range.to))}px`;
    if (!anchor) return;
    let delta = 0;
    if (anchor.byHeights) {
      // The column stacks spacer and measured blocks exactly, so the anchor's new place is
      // known without another layout.
      delta = heights.top(anchor.block) - anchor.top;
    } else {
      const el = this.blockElement(anchor.block);
      if (el) delta = el.getBoundingClientRect().top - anchor.top;
    }
    if (Math.abs(delta) > 0.5) this.scrollTo(this.root.scrollTop + delta);
  }

  /** The block at the top of the viewport and where it is on screen. */
  private captureAnchor(): Anchor | null {
    const { model } = this;
    if (!model) return null;
    const block = Math.min(this.range.to - 1, Math.max(this.range.from, model.heights.blockAt(this.scrollY())));
    const el = this.blockElement(block);
    return el ? { block, top: el.getBoundingClientRect().top } : null;
  }

  private setWindow(next: WindowRange, keepAnchor: boolean): void {
    const { model, view } = this;
    if (!model || !view || (next.from === this.range.from && next.to === this.range.to)) return;
    const current = this.range;
    // The block at the top of the viewport, if it stays rendered: its place in the column.
    const top = Math.min(current.to - 1, Math.max(current.from, model.heights.blockAt(this.scrollY())));
    const anchor: Anchor | null = keepAnchor && top >= next.from && top < next.to ? { block: top, top: model.heights.top(top), byHeights: true } : null;
    this.range = next;
    moveWindow(model.positions, current, next, this.painter(), () => this.selectionIn(next))(view.state, (tr) => this.dispatch(tr));
    // Only blocks that are new to the DOM need measuring.
    const overlaps = next.from < current.to && next.to > current.from;
    const fresh: Array<[number, number]> = overlaps
      ? [
          [next.from, Math.min(current.from, next.to)],
          [Math.max(current.to, next.from), next.to],
        ]
      : [[next.from, next.to]];
    this.layout(anchor, fresh.filter(([from, to]) => to > from));
  }

  /** The window the viewport needs, or null when the current one will do. */
  private wantedWindow(): WindowRange | null {
    const { model } = this;
    if (!model) return null;
    const { heights, positions } = model;
    const viewport = this.viewportHeight();
    const over = this.overscan();
    const y = this.scrollY();
    const top = heights.top(this.range.from);
    const bottom = heights.top(this.range.to);
    // Move early and by little (about 0.6 viewport at a time): each move costs the style and
    // layout of what it inserts, so small steps keep every frame short.
    const margin = over - viewport * 0.6;
    const needTop = this.range.from > 0 && y - top < margin;
    const needBottom = this.range.to < positions.count && bottom - (y + viewport) < margin;
    const tooBig = !this.pointerDown && (y - top > over + 2 * viewport || bottom - (y + viewport) > over + 2 * viewport);
    if (!needTop && !needBottom && !tooBig) return null;
    let next = { from: heights.blockAt(Math.max(0, y - over)), to: Math.min(positions.count, heights.blockAt(y + viewport + over) + 1) };
    if (this.pointerDown && next.from < this.range.to && next.to > this.range.from) {
      // A drag selection is under way: its anchor's DOM must stay, so only grow.
      next = { from: Math.min(next.from, this.range.from), to: Math.max(next.to, this.range.to) };
    }
    return next;
  }

  /** Make sure code point `offset` is rendered, and scroll it into view (to a quarter of the
   *  viewport) when `always` or when it is not visible. */
  private reveal(offset: number, always: boolean): void {
    const { model } = this;
    if (!model) return;
    const viewport = this.viewportHeight();
    const block = model.positions.blockAtOffset(offset);
    if (block < this.range.from || block >= this.range.to) {
      const y = model.heights.top(block);
      const over = this.overscan();
      this.setWindow({ from: model.heights.blockAt(Math.max(0, y - over)), to: Math.min(model.positions.count, model.heights.blockAt(y + viewport + over) + 1) }, false);
    }
    const view = this.view!;
    const pos = model.positions.toPos(offset) - model.positions.blockPos(this.range.from);
    const rootTop = this.root.getBoundingClientRect().top;
    const coords = view.coordsAtPos(pos, 1);
    const visible = coords.top >= rootTop && coords.bottom <= rootTop + viewport;
    if (always || !visible) this.scrollTo(this.root.scrollTop + coords.top - rootTop - viewport * 0.25);
    const next = this.wantedWindow();
    if (next) this.setWindow(next, true);
    this.schedule();
  }

  // -------------------------------------------------------------------------------------------
  // Per-frame work: width changes, window moves, stripes

  private schedule(): void {
    if (this.frameRequest || !this.view) return;
    this.frameRequest = requestAnimationFrame(() => {
      this.frameRequest = 0;
      this.onFrame();
    });
  }

  /** Whether ProseMirror's selection is the one the browser shows (it reads the browser's on
   *  the next selectionchange event, after a drag or a click). */
  private selectionRead(): boolean {
    const view = this.view;
    const dom = view?.dom.ownerDocument.getSelection();
    if (!view || !view.hasFocus() || !dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return true;
    try {
      const { anchor, head } = view.state.selection;
      return view.posAtDOM(dom.anchorNode, dom.anchorOffset) === anchor && view.posAtDOM(dom.focusNode, dom.focusOffset) === head;
    } catch {
      return true;
    }
  }

  /** Not laid out: the reader's pane is hidden while an analysis view shows. Its frame work
   *  waits; the resize observer schedules a frame when it is shown again. */
  private isHidden(): boolean {
    return this.root.clientHeight === 0 || this.column.clientWidth === 0;
  }

  private onFrame(): void {
    const { model, view } = this;
    if (!model || !view || this.isHidden()) return;
    if (this.pendingCodings && !this.pointerDown) this.setCodings(this.pendingCodings);
    const width = this.column.clientWidth;
    if (width !== this.width && width > 0) {
      this.width = width;
      const anchor = this.captureAnchor();
      model.metrics = this.probeMetrics();
      this.estimateHeights(true);
      this.layout(anchor);
    }
    const next = this.wantedWindow();
    if (next) this.setWindow(next, true);
    this.drawStripes();
    this.reportScroll();
  }

  private lastScrollTop = -1;
  /** The scroll position the user (or the reader itself) last set, to undo the browser's own
   *  scroll when the editable gets focus from Tab or element.focus(). */
  private knownScrollTop = 0;

  private scrollTo(top: number): void {
    this.root.scrollTop = top;
    this.knownScrollTop = this.root.scrollTop;
  }

  /** Tell the shell which code point is at the top of the viewport, when it has moved. */
  private reportScroll(): void {
    const { model, view } = this;
    const report = this.options.onScrolled;
    if (!model || !view || !report || this.isHidden() || this.root.scrollTop === this.lastScrollTop) return;
    this.lastScrollTop = this.root.scrollTop;
    report(this.offsetAtViewportTop() ?? model.positions.toOffset(model.positions.blockPos(this.range.from)));
  }

  private drawStripes(): void {
    const { model, view } = this;
    if (!model || !view) return;
    const { positions, heights, codings } = model;
    const y = this.scrollY();
    const regionTop = Math.max(0, y - STRIPE_MARGIN);
    const regionBottom = y + this.viewportHeight() + STRIPE_MARGIN;
    const first = Math.max(this.range.from, heights.blockAt(regionTop));
    const last = Math.min(this.range.to - 1, heights.blockAt(regionBottom));
    if (first > last) {
      this.stripes.clear();
      return;
    }
    const base = positions.blockPos(this.range.from);
    const columnTop = this.column.getBoundingClientRect().top;
    const firstOffset = positions.blockStart(first);
    const lastOffset = positions.blockEnd(last);
    const inputs: StripeInput[] = [];
    for (const coding of codings.inBlocks(first, last + 1)) {
      const top = coding.start >= firstOffset ? view.coordsAtPos(positions.toPos(coding.start, 1) - base, 1).top - columnTop : regionTop;
      const bottom = coding.end <= lastOffset ? view.coordsAtPos(positions.toPos(coding.end, -1) - base, -1).bottom - columnTop : regionBottom;
      inputs.push({ id: coding.id, codeId: coding.codeId, codeName: coding.codeName, color: coding.color, start: coding.start, top, bottom: Math.max(bottom, top + 2) });
    }
    this.stripes.render(layoutStripes(inputs));
  }

  private applyEmphasis(): void {
    const ids = this.hovered ? [...this.external, ...this.hovered] : this.external;
    const codings = this.model?.codings;
    this.emphasis.set(ids, (id) => codings?.get(id)?.color);
  }
}
