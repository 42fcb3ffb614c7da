/**
 * The Review tab as a reviewer uses it: the compared coders, the agreement table, the queue of
 * places, the choices on one place, comments, blind coding and the review's exports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export class ReviewPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByRole('region', { name: 'Review', exact: true });
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Review' }).click();
    await expect(this.view).toBeVisible();
  }

  /** Agreement, Places or Decision log. */
  async section(name: 'Agreement' | 'Places' | 'Decision log'): Promise<void> {
    await this.view.getByRole('tablist', { name: 'Review section' }).getByRole('tab', { name }).click();
  }

  /** The compared coders' picker summary (e.g. "2 compared coders"). */
  get comparedCoders(): Locator {
    return this.view.getByLabel('Compared coders').first();
  }

  get agreementTable(): Locator {
    return this.view.getByRole('table', { name: 'Agreement per code' });
  }

  /** One figure of the agreement table: the row of `code` ('overall' for the totals) under the column headed `column`. */
  async agreementFigure(code: string, column: string): Promise<string> {
    const table = this.agreementTable;
    const heads = await table.locator('thead th').allTextContents();
    const index = heads.findIndex((head) => head.trim() === column);
    expect(index, `column "${column}" in ${heads.join(' | ')}`).toBeGreaterThanOrEqual(0);
    const row = table.locator(`tr[data-code="${code}"]`);
    return ((await row.locator('th, td').nth(index).textContent()) ?? '').trim();
  }

  get places(): Locator {
    return this.view.getByRole('navigation', { name: 'Places' });
  }

  /** A place in the queue by the words of its stretch. */
  placeItem(text: string | RegExp): Locator {
    return this.places.locator('[data-place-item]').filter({ hasText: text });
  }

  async selectPlace(text: string | RegExp): Promise<void> {
    await this.placeItem(text).click();
    await expect(this.placeItem(text)).toHaveAttribute('aria-current', 'true');
  }

  get place(): Locator {
    return this.view.getByRole('article', { name: 'Place' });
  }

  /** The excerpt row of one coder (or 'Consensus'). */
  excerptRow(label: string): Locator {
    return this.place.locator(`.excerpt-row[data-row="${label}"]`);
  }

  /** The highlighted runs of a coder's excerpt row, as one string per run. */
  async highlighted(label: string): Promise<string[]> {
    return this.excerptRow(label).locator('span[data-start][style]').allTextContents();
  }

  /** Select `quote` inside one coder's excerpt row, as a mouse would (a DOM selection over its text). */
  async selectInRow(label: string, quote: string): Promise<void> {
    const found = await this.excerptRow(label)
      .locator('[data-excerpt-row]')
      .evaluate((root, quote) => {
        const nodes: Text[] = [];
        const starts: number[] = [];
        let all = '';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          starts.push(all.length);
          nodes.push(node as Text);
          all += (node as Text).data;
        }
        const at = all.indexOf(quote);
        if (at < 0) return false;
        const locate = (offset: number, preferEnd: boolean): [Text, number] => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            if (offset > starts[i]! || (!preferEnd && offset === starts[i])) return [nodes[i]!, offset - starts[i]!];
          }
          return [nodes[0]!, 0];
        };
        const [startNode, startOffset] = locate(at, false);
        const [endNode, endOffset] = locate(at + quote.length, true);
        document.getSelection()!.setBaseAndExtent(startNode, startOffset, endNode, endOffset);
        return true;
      }, quote);
    expect(found, `"${quote}" should be in ${label}'s row`).toBe(true);
  }

  get reason(): Locator {
    return this.place.getByRole('textbox', { name: 'Reason' });
  }

  decide(name: string | RegExp): Locator {
    return this.place.getByRole('region', { name: 'Decide' }).getByRole('button', { name });
  }

  get decision(): Locator {
    return this.place.getByRole('region', { name: 'Decision', exact: true });
  }

  async comment(body: string): Promise<void> {
    const thread = this.place.getByRole('region', { name: 'Comments' });
    await thread.getByRole('textbox', { name: 'Comment' }).fill(body);
    await thread.getByRole('button', { name: 'Comment' }).click();
    await expect(thread.locator('.comment-thread')).toContainText(body);
  }

  statusFilter(status: 'Unreviewed' | 'Agreed' | 'Disputed' | 'Resolved'): Locator {
    return this.view.getByRole('group', { name: 'Status filter' }).getByRole('button', { name: new RegExp(`^${status}`) });
  }

  /** Run one of the review's exports and return the saved file's text (browser mode: a download). */
  async exportText(item: string, dir: string): Promise<string> {
    await this.view.getByRole('button', { name: 'Export ▾' }).click();
    const download = this.page.waitForEvent('download', { timeout: 15_000 });
    await this.page.getByRole('menu', { name: 'Review exports' }).getByRole('menuitem', { name: item }).click();
    const saved = await download;
    const file = path.join(dir, saved.suggestedFilename());
    await saved.saveAs(file);
    return readFileSync(file, 'utf8');
  }

  get blindToggle(): Locator {
    return this.view.getByRole('checkbox', { name: 'Blind coding' });
  }

  get endBlind(): Locator {
    return this.view.getByRole('button', { name: 'End blind coding and open the review' });
  }
}
