/**
 * Search, auto-code preview, apply and undo: keyword-in-context hits, a preview of what would be
 * coded into a new code, one undoable action that Ctrl+Z takes back whole.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { utf8 } from '../../support/project.js';
import { expect, test } from './fixtures.js';

const FIRST = 'Russia and Turkey\n\nRussia chose pivotal containment. Turkey backed Azerbaijan throughout the war.\n\nLater, Turkey sent drones and advisers.\n';
const SECOND = 'Armenia after 2020\n\nYerevan looked to Moscow for guarantees. Turkey watched from Ankara.\n';

test('search shows hits in context; auto-coding is previewed, applied as one action and undone', async ({ workbench, service }) => {
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

test('a bare word that finds nothing offers its prefix; auto-coding extends or skips what the coder already coded, and the preview says which', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'first.txt', data: utf8(FIRST) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  const turkey = await service.run('codes.add', { path: 'Actors/Turkey' });
  // Ani coded "Turkey backed" (the sentence around it overlaps it) and the whole "Later, …" sentence (its hit is inside).
  const backed = await service.run('codings.apply', { document: 'first', code: 'Actors/Turkey', coder: 'Ani', quote: 'Turkey backed', memo: 'kept' });
  const later = await service.run('codings.apply', { document: 'first', code: 'Actors/Turkey', coder: 'Ani', quote: 'Later, Turkey sent drones and advisers.' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(workbench.page);
  const view = await analysis.open('Search');
  await view.getByLabel('Search query').click();
  await workbench.page.keyboard.type('Turk');
  await workbench.page.keyboard.press('Enter');
  await expect(view.getByTestId('search-summary')).toHaveText('0 hits in 0 documents');
  await view.getByRole('button', { name: 'Turk*' }).click();
  await expect(view.getByLabel('Search query')).toHaveValue('Turk*');
  await expect(analysis.kwicRows).toHaveCount(4);

  const panel = analysis.autocode;
  await panel.getByLabel('Auto-code code').selectOption(turkey.id);
  await panel.getByRole('radio', { name: 'sentence' }).click();
  await panel.getByRole('button', { name: 'Preview' }).click();
  const preview = panel.getByTestId('autocode-preview');
  await expect(preview).toContainText('4 hits in 2 documents → 3 passages to code as “Actors/Turkey”');
  await expect(preview.getByRole('list', { name: 'What auto-coding does' }).getByRole('listitem')).toHaveText(['2 new codings', '1 existing coding extended', '1 hit already coded, skipped']);
  await expect(preview.locator('[data-action="extend"]')).toContainText('extends an existing coding');
  await expect(preview.locator('[data-action="extend"]')).toContainText('Turkey backed Azerbaijan throughout the war.');
  // The hits that touch Ani's codings are marked in the list, in words.
  await expect(analysis.kwicRows.filter({ hasText: 'extends a coding' })).toHaveCount(1);
  await expect(analysis.kwicRows.filter({ hasText: 'extends a coding' })).toContainText('backed Azerbaijan');
  await expect(analysis.kwicRows.filter({ hasText: 'already coded, skipped' })).toHaveCount(1);
  await expect(analysis.kwicRows.filter({ hasText: 'already coded, skipped' })).toContainText('sent drones');
  expect(await service.run('codings.list', {})).toHaveLength(2);

  await panel.getByRole('button', { name: 'Apply' }).click();
  await expect(workbench.page.getByRole('status').filter({ hasText: 'Auto-coded 3 passages as “Actors/Turkey”, 1 existing coding extended' })).toBeVisible();
  // The project file: the overlapped coding grew (same id, memo kept), the covered one is untouched, two are new; none stacked.
  await expect.poll(async () => (await service.run('codings.list', { code: 'Actors/Turkey' })).length).toBe(4);
  const codings = await service.run('codings.list', { code: 'Actors/Turkey', coder: 'Ani' });
  expect(codings.map((s) => [s.documentTitle, s.text])).toEqual([
    ['first', 'Russia and Turkey'],
    ['first', 'Turkey backed Azerbaijan throughout the war.'],
    ['first', 'Later, Turkey sent drones and advisers.'],
    ['second', 'Turkey watched from Ankara.'],
  ]);
  expect(codings[1]).toMatchObject({ id: backed.id, memo: 'kept' });
  expect(codings[2]).toMatchObject({ id: later.id, start: later.start, end: later.end });
});
