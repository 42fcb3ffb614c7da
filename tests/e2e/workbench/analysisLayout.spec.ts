/**
 * The heatmaps at a laptop's size (1280×800) with long code names: each column head shows its
 * leaf name in full with the whole path on hover, a wide table scrolls under a frozen first
 * column and a header that stays put, the Memos panel leaves every view tab on screen, and every
 * select in the workbench has the same look.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { utf8 } from '../../support/project.js';
import { expect, test } from './fixtures.js';

const LEAVES = [
  'pivotal containment of both sides',
  'peacekeeping mission in Nagorno-Karabakh',
  'balancing between Baku and Yerevan',
  'arms sales to both belligerents',
  'mediation of the November 2020 ceasefire',
  'guarantor of the Lachin corridor',
  'energy leverage over Yerevan',
  'CSTO obligations towards Armenia',
  'information campaigns in the Russian-language press',
  'relations with Turkey after the war',
  'sanctions evasion through the South Caucasus',
  'the Ukraine war as a distraction for Moscow',
];

function paper(n: number): string {
  const lines = [`Paper ${n}`, ''];
  for (const leaf of LEAVES) lines.push(`On ${leaf}, paper ${n} has a paragraph of its own.`, '');
  return lines.join('\n');
}

test('matrix and co-occurrence heads show leaf names in full, wide tables scroll under a frozen column, memos leave the tabs on screen', async ({ workbench, service }) => {
  const page = workbench.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  for (let n = 1; n <= 14; n++) await service.run('documents.import', { fileName: `paper-${String(n).padStart(2, '0')}.txt`, data: utf8(paper(n)) });
  for (const leaf of LEAVES) {
    await service.run('codes.add', { path: `Russian policy/${leaf}` });
    for (let n = 1; n <= 14; n++) await service.run('codings.apply', { document: `paper-${String(n).padStart(2, '0')}`, code: `Russian policy/${leaf}`, coder: 'Ani', quote: `On ${leaf}, paper ${n} has a paragraph` });
  }
  await page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(page);

  for (const [view, tableName] of [['Matrix', 'Code by document matrix'], ['Co-occurrence', 'Co-occurrence matrix']] as const) {
    await analysis.open(view);
    const table = page.getByRole('table', { name: tableName });
    // Each head: the leaf in full, never cut; the path on hover.
    const heads = table.locator('thead .col-head');
    await expect(heads).toHaveCount(LEAVES.length);
    for (const [i, leaf] of LEAVES.entries()) {
      const head = heads.nth(i);
      await expect(head).toHaveText(leaf);
      await expect(head).toHaveAttribute('title', `Russian policy/${leaf}`);
      const cut = await head.locator('.col-name').evaluate((name) => {
        const box = name.getBoundingClientRect();
        const cell = name.closest('th')!.getBoundingClientRect();
        return name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1 || box.top < cell.top - 1 || box.bottom > cell.bottom + 1 || box.left < cell.left - 1 || box.right > cell.right + 1;
      });
      expect(cut, `the head of “${leaf}” shows all of it`).toBe(false);
    }

    // Wide: scroll right with the wheel; the first column stays where it was, the last column comes into view.
    const scroller = table.locator('xpath=ancestor::div[contains(@class, "matrix-scroll")]');
    const firstRowHead = table.locator('tbody .row-head').first();
    const before = (await firstRowHead.boundingBox())!;
    const scrollBox = (await scroller.boundingBox())!;
    await page.mouse.move(scrollBox.x + scrollBox.width / 2, scrollBox.y + scrollBox.height / 2);
    await page.mouse.wheel(4000, 0);
    await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect((await firstRowHead.boundingBox())!.x).toBeCloseTo(before.x, 0);
    const lastHead = heads.last();
    await expect.poll(async () => {
      const box = (await lastHead.boundingBox())!;
      return box.x + box.width <= scrollBox.x + scrollBox.width + 1 && box.x >= before.x + before.width - 1;
    }).toBe(true);
    // Tall (the matrix has a row per paper): scroll down; the header row stays at the top of the table's box.
    if (view !== 'Matrix') continue;
    const headTop = (await heads.first().boundingBox())!.y;
    await page.mouse.wheel(0, 4000);
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
    expect((await heads.first().boundingBox())!.y).toBeCloseTo(headTop, 0);
    expect((await firstRowHead.boundingBox())!.x).toBeCloseTo(before.x, 0);
  }

  // The Memos panel open at 1280 px: every view tab is on screen and can be clicked.
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Memos' })).toBeVisible();
  const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  const strip = (await page.getByRole('tablist', { name: 'Views' }).boundingBox())!;
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x, `${await tab.textContent()} starts inside the tab strip`).toBeGreaterThanOrEqual(strip.x - 1);
    expect(box.x + box.width, `${await tab.textContent()} ends inside the tab strip and the window`).toBeLessThanOrEqual(Math.min(strip.x + strip.width, 1280) + 1);
  }
  await tabs.filter({ hasText: 'Review' }).click();
  await expect(page.getByRole('region', { name: 'Review', exact: true })).toBeVisible();
  await tabs.filter({ hasText: 'Charts' }).click();
  await expect(page.getByRole('region', { name: 'Charts', exact: true })).toBeVisible();
  await analysis.open('Matrix');
  await page.screenshot({ path: test.info().outputPath('memos-open.png') });

  // Every select has one look: the top bar's, the toolbars', the codebook's.
  await analysis.open('Matrix');
  await workbench.openCodeDetails('Russian policy/energy leverage over Yerevan');
  const looks = await page.locator('select:visible').evaluateAll((selects) =>
    selects.map((select) => {
      const style = getComputedStyle(select);
      return `${select.getAttribute('aria-label')}: ${style.appearance} ${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor} ${style.borderTopLeftRadius} ${style.backgroundColor} ${style.backgroundImage === 'none' ? 'no chevron' : 'chevron'} ${style.paddingLeft}`;
    }),
  );
  expect(looks.length).toBeGreaterThanOrEqual(4);
  const look = (line: string): string => line.slice(line.indexOf(': ') + 2);
  expect(looks.map(look), looks.join('\n')).toEqual(looks.map(() => look(looks[0]!)));
});
