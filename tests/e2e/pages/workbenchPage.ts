/**
 * The workbench as a researcher uses it: documents, reader, codebook, palette, memos, coders.
 * Specs talk to this page object, not to selectors.
 */
import { expect, type ElectronApplication, type Locator } from '@playwright/test';
import { stubImportDialog } from '../support/electronApp.js';
import type { GlossApp } from '../support/glossApp.js';

export class WorkbenchPage {
  constructor(
    readonly app: GlossApp,
    private readonly electronApp: ElectronApplication | undefined,
  ) {}

  get page() {
    return this.app.page;
  }

  /** The coder prompt appears on first start; answer it. */
  async startAs(coder: string): Promise<void> {
    await this.app.ready();
    const prompt = this.page.getByRole('dialog', { name: 'Who is coding?' });
    await prompt.getByLabel('Your name').fill(coder);
    await prompt.getByRole('button', { name: 'Start coding' }).click();
    await expect(prompt).toBeHidden();
    await expect(this.page.getByTestId('current-coder')).toContainText(coder);
  }

  async switchCoder(coder: string): Promise<void> {
    await this.page.getByTestId('current-coder').click();
    await this.startAsInPrompt(coder);
  }

  private async startAsInPrompt(coder: string): Promise<void> {
    const prompt = this.page.getByRole('dialog', { name: 'Who is coding?' });
    await prompt.getByLabel('Your name').fill(coder);
    await prompt.getByRole('button', { name: 'Start coding' }).click();
    await expect(this.page.getByTestId('current-coder')).toContainText(coder);
  }

  /** Import through the file picker: the page's file input, or Electron's native dialog. */
  async importThroughPicker(files: string[]): Promise<void> {
    if (this.electronApp) {
      await stubImportDialog(this.electronApp, files);
      await this.app.documentsPane.getByRole('button', { name: 'Import…' }).click();
    } else {
      const chooser = this.page.waitForEvent('filechooser');
      await this.app.documentsPane.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(files);
    }
    const report = this.app.documentsPane.getByRole('status');
    await expect(report.locator('[data-status="pending"]')).toHaveCount(0);
  }

  document(title: string | RegExp): Locator {
    return this.app.documentsPane.getByRole('option', { name: title });
  }

  async openDocument(title: string | RegExp): Promise<void> {
    await this.document(title).click();
    await expect(this.page.locator('.reader-header h1')).toContainText(title);
    await expect(this.app.reader.locator('.ProseMirror')).toBeVisible();
  }

  /** The reader's editable surface. */
  get text(): Locator {
    return this.app.reader.locator('.ProseMirror');
  }

