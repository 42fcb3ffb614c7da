/**
 * axe-core on every main view of the workbench, each showing real content: the reader with a
 * document open and codings, the codebook with a code's details, every analysis tab and the
 * Review. No serious or critical violation (WCAG 2.x A and AA) is allowed anywhere.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { blockingViolations } from '../support/axe.js';
import { utf8 } from '../../support/project.js';
import { expect, test } from './fixtures.js';

const PAPER = [
  'Russia between Baku and Yerevan',
  '',
  'Russia chose pivotal containment of both sides over an open alliance. Turkey backed Azerbaijan throughout the war.',
  '',
  'Later, Russia kept its peacekeepers in place while the war in Ukraine drew its attention away.',
  '',
].join('\n');
const SECOND = 'Armenia after 2020\n\nYerevan looked to Moscow for security guarantees. Moscow offered little, and the CSTO did not act.\n';

test('every main view has no serious or critical accessibility violation', async ({ workbench, service }) => {
  test.setTimeout(240_000);
  await service.run('documents.import', { fileName: 'russia-between-baku-and-yerevan.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'armenia-after-2020.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Russian policy/pivotal containment of both sides', color: '#D62728' });
  await service.run('codes.add', { path: 'Russian policy/peacekeeping', color: '#FF7F0E' });
  await service.run('codes.add', { path: 'Security', color: '#1F77B4' });
  await service.run('codings.apply', { document: 'russia-between-baku-and-yerevan', code: 'Russian policy/pivotal containment of both sides', coder: 'Ani', quote: 'pivotal containment of both sides' });
  await service.run('codings.apply', { document: 'russia-between-baku-and-yerevan', code: 'Russian policy/peacekeeping', coder: 'Bob', quote: 'kept its peacekeepers in place' });
  await service.run('codings.apply', { document: 'russia-between-baku-and-yerevan', code: 'Russian policy/pivotal containment of both sides', coder: 'Bob', quote: 'Russia chose pivotal containment' });
  await service.run('codings.apply', { document: 'armenia-after-2020', code: 'Security', coder: 'Ani', quote: 'security guarantees' });
  await service.run('codings.apply', { document: 'russia-between-baku-and-yerevan', code: 'Security', coder: 'Bob', quote: 'containment of both sides over an open alliance' });
  await service.run('attributes.set', { document: 'armenia-after-2020', attribute: 'year', value: '2021' });
  await service.run('memos.create', { target: { kind: 'project' }, body: 'How does each paper frame Russia’s balancing?' });

  const page = workbench.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await workbench.startAs('Ani');
  const problems: Record<string, string[]> = {};
  const check = async (view: string): Promise<void> => {
    const found = await blockingViolations(page);
    if (found.length > 0) problems[view] = found;
  };

  // The reader with a document open and its codings painted; the codebook with a code's details.
  await workbench.openDocument('russia-between-baku-and-yerevan');
  await expect(workbench.text.locator('.gloss-seg').first()).toBeVisible();
  await workbench.openCodeDetails('Russian policy/peacekeeping');
  await check('Reader and codebook');

  // The Memos panel open beside them.
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await check('Memos');
  await page.getByRole('button', { name: 'Memos', exact: true }).click();

  const analysis = new AnalysisPage(page);
  await analysis.open('Segments');
  await expect(analysis.segmentsIn('Segments').first()).toBeVisible();
  await check('Segments');

  await analysis.open('Matrix');
  await analysis.matrixCell('russia-between-baku-and-yerevan', 'Russian policy/pivotal containment of both sides').click();
  await expect(analysis.segmentsIn('Cell segments').first()).toBeVisible();
  await check('Matrix');

  const cooccurrence = await analysis.open('Co-occurrence');
  await cooccurrence.locator('tbody .heat-cell button').first().click();
  await expect(page.getByRole('complementary', { name: 'Co-occurring passages' }).locator('.segment-item').first()).toBeVisible();
  await check('Co-occurrence');

  const sideBySide = await analysis.open('Side by side');
  await expect(sideBySide.locator('.segment-item').first()).toBeVisible();
  await check('Side by side');

  const search = await analysis.open('Search');
  await search.getByLabel('Search query').fill('Russia*');
  await search.getByLabel('Search query').press('Enter');
  await expect(analysis.kwicRows.first()).toBeVisible();
  await check('Search');

  const attributes = await analysis.open('Attributes');
  await expect(attributes.getByRole('table', { name: 'Document attributes' })).toBeVisible();
  await check('Attributes');

  for (const kind of ['Code frequencies', 'Codes by document', 'Where in a document']) {
    const charts = await analysis.open('Charts');
    await charts.getByRole('radio', { name: kind }).click();
    await expect(charts.getByTestId('chart').locator('canvas')).toBeVisible();
    await check(`Charts: ${kind}`);
  }

  await page.getByRole('tab', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review', exact: true });
  await expect(review).toBeVisible();
  for (const section of ['Agreement', 'Places', 'Decision log'] as const) {
    const tab = review.getByRole('tablist', { name: 'Review section' }).getByRole('tab', { name: section });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await check(`Review: ${section}`);
  }

  expect(problems).toEqual({});
});
