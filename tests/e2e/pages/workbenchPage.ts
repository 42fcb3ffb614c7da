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
   * Select `quote` (its `occurrence`-th appearance) in the reader as a mouse would: a DOM
   * selection over the rendered text, which ProseMirror reads into its own selection.
   */
  async selectText(quote: string, occurrence = 1): Promise<void> {
    await this.text.focus();
    const found = await this.text.evaluate(
      (root, { quote, occurrence }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          // Coder initials and other widgets are not document text.
          acceptNode: (node) => (node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const nodes: Text[] = [];
        let all = '';
        const starts: number[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          starts.push(all.length);
          nodes.push(node as Text);
          all += (node as Text).data;
        }
        let at = -1;
        for (let i = 0; i < occurrence; i++) at = all.indexOf(quote, at + 1);
        if (at < 0) return false;
        const locate = (offset: number, preferEnd: boolean): [Text, number] => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            const start = starts[i]!;
            if (offset > start || (!preferEnd && offset === start)) return [nodes[i]!, offset - start];
          }
          return [nodes[0]!, 0];
        };
        const [startNode, startOffset] = locate(at, false);
        const [endNode, endOffset] = locate(at + quote.length, true);
        const selection = document.getSelection()!;
        selection.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
        return true;
      },
      { quote, occurrence },
    );
    expect(found, `"${quote}" should be in the reader`).toBe(true);
    // Wait until the workbench has this selection, not merely a selection.
    await expect(this.page.getByTestId('selection-info')).toHaveText(`${[...quote].length} characters`);
  }

  /**
   * Select `quote` with the mouse: press at the left edge of its first character, drag to the
   * right edge of its last, release. The positions are read from the rendered text; the
   * selection itself is made by real mouse events.
   */
  async dragSelect(quote: string, occurrence = 1): Promise<void> {
    // Read positions from a settled frame: a coding that just landed redraws the text around it.
    await this.page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const ends = await this.text.evaluate(
      (root, { quote, occurrence }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
          acceptNode: (node) => (node.parentElement?.closest('[contenteditable="false"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
        });
        const nodes: Text[] = [];
        const starts: number[] = [];
        let all = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          starts.push(all.length);
          nodes.push(node as Text);
          all += (node as Text).data;
        }
        let at = -1;
        for (let i = 0; i < occurrence; i++) at = all.indexOf(quote, at + 1);
        if (at < 0) return null;
        const charRect = (offset: number): { left: number; right: number; y: number } => {
          let i = nodes.length - 1;
          while (i > 0 && starts[i]! > offset) i--;
          const range = document.createRange();
          range.setStart(nodes[i]!, offset - starts[i]!);
          range.setEnd(nodes[i]!, offset - starts[i]! + 1);
          const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { left: rect.left, right: rect.right, y: rect.top + rect.height / 2 };
        };
        nodes[0]?.parentElement?.scrollIntoView({ block: 'nearest' });
        const first = charRect(at);
        const last = charRect(at + quote.length - 1);
        return { from: { x: first.left + 0.5, y: first.y }, to: { x: last.right - 0.5, y: last.y } };
      },
      { quote, occurrence },
    );
    expect(ends, `"${quote}" should be in the reader`).not.toBeNull();
    await this.page.mouse.move(ends!.from.x, ends!.from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((ends!.from.x + ends!.to.x) / 2, ends!.to.y, { steps: 4 });
    await this.page.mouse.move(ends!.to.x, ends!.to.y, { steps: 4 });
    await this.page.mouse.up();
    await expect(this.page.getByTestId('selection-info')).toHaveText(`${[...quote].length} characters`);
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