  /**
   * Scroll the reader with the mouse wheel, as a reader would, until a passage is on screen:
   * `text` (its `occurrence`-th appearance in what is rendered) or a coding's highlight. The
   * reader renders only the blocks near its viewport, so text far down is not in the page until
   * it is scrolled to. Returns where the passage's first and last characters are on screen.
   */
  async scrollToText(wanted: { text: string; occurrence: number } | { coding: string }): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
    const box = await this.app.reader.boundingBox();
    expect(box, 'the reader should be on screen').not.toBeNull();
    await this.page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    let direction = 1;
    for (let turn = 0; turn < 400; turn++) {
      const where = await this.text.evaluate((root, wanted) => {
        const scroller = root.closest('.gloss-reader') as HTMLElement;
        const edges = { atEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2, atTop: scroller.scrollTop <= 0 };
        const view = scroller.getBoundingClientRect();
        const place = (first: DOMRect, last: DOMRect) => ({
          ...edges,
          found: true,
          visible: first.top >= view.top + 20 && last.bottom <= view.bottom - 60,
          below: first.top > view.top,
          points: { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 },
        });
        const missing = { ...edges, found: false, visible: false, below: false, points: null };
        if ('coding' in wanted) {
          const span = root.querySelector(`[data-coding-ids~="${wanted.coding}"]`);
          const rect = span ? (span.getClientRects()[0] ?? span.getBoundingClientRect()) : null;
          return rect ? place(rect, rect) : missing;
        }
        // The document's text, without coder initials and other widgets.
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const nodes: Text[] = [];
        const starts: number[] = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          starts.push(text.length);
          nodes.push(node as Text);
          text += (node as Text).data;
        }
        let at = -1;
        for (let i = 0; i < wanted.occurrence; i++) at = text.indexOf(wanted.text, at + 1);
        if (at < 0) return missing;
        const charRect = (offset: number): DOMRect => {
          let i = nodes.length - 1;
          while (i > 0 && starts[i]! > offset) i--;
          const range = document.createRange();
          range.setStart(nodes[i]!, offset - starts[i]!);
          range.setEnd(nodes[i]!, offset - starts[i]! + 1);
          // A character split across lines has several boxes: its first one.
          return range.getClientRects()[0] ?? range.getBoundingClientRect();
        };
        return place(charRect(at), charRect(at + wanted.text.length - 1));
      }, wanted);
      if (where.visible && where.points) return where.points;
      if (where.found) direction = where.below ? 1 : -1;
      else if (where.atEnd) direction = -1;
      else if (where.atTop) direction = 1;
      await this.page.mouse.wheel(0, direction * (where.found ? 200 : 700));
    }
    throw new Error(`${'coding' in wanted ? `Coding ${wanted.coding}` : `"${wanted.text}"`} was not found by scrolling the reader`);
  }

  /**
   * Select `quote` (its `occurrence`-th appearance) with the mouse: scroll to it, press at its
   * first character's left edge, drag to its last character's right edge, release. The page is
   * only read to find where the words are; the selection is made by real mouse events.
   */
  async selectText(quote: string, occurrence = 1): Promise<void> {
    const { x1, y1, x2, y2 } = await this.scrollToText({ text: quote, occurrence });
    const mouse = this.page.mouse;
    await mouse.move(x1, y1);
    await mouse.down();
    await mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
    await mouse.move(x2, y2, { steps: 4 });
    await mouse.up();
    // Wait until the workbench has this selection, not merely a selection.
    await expect(this.page.getByTestId('selection-info')).toHaveText(`${[...quote].length} ${[...quote].length === 1 ? 'character' : 'characters'}`);
  }

  async codeWithPalette(query: string, choice?: string | RegExp): Promise<void> {
    await this.app.openCommandPalette();
    const palette = this.app.palette;
    await expect(palette).toBeVisible();
    await palette.getByLabel('Code').fill(query);
    if (choice) await palette.getByRole('option', { name: choice }).first().click();
    else await this.page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  }

  /** Highlighted spans that carry the given coding. */
  highlightsOf(codingId: string): Locator {
    return this.text.locator(`[data-coding-ids~="${codingId}"]`);
  }

  /** The text the reader highlights for a coding, joined across its spans. */
  async highlightedText(codingId: string): Promise<string> {
    await this.scrollToText({ coding: codingId });
    return this.text.evaluate((root, id) => {
      const spans = [...root.querySelectorAll<HTMLElement>(`.gloss-seg[data-coding-ids~="${id}"]`)];
      // Nested spans (overlaps) would repeat text: keep only the outermost ones for this coding.
      return spans
        .filter((span) => !span.parentElement?.closest(`.gloss-seg[data-coding-ids~="${id}"]`))
        .map((span) => [...span.childNodes].filter((node) => !(node instanceof HTMLElement && node.closest('[contenteditable="false"]'))).map((node) => node.textContent).join(''))
        .join('');
    }, codingId);
  }

  codebookRow(path: string): Locator {
    return this.app.codebook.locator(`[data-code-path="${path}"]`);
  }

  /** The codebook's tree of codes (an ARIA tree). */
  get codeTree(): Locator {
    return this.app.codebook.getByRole('tree', { name: 'Codes' });
  }

  /** The details region of the code at `path`. */
  codeDetails(path: string): Locator {
    return this.page.getByRole('region', { name: `Code ${path}` });
  }

  /** The element that has keyboard focus. */
  get focused(): Locator {
    return this.page.locator(':focus');
  }

  /** The documents pane's listbox. */
  get documentList(): Locator {
    return this.app.documentsPane.getByRole('listbox', { name: 'Document list' });
  }

  /** An open row menu (codebook or documents). */
  get rowMenu(): Locator {
    return this.page.getByRole('menu');
  }

  /** Show a code's details (memo, merge, delete) in the codebook. */
  async openCodeDetails(path: string): Promise<void> {
    await this.codebookRow(path).click();
    await expect(this.app.codebook.getByLabel('Code memo')).toBeVisible();
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Shift+Z');
  }

  async showCoder(coder: string | null): Promise<void> {
    await this.page.getByLabel('Coder filter').selectOption(coder ?? '');
  }
}
