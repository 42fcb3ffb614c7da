/**
 * The analysis views in the centre pane (Segments, Matrix, Co-occurrence, Search, …): specs talk
 * to this page object, not to selectors.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class AnalysisPage {
  constructor(readonly page: Page) {}

  async open(view: 'Reader' | 'Segments' | 'Matrix' | 'Co-occurrence' | 'Side by side' | 'Search' | 'Attributes' | 'Charts'): Promise<Locator> {
    await this.page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: view, exact: true }).click();
    if (view === 'Reader') return this.page.getByTestId('reader');
    const region = this.page.getByRole('region', { name: view, exact: true });
    await expect(region).toBeVisible();
    return region;
  }

  /** A matrix cell by its row label and column code path. */
  matrixCell(row: string, code: string): Locator {
    return this.page.getByRole('table', { name: 'Code by document matrix' }).getByRole('button', { name: new RegExp(`^${escape(row)} × ${escape(code)}: `) });
  }

  segmentsIn(list: string): Locator {
    return this.page.getByRole('list', { name: list }).locator('.segment-item');
  }

  get kwicRows(): Locator {
    return this.page.getByRole('list', { name: 'Search hits' }).locator('.kwic-row');
  }

  get autocode(): Locator {
    return this.page.getByRole('group', { name: 'Auto-code' });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
