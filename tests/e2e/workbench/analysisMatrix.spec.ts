/**
 * From a matrix cell to the passage in the reader: the cell lists its segments, and a click on
 * one opens its document with the passage selected.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { utf8 } from '../../support/project.js';
import { expect, test } from './fixtures.js';

const FIRST = 'Russia and Turkey\n\nRussia chose pivotal containment over open alliance. Turkey backed Azerbaijan throughout the war.\n\nLater, Russia kept its peacekeepers in place.\n';
const SECOND = 'Armenia after 2020\n\nYerevan looked to Moscow for security guarantees. Moscow offered little.\n';

test('a matrix cell lists its segments, and a segment opens in the reader selected', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'first.txt', data: utf8(FIRST) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Russia/containment', color: '#D62728' });
  await service.run('codes.add', { path: 'Security', color: '#1F77B4' });
  await service.run('codings.apply', { document: 'first', code: 'Russia/containment', coder: 'Ani', quote: 'pivotal containment' });
  await service.run('codings.apply', { document: 'first', code: 'Russia/containment', coder: 'Ani', quote: 'kept its peacekeepers in place' });
  await service.run('codings.apply', { document: 'second', code: 'Security', coder: 'Ani', quote: 'security guarantees' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(workbench.page);
  await analysis.open('Matrix');
  await expect(analysis.matrixCell('first', 'Russia/containment')).toHaveText('2');
  await expect(analysis.matrixCell('second', 'Security')).toHaveText('1');

  await analysis.matrixCell('first', 'Russia/containment').click();
  const listed = analysis.segmentsIn('Cell segments');
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(1)).toContainText('Later, Russia kept its peacekeepers in place.');
  await expect(listed.nth(1).locator('strong')).toHaveText('kept its peacekeepers in place');

  await listed.nth(1).click();
  await expect(workbench.page.getByRole('tab', { name: 'Reader', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(workbench.page.locator('.reader-header h1')).toHaveText('first');
  await expect(workbench.page.getByTestId('selection-info')).toHaveText(`${'kept its peacekeepers in place'.length} characters`);
  expect(await workbench.page.evaluate(() => document.getSelection()?.toString())).toBe('kept its peacekeepers in place');
});
