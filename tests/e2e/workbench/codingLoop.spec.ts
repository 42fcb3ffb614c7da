/**
 * The loop a researcher repeats all day, with the mouse and the keyboard only: select, code,
 * select again, write memos, jump to a passage. Each test asserts what the project file holds.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const PAPER = [
  'Russia and the South Caucasus',
  '',
  'Moscow kept both sides dependent on its arms and its mediation, and it managed the conflict rather than ending it.',
  '',
  'After the war the peacekeeping contingent became the instrument of that policy, and Baku tested its limits with salami tactics.',
  '',
].join('\n');

test('a drag after clicking a code in the codebook selects only the new passage', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  const newCode = workbench.app.codebook.getByLabel('New code');
  await newCode.fill('dependence');
  await newCode.press('Enter');
  await newCode.fill('salami tactics');
  await newCode.press('Enter');

  await workbench.selectText('both sides dependent');
  await workbench.codebookRow('dependence').click();
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.text)).toEqual(['both sides dependent']);

  await workbench.selectText('salami tactics');
  await workbench.codebookRow('salami tactics').click();
  await expect.poll(async () => (await service.run('codings.list', { code: 'salami tactics' })).map((s) => s.text)).toEqual(['salami tactics']);
  expect((await service.run('codings.list', {})).length).toBe(2);
});

/** A long paper: the passage coded near its end is thousands of pixels below the first screen. */
function longPaper(): string {
  const paragraphs = ['A long study', ''];
  for (let i = 1; i <= 160; i++) paragraphs.push(`Paragraph ${i} discusses the mediation and the arms trade in ordinary terms, section ${i}.`, '');
  paragraphs.push('At the very end the author names the policy of pivotal containment outright.', '');
  return paragraphs.join('\n');
}

test('a coding memo is saved whether the popover is closed by Escape or by a click outside', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await workbench.selectText('both sides dependent');
  await workbench.codeWithPalette('dependence');
  await workbench.selectText('salami tactics');
  await workbench.codeWithPalette('salami tactics');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(2);
  const [dependence] = await service.run('codings.list', { code: 'dependence' });
  const [salami] = await service.run('codings.list', { code: 'salami tactics' });

  const popover = workbench.page.getByRole('dialog', { name: 'Codings here' });
  await workbench.highlightsOf(dependence!.id).first().click();
  await popover.getByLabel('Coding memo').click();
  await workbench.page.keyboard.type('leverage through arms');
  await workbench.page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect.poll(async () => (await service.run('codings.list', {})).find((s) => s.id === dependence!.id)?.memo).toBe('leverage through arms');

  await workbench.highlightsOf(salami!.id).first().click();
  await popover.getByLabel('Coding memo').click();
  await workbench.page.keyboard.type('Baku tests the limits');
  await workbench.app.codebook.click({ position: { x: 20, y: 300 } });
  await expect(popover).toBeHidden();
  await expect.poll(async () => (await service.run('codings.list', {})).find((s) => s.id === salami!.id)?.memo).toBe('Baku tests the limits');
  expect((await service.run('memos.list', {})).filter((memo) => memo.target.kind === 'coding')).toHaveLength(2);
});

test('typing fast in a code memo makes one memo, and Ctrl+Z undoes a spell of memo typing in one step', async ({ workbench, service }) => {
  await workbench.startAs('Ani');
  const newCode = workbench.app.codebook.getByLabel('New code');
  await newCode.fill('Terminology');
  await newCode.press('Enter');
  await workbench.codebookRow('Terminology').click();
  const field = workbench.page.getByLabel('Code memo');
  await field.click();
  await workbench.page.keyboard.type('Term', { delay: 0 });
  // A pause: the field saves what it has, and typing goes on in the same spell.
  await expect.poll(async () => (await service.run('memos.list', {})).map((memo) => memo.body)).toEqual(['Term']);
  await workbench.page.keyboard.type(' used by the authors themselves', { delay: 0 });
  await expect.poll(async () => (await service.run('memos.list', {})).map((memo) => memo.body)).toEqual(['Term used by the authors themselves']);

  // Ctrl+Z in the field is the field's own undo of its typing, not the project's.
  await workbench.page.keyboard.press('ControlOrMeta+Z');
  await expect(field).not.toHaveValue('Term used by the authors themselves');
  await workbench.page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(field).toHaveValue('Term used by the authors themselves');

  // Leave the field; the project's undo takes the whole spell of typing back at once.
  await workbench.page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => (await service.run('memos.list', {})).map((memo) => memo.body)).toEqual([]);
  await expect(field).toHaveValue('');
  expect((await service.run('codes.list', {})).map((code) => code.path)).toEqual(['Terminology']);
  await workbench.page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await service.run('memos.list', {})).map((memo) => memo.body)).toEqual(['Term used by the authors themselves']);
  await expect(field).toHaveValue('Term used by the authors themselves');
});

