/**
 * Pictures of the analysis views on the five corpus papers with a realistic coding set and
 * realistically long code names, at 1280×800 (a laptop): the matrix with one cell's segments is
 * saved to docs/matrix.png, the others to test-results/analysis-screens/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AnalysisPage } from '../pages/analysisPage.js';
import { corpusDir, hasShared, repoRoot, SHARED_MISSING } from '../../support/paths.js';
import { expect, test } from './fixtures.js';

const CODES: [path: string, color: string, query: string, coder: string][] = [
  ['Russian policy/pivotal containment of both sides', '#D62728', 'containment', 'Ani Hakobyan'],
  ['Russian policy/peacekeeping mission in Nagorno-Karabakh', '#FF7F0E', 'peacekeep*', 'Ben Aliyev'],
  ['Russian policy/balancing between Baku and Yerevan', '#1F77B4', 'balanc*', 'Ani Hakobyan'],
  ['Security/CSTO obligations towards Armenia', '#8C564B', 'CSTO', 'Ben Aliyev'],
  ['Turkey/military intervention on Azerbaijan’s side', '#2CA02C', 'NEAR(Turkey support, 6)', 'Ani Hakobyan'],
  ['Turkey/drones', '#17BECF', 'drone*', 'Ben Aliyev'],
  ['Ukraine war as a distraction for Moscow', '#9467BD', 'Ukraine', 'Ani Hakobyan'],
  ['Sanctions', '#BCBD22', 'sanction*', 'Ben Aliyev'],
];

test.use({ projectName: 'Karabakh war study' });

test('screenshots of the analysis views', async ({ workbench, service, shell }) => {
  test.skip(!hasShared, SHARED_MISSING);
  test.skip(shell !== 'browser', 'the screenshots are taken in browser mode');
  test.setTimeout(120_000);
  const page = workbench.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const file of readdirSync(corpusDir).sort()) await service.run('documents.import', { fileName: file, data: new Uint8Array(readFileSync(path.join(corpusDir, file))) });
  for (const [i, [code, color, query, coder]] of CODES.entries()) {
    await service.run('codes.add', { path: code, color });
    await service.run('search.autocodeApply', { query, code, coder, scope: i % 2 === 0 ? 'word' : 'sentence' });
  }
  const years: Record<string, string> = { aliyev: '2023', gadimova: '2022', jovic: '2021', moscow: '2024', vardazaryan: '2021' };
  for (const document of await service.run('documents.list', {})) {
    const key = Object.keys(years).find((k) => document.title.startsWith(k));
    if (key) await service.run('attributes.set', { document: document.id, attribute: 'year', value: years[key]! });
  }

  await page.reload();
  await workbench.startAs('Ani Hakobyan');
  const analysis = new AnalysisPage(page);
  const out = (name: string): string => path.join(repoRoot, 'test-results', 'analysis-screens', `${name}.png`);

  await analysis.open('Matrix');
  await analysis.matrixCell('vardazaryan-armenia-russia-after-second-karabakh-war', 'Russian policy/pivotal containment of both sides').click();
  await expect(analysis.segmentsIn('Cell segments').first()).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'matrix.png') });
  await page.getByRole('radio', { name: 'Coverage %' }).click();
  await page.screenshot({ path: out('matrix-coverage') });

  await analysis.open('Segments');
  await page.getByLabel('Code', { exact: true }).selectOption({ label: 'Russian policy' });
  await expect(page.getByTestId('segments-count')).toContainText('segment');
  await page.screenshot({ path: out('segments') });

  const cooc = await analysis.open('Co-occurrence');
  await cooc.getByRole('radio', { name: 'Same paragraph' }).click();
  const first = cooc.locator('tbody .heat-cell button').first();
  if (await first.count()) await first.click();
  await page.screenshot({ path: out('cooccurrence') });

  const search = await analysis.open('Search');
  await search.getByLabel('Search query').fill('Russia*');
  await search.getByLabel('Search query').press('Enter');
  await expect(analysis.kwicRows.first()).toBeVisible();
  await analysis.autocode.getByLabel('New code path').fill('Actors/Russia');
  await analysis.autocode.getByRole('button', { name: 'Preview' }).click();
  await expect(analysis.autocode.getByTestId('autocode-preview')).toBeVisible();
  await page.screenshot({ path: out('search') });

  for (const view of ['Attributes', 'Charts', 'Side by side'] as const) {
    await analysis.open(view);
    await page.waitForTimeout(600);
    await page.screenshot({ path: out(view.toLowerCase().replace(/ /g, '-')) });
  }
});
