/**
 * Search, auto-code preview, apply and undo: keyword-in-context hits, a preview of what would be
 * coded into a new code, one undoable action that Ctrl+Z takes back whole.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { expect, test } from './fixtures.js';

const FIRST = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan throughout the war.\n\nLater, Turkey sent drones and advisers.\n';
const SECOND = 'Armenia after 2020\n\nYerevan looked to Moscow for guarantees. Turkey watched from Ankara.\n';

test('search shows hits in context; auto-coding is previewed, applied as one action and undone', async ({ workbench, service }) => {
  const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
  await service.run('documents.import', { fileName: 'first.txt', data: utf8(FIRST) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Actors/Russia' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(workbench.page);
  const view = await analysis.open('Search');
  await view.getByLabel('Search query').fill('turkey');
  await view.getByLabel('Search query').press('Enter');
  await expect(analysis.kwicRows).toHaveCount(4);
  await expect(analysis.kwicRows.first().locator('.kwic-hit')).toHaveText('Turkey');
  await expect(view.getByTestId('search-summary')).toHaveText('4 hits in 2 documents');

  const panel = analysis.autocode;
  await panel.getByLabel('Auto-code code').selectOption({ label: 'New code…' });
  await panel.getByLabel('New code path').fill('Actors/Turkey');
  await panel.getByRole('radio', { name: 'sentence' }).click();
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByTestId('autocode-preview')).toContainText('4 hits in 2 documents → 4 passages to code as “Actors/Turkey”');
  expect(await service.run('codings.list', {})).toHaveLength(0);

  const historyBefore = (await service.run('history.list', {})).length;
  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await service.run('codings.list', { code: 'Actors/Turkey' })).length).toBe(4);
  const history = await service.run('history.list', {});
  // codes.add for the new code, then the auto-coding: one event for every coding.
  expect(history.length - historyBefore).toBe(2);
  expect(history.some((entry) => /^Auto-code 4 passages matching "turkey"/.test(entry.summary))).toBe(true);
  const texts = (await service.run('codings.list', { code: 'Actors/Turkey' })).map((s) => s.text);
  expect(texts).toContain('Turkey backed Azerbaijan throughout the war.');
  await expect(workbench.page.getByRole('status').filter({ hasText: 'Auto-coded 4 passages' })).toBeVisible();

  await workbench.page.locator('body').click({ position: { x: 5, y: 5 } });
  await workbench.undo();
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(0);
  // The statusbar's counts follow: the workbench reloaded.
  await expect(workbench.page.locator('.statusbar')).toContainText('0 codings');
});