test('clicking a segment far down a paper opens it centred, selected, with focus in the reader; a reload comes back to it', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('long.txt', longPaper())]);
  const [paper] = await service.run('documents.list', {});
  await service.run('codes.add', { path: 'Russian policy/pivotal containment' });
  await service.run('codings.apply', { document: paper!.id, code: 'Russian policy/pivotal containment', coder: 'Ani', quote: 'policy of pivotal containment' });
  await workbench.openDocument('long');
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Segments', exact: true }).click();
  const item = page.getByRole('region', { name: 'Segments', exact: true }).locator('.segment-item').first();
  await item.click();

  const [segment] = await service.run('codings.list', {});
  const passage = workbench.highlightsOf(segment!.id).first();
  await expect(passage).toBeInViewport({ ratio: 1 });
  const centred = async (): Promise<number> => {
    const reader = (await page.locator('.gloss-reader').boundingBox())!;
    const box = (await passage.boundingBox())!;
    return Math.abs(box.y + box.height / 2 - (reader.y + reader.height / 2)) / reader.height;
  };
  await expect.poll(centred).toBeLessThan(0.15);
  await expect(page.getByTestId('selection-info')).toHaveText(`${segment!.text.length} characters`);
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ProseMirror') !== null)).toBe(true);

  // Coding the jumped-to selection with a key works at once: the focus is in the reader.
  await page.keyboard.press('1');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);

  await page.reload();
  await expect(page.locator('.reader-header h1')).toContainText('long');
  await expect(workbench.highlightsOf(segment!.id).first()).toBeInViewport();
});

test('keyboard: Alt+↓ moves from coding to coding, Enter opens one, its memo is written and it is removed without a mouse', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  const [paper] = await service.run('documents.list', {});
  await service.run('codes.add', { path: 'dependence' });
  await service.run('codes.add', { path: 'salami tactics' });
  await service.run('codings.apply', { document: paper!.id, code: 'dependence', coder: 'Ani', quote: 'both sides dependent' });
  await service.run('codings.apply', { document: paper!.id, code: 'salami tactics', coder: 'Ani', quote: 'salami tactics' });
  await workbench.openDocument('paper');
  await workbench.text.focus();

  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('selection-info')).toHaveText('20 characters');
  await expect(page.getByTestId('reader-announcement')).toContainText('dependence, coded by Ani');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('selection-info')).toHaveText('14 characters');
  await expect(page.getByTestId('reader-announcement')).toContainText('salami tactics, coded by Ani');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('reader-announcement')).toContainText('dependence');

  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Codings here' });
  await expect(popover).toBeVisible();
  await expect(popover.getByLabel('Code of this coding')).toBeFocused();
  await popover.getByLabel('Coding memo').focus();
  await page.keyboard.type('the key passage');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  const dependence = async () => (await service.run('codings.list', { code: 'dependence' }))[0];
  await expect.poll(async () => (await dependence())?.memo).toBe('the key passage');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ProseMirror') !== null)).toBe(true);

  await page.keyboard.press('Shift+F10');
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: 'Remove' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.code)).toEqual(['salami tactics']);
});

/** The first line of text at the top of the reader's viewport. */
async function topText(page: Page): Promise<string> {
  return page.locator('.gloss-reader').evaluate((scroller) => {
    const box = scroller.getBoundingClientRect();
    const column = scroller.querySelector('.gloss-reader__column')!.getBoundingClientRect();
    const hit = document.caretRangeFromPoint(column.left + 60, box.top + 30);
    return hit?.startContainer.textContent?.slice(0, 40) ?? '';
  });
}

