/**
 * The reader as the workbench mounts it renders only the blocks near its viewport: a book is
 * not put into the page whole (which is what made coding slow in large documents).
 */
import { expect, test } from './fixtures.js';

test('a 1M-character document renders a bounded number of blocks in the workbench, and scrolling moves the window', async ({ workbench, sourceFile, page }) => {
  const paragraphs: string[] = ['A book', ''];
  for (let i = 0; paragraphs.join('\n').length < 1_000_000 && i < 5000; i++) {
    paragraphs.push(`Paragraph ${i}. ${'The mediation went on through the winter, and the arms kept coming. '.repeat(7)}`, '');
  }
  const text = paragraphs.join('\n');
  expect(text.length).toBeGreaterThanOrEqual(1_000_000);
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('book.txt', text)]);
  await workbench.openDocument('book');
  const rendered = (): Promise<number> => workbench.text.evaluate((root) => root.children.length);
  await expect.poll(rendered).toBeGreaterThan(3);
  expect(await rendered()).toBeLessThan(150);
  // The reader scrolls itself; the pane around it does not.
  expect(await page.locator('.reader-scroll').evaluate((element) => element.scrollHeight <= element.clientHeight + 1)).toBe(true);

  const box = (await workbench.app.reader.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 1500);
  await expect.poll(() => workbench.text.evaluate((root) => Number((root.firstElementChild as HTMLElement | null)?.dataset['block'] ?? 0))).toBeGreaterThan(20);
  expect(await rendered()).toBeLessThan(150);
});
