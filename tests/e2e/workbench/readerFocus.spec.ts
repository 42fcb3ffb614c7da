/**
 * The reader shows where keyboard focus is: reached with Tab, it wears a ring inside its edge,
 * clear of the text; overlapping codings are described to a screen reader, code and coder each.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from './fixtures.js';

test('the reader has a visible focus ring when Tab reaches it, and the ring does not cover the text', async ({ workbench, sourceFile }) => {
  const { page } = workbench;
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('notes.txt', 'First paragraph of the notes, long enough to fill a line or two of the reader.\n\nA second one.\n')]);
  await workbench.openDocument('notes');
  const reader = page.locator('.gloss-reader');
  const ring = () => reader.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await ring()).toBe('none');

  await page.locator('.reader-header h1').click();
  // Tab forward until the text has focus (the panes before it differ in their number of stops).
  await expect
    .poll(async () => {
      await page.keyboard.press('Tab');
      return workbench.text.evaluate((el) => el === document.activeElement);
    }, { intervals: [0], timeout: 15_000 })
    .toBe(true);
  await expect.poll(ring).toBe('solid');
  const style = await reader.evaluate((el) => {
    const css = getComputedStyle(el);
    return { width: parseFloat(css.outlineWidth), offset: parseFloat(css.outlineOffset) };
  });
  expect(style.width).toBeGreaterThanOrEqual(2);
  // Inset: the ring lies within the reader's box, and the text starts well inside it.
  expect(style.offset).toBeLessThanOrEqual(-style.width);
  const box = (await reader.boundingBox())!;
  const text = (await workbench.text.locator('p').first().boundingBox())!;
  expect(text.x).toBeGreaterThan(box.x + style.width - style.offset + 4);
  expect(text.x + text.width).toBeLessThan(box.x + box.width - (style.width - style.offset) - 4);

  // Focus elsewhere: no ring.
  await page.getByTestId('codebook').getByRole('textbox').first().click();
  await expect.poll(ring).toBe('none');
});

test('overlapping codings are described to a screen reader with each code and coder, and pass axe with the find bar open', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('overlap.txt', 'They spoke of trust and of distrust in the same breath.\n')]);
  await workbench.openDocument('overlap');
  await workbench.selectText('trust and of distrust');
  await workbench.codeWithPalette('Trust');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);
  await workbench.switchCoder('Ben Okafor');
  await workbench.selectText('of distrust in the same');
  await workbench.codeWithPalette('Distrust');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(2);
  const codings = await service.run('codings.list', {});
  const trust = codings.find((coding) => coding.code === 'Trust')!;
  const distrust = codings.find((coding) => coding.code === 'Distrust')!;

  const both = workbench.text.locator(`[data-coding-ids~="${trust.id}"][data-coding-ids~="${distrust.id}"]`);
  await expect(both).toHaveText('of distrust');
  await expect(both).toHaveAttribute('role', 'mark');
  await expect(both).toHaveAccessibleDescription('Coded Trust, by Ani; Distrust, by Ben Okafor');
  const distrustOnly = workbench.text.locator(`[role="mark"][data-coding-ids="${distrust.id}"]`);
  await expect(distrustOnly).toHaveText(' in the same');
  await expect(distrustOnly).toHaveAccessibleDescription('Coded Distrust, by Ben Okafor');
  // Not colour alone: a coded passage is underlined, one line per coding covering it.
  const lanes = await both.evaluate((el) => [0, 1, 2].map((lane) => el.style.getPropertyValue(`--gloss-u${lane}`)));
  expect(lanes.filter((color) => /^#[0-9a-f]{6}$/i.test(color))).toHaveLength(2);

  // The coded text and the find bar pass axe's checks (no serious or critical violations).
  await workbench.page.keyboard.press('ControlOrMeta+F');
  await workbench.page.keyboard.type('trust');
  await expect(workbench.page.getByTestId('find-count')).toHaveText('1 of 2');
  const axe = await new AxeBuilder({ page: workbench.page }).include('.gloss-reader').include('[data-testid="find-bar"]').analyze();
  const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => `${node.html} ${node.failureSummary ?? ''}`).join(' | ')}`)).toEqual([]);
});