test('the reader keeps its place across a visit to an analysis tab, and a reload comes back to the tab and the place', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('long.txt', longPaper())]);
  const [paper] = await service.run('documents.list', {});
  await service.run('codes.add', { path: 'mediation' });
  await service.run('codings.apply', { document: paper!.id, code: 'mediation', coder: 'Ani', quote: 'Paragraph 3 discusses the mediation' });
  await workbench.openDocument('long');
  await workbench.scrollToText({ text: 'Paragraph 90 discusses', occurrence: 1 });
  const before = await topText(page);
  expect(before).toMatch(/Paragraph \d+/);

  const tabs = page.getByRole('tablist', { name: 'Views' });
  await tabs.getByRole('tab', { name: 'Matrix', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Matrix', exact: true })).toBeVisible();
  await tabs.getByRole('tab', { name: 'Reader', exact: true }).click();
  await expect.poll(() => topText(page)).toBe(before);

  await tabs.getByRole('tab', { name: 'Segments', exact: true }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Segments', exact: true })).toBeVisible();
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Reader', exact: true }).click();
  await expect.poll(() => topText(page)).toBe(before);
});

test('the view tabs are one Tab stop with arrow keys; the Export menu closes on Escape and on a click outside', async ({ workbench, page }) => {
  await workbench.startAs('Ani');
  const tabs = page.getByRole('tablist', { name: 'Views' });
  await tabs.getByRole('tab', { name: 'Reader', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('region', { name: 'Segments', exact: true })).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Segments', exact: true })).toBeFocused();
  expect(await tabs.locator('[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', { name: 'Review', exact: true })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tabs.getByRole('tab', { name: 'Reader', exact: true })).toBeFocused();

  const exportButton = page.getByRole('button', { name: 'Export ▾' });
  await exportButton.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await exportButton.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await workbench.app.codebook.click({ position: { x: 30, y: 300 } });
  await expect(page.getByRole('menu')).toBeHidden();
});

test('a memo typed just before a reload is kept; the popover keeps its codings in place while one is narrowed', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await page.getByRole('button', { name: 'Memos' }).click();
  await page.getByLabel('Project memo').click();
  await page.keyboard.type('Why does Moscow keep both sides close?');
  await page.reload();
  await expect.poll(async () => (await service.run('memos.list', {})).map((memo) => memo.body)).toEqual(['Why does Moscow keep both sides close?']);

  const [paper] = await service.run('documents.list', {});
  await service.run('codes.add', { path: 'dependence' });
  await service.run('codes.add', { path: 'arms' });
  await service.run('codings.apply', { document: paper!.id, code: 'dependence', coder: 'Ani', quote: 'both sides dependent on its arms' });
  await service.run('codings.apply', { document: paper!.id, code: 'arms', coder: 'Ani', quote: 'dependent on its arms and its mediation' });
  await page.reload();
  await workbench.openDocument('paper');
  await workbench.scrollToText({ text: 'its arms', occurrence: 1 });
  await workbench.text.getByText('its arms').first().click();
  const popover = page.getByRole('dialog', { name: 'Codings here' });
  const order = () => popover.locator('.popover-coding').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset['codingId']));
  const opened = await order();
  expect(opened).toHaveLength(2);
  await popover.locator('.popover-coding').nth(1).getByRole('button', { name: 'Narrow: start one word later' }).click();
  await expect.poll(async () => (await service.run('codings.list', { code: 'arms' }))[0]?.text).toBe('on its arms and its mediation');
  expect(await order()).toEqual(opened);
});

test('a new code made while coding (in vivo, or Ctrl+K on a new name) goes with its coding on one Ctrl+Z', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await workbench.selectText('salami tactics');
  await page.keyboard.press('ControlOrMeta+I');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.code)).toEqual(['salami tactics']);
  await workbench.selectText('both sides dependent');
  await workbench.codeWithPalette('Russian policy/dependence');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(2);

  await workbench.text.focus();
  await workbench.undo();
  await expect.poll(async () => (await service.run('codes.list', {})).map((c) => c.path)).toEqual(['salami tactics']);
  expect((await service.run('codings.list', {})).map((s) => s.code)).toEqual(['salami tactics']);
  await workbench.undo();
  await expect.poll(async () => (await service.run('codes.list', {})).length).toBe(0);
  expect(await service.run('codings.list', {})).toEqual([]);
  await workbench.redo();
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.code)).toEqual(['salami tactics']);
});
