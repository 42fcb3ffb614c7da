/**
 * The whole coding loop without a mouse: open a document, find a word, code it, move to a
 * coding, open it, write its memo, remove it, and jump to a segment from the Segments view.
 * Every step is a key press; the test asserts what the project file holds.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const PAPER = [
  'Russia and the South Caucasus',
  '',
  'Moscow kept both sides dependent on its arms and its mediation, and it managed the conflict rather than ending it.',
  '',
  'After the war Baku tested the limits of the peacekeeping contingent with salami tactics.',
  '',
].join('\n');

/** Press Tab until `where` holds for the focused element (as a keyboard user would). */
async function tabUntil(page: Page, where: (element: Element) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(`(${where.toString()})(document.activeElement)`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}`);
}

test('keyboard only: open, find, code, open the coding, write its memo, remove it, jump to a segment', async ({ service, sourceFile, page }) => {
  const file = sourceFile('paper.txt', PAPER);
  await service.run('documents.import', { fileName: 'paper.txt', data: new Uint8Array((await import('node:fs')).readFileSync(file)) });
  await page.reload();
  const keys = page.keyboard;

  // Who is coding: the prompt's field has the focus.
  await expect(page.getByRole('dialog', { name: 'Who is coding?' })).toBeVisible();
  await keys.type('Ani');
  await keys.press('Enter');
  await expect(page.getByTestId('current-coder')).toContainText('Ani');

  // Open the document from the list.
  await tabUntil(page, (element) => element.getAttribute('role') === 'option', 'the documents list');
  await keys.press('Enter');
  await expect(page.locator('.reader-header h1')).toHaveText('paper');
  await tabUntil(page, (element) => element.closest('.ProseMirror') !== null, 'the reader');

  // Find a word; closing the find bar selects it, and the palette codes it.
  await keys.press('ControlOrMeta+F');
  await keys.type('salami tactics');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await keys.press('Escape');
  await expect(page.getByTestId('selection-info')).toHaveText('14 characters');
  await keys.press('ControlOrMeta+K');
  await keys.type('Azerbaijani strategy/salami tactics');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => [s.code, s.text])).toEqual([['Azerbaijani strategy/salami tactics', 'salami tactics']]);

  await keys.press('ControlOrMeta+F');
  await keys.press('ControlOrMeta+A');
  await keys.type('both sides dependent');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await keys.press('Escape');
  await keys.press('ControlOrMeta+K');
  await keys.type('Russian policy/dependence');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(2);

  // From the top, to the first coding; Enter opens it; its memo is written; Escape closes.
  await keys.press('ControlOrMeta+Home');
  await keys.press('Alt+ArrowDown');
  await expect(page.getByTestId('reader-announcement')).toContainText('Russian policy/dependence, coded by Ani');
  await keys.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Codings here' });
  await expect(popover).toBeVisible();
  await tabUntil(page, (element) => element.tagName === 'TEXTAREA', 'the coding memo');
  await keys.type('dependence is the lever');
  await keys.press('Escape');
  await expect(popover).toBeHidden();
  await expect.poll(async () => (await service.run('codings.list', { code: 'Russian policy/dependence' }))[0]?.memo).toBe('dependence is the lever');

  // Open it again with the context-menu key and remove it.
  await keys.press('Shift+F10');
  await expect(popover).toBeVisible();
  await tabUntil(page, (element) => element.textContent === 'Remove', 'Remove');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.code)).toEqual(['Azerbaijani strategy/salami tactics']);
  await keys.press('Escape');

  // The Segments view, its first segment, and back in the reader on that passage.
  await keys.press('Alt+Shift+2');
  const segments = page.getByRole('region', { name: 'Segments', exact: true });
  await expect(segments).toBeVisible();
  await tabUntil(page, (element) => element.classList.contains('segment-item'), 'a segment');
  await keys.press('Enter');
  await expect(page.getByTestId('selection-info')).toHaveText('14 characters');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ProseMirror') !== null)).toBe(true);
});
