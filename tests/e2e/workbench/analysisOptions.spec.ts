/**
 * The analysis views keep the researcher's choices: change tabs, reload the window, and the
 * Matrix's roll-up, "hide uncoded codes", measure, rows and coder, Co-occurrence's scope, the
 * Segments filters, Side by side's code and the Charts' choice are as they were left.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { utf8 } from '../../support/project.js';
import { expect, test } from './fixtures.js';

const FIRST = 'Russia and Turkey\n\nRussia chose pivotal containment over open alliance. Turkey backed Azerbaijan throughout the war.\n\nLater, Russia kept its peacekeepers in place.\n';
const SECOND = 'Armenia after 2020\n\nYerevan looked to Moscow for security guarantees. Moscow offered little.\n';

test('analysis options survive a change of tab and a reload', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'first.txt', data: utf8(FIRST) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Russia/containment', color: '#D62728' });
  await service.run('codes.add', { path: 'Russia/peacekeeping', color: '#FF7F0E' });
  await service.run('codes.add', { path: 'Security', color: '#1F77B4' });
  await service.run('codes.add', { path: 'Unused', color: '#BCBD22' });
  await service.run('codings.apply', { document: 'first', code: 'Russia/containment', coder: 'Ani', quote: 'pivotal containment' });
  await service.run('codings.apply', { document: 'first', code: 'Russia/peacekeeping', coder: 'Bob', quote: 'kept its peacekeepers in place' });
  await service.run('codings.apply', { document: 'second', code: 'Security', coder: 'Ani', quote: 'security guarantees' });
  await service.run('attributes.set', { document: 'first', attribute: 'year', value: '2021' });
  await service.run('attributes.set', { document: 'second', attribute: 'year', value: '2023' });

  const page = workbench.page;
  await page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(page);

  // Matrix: roll sub-codes up into parents, show uncoded codes, coverage, rows by year, Bob only.
  let matrix = await analysis.open('Matrix');
  const rollUp = matrix.getByLabel('count sub-codes in parents');
  const hideUncoded = matrix.getByLabel('hide uncoded codes');
  await expect(rollUp).not.toBeChecked();
  await expect(hideUncoded).toBeChecked();
  await rollUp.click();
  await hideUncoded.click();
  await matrix.getByRole('radio', { name: 'Per 1,000 words' }).click();
  await matrix.getByLabel('Rows').selectOption({ label: 'by year' });
  await matrix.getByLabel('Matrix coder').selectOption('Bob');
  const matrixTable = page.getByRole('table', { name: 'Code by document matrix' });
  const expectMatrixKept = async (): Promise<void> => {
    await expect(rollUp).toBeChecked();
    await expect(hideUncoded).not.toBeChecked();
    await expect(matrix.getByRole('radio', { name: 'Per 1,000 words' })).toHaveAttribute('aria-checked', 'true');
    await expect(matrix.getByLabel('Rows')).toHaveValue('year');
    await expect(matrix.getByLabel('Matrix coder')).toHaveValue('Bob');
    // What the figures show: rows by year, the unused code's column, Bob's peacekeeping rolled up into Russia.
    await expect(matrixTable.locator('tbody .row-head')).toHaveText([/^2021/, /^2023/]);
    await expect(matrixTable.getByRole('columnheader', { name: 'Unused' })).toBeVisible();
    await expect(analysis.matrixCell('2021', 'Russia')).toBeVisible();
  };
  await expectMatrixKept();

  // Co-occurrence: same paragraph.
  let cooccurrence = await analysis.open('Co-occurrence');
  await cooccurrence.getByRole('radio', { name: 'Same paragraph' }).click();

  // Segments: one code without its sub-codes, one coder.
  let segments = await analysis.open('Segments');
  await segments.getByLabel('Code', { exact: true }).selectOption({ label: 'Russia' });
  await segments.getByLabel('with sub-codes').click();
  await segments.getByLabel('Coders').first().click();
  await segments.getByRole('group', { name: 'Coders' }).getByLabel('Bob').check();
  await expect(segments.getByTestId('segments-count')).toHaveText('0 segments');
  await segments.getByLabel('with sub-codes').click();
  await expect(segments.getByTestId('segments-count')).toHaveText('1 segment');

  // Side by side: Security rather than the default code.
  let sideBySide = await analysis.open('Side by side');
  await sideBySide.getByLabel('Side by side code').selectOption({ label: 'Security' });
  await expect(sideBySide.locator('.column-head strong')).toHaveText(['second']);

  // Charts: codes by document.
  let charts = await analysis.open('Charts');
  await charts.getByRole('radio', { name: 'Codes by document' }).click();

  const expectAllKept = async (): Promise<void> => {
    matrix = await analysis.open('Matrix');
    await expectMatrixKept();
    cooccurrence = await analysis.open('Co-occurrence');
    await expect(cooccurrence.getByRole('radio', { name: 'Same paragraph' })).toHaveAttribute('aria-checked', 'true');
    segments = await analysis.open('Segments');
    await expect(segments.getByLabel('Code', { exact: true })).toHaveValue((await service.run('codes.list', {})).find((c) => c.path === 'Russia')!.id);
    await expect(segments.getByLabel('with sub-codes')).toBeChecked();
    await expect(segments.getByTestId('segments-count')).toHaveText('1 segment');
    await expect(segments.locator('.segment-item')).toContainText('kept its peacekeepers in place');
    sideBySide = await analysis.open('Side by side');
    await expect(sideBySide.locator('.column-head strong')).toHaveText(['second']);
    charts = await analysis.open('Charts');
    await expect(charts.getByRole('radio', { name: 'Codes by document' })).toHaveAttribute('aria-checked', 'true');
  };

  // Through the Reader and back: every choice is where it was.
  await analysis.open('Reader');
  await expectAllKept();

  // And after a reload of the window.
  await page.reload();
  await expect(page.getByTestId('current-coder')).toContainText('Ani');
  await expectAllKept();
});
