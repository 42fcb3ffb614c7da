/**
 * Markdown documents read as formatted text: emphasis, superscripts and escapes are shown as
 * formatting, not as `**`, `\*` and `<sup>`; the canonical text and its offsets are unchanged.
 */
import { expect, test } from './fixtures.js';

const MARKDOWN = ['# A paper', '', 'Russia pursued **pivotal containment** of both sides,<sup>1</sup> a *balancing* act \\*not\\* alliance.', ''].join('\n');

test('Markdown emphasis, superscripts and escapes show as formatting; a coding over them keeps canonical offsets', async ({ workbench, service, sourceFile, page }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.md', MARKDOWN)]);
  await workbench.openDocument('paper');
  const paragraph = workbench.text.locator('p').first();
  // What the reader shows: the text without the markup, which takes no room on the line.
  const shown = (): Promise<string> =>
    paragraph.evaluate((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if (range.getBoundingClientRect().width > 0) text += (node as Text).data;
      }
      return text;
    });
  await expect.poll(shown).toBe('Russia pursued pivotal containment of both sides,1 a balancing act *not* alliance.');
  await expect(paragraph.locator('.gloss-md--strong')).toHaveText('pivotal containment');
  expect(await paragraph.locator('.gloss-md--strong').evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
  expect(await paragraph.locator('.gloss-md--sup').first().evaluate((element) => getComputedStyle(element).verticalAlign)).toBe('super');
  await expect(workbench.text.locator('h1, h2').first()).toHaveText(/A paper/);

  // Coding the shown words stores the range of the canonical text, markup included inside it.
  await workbench.selectText('pivotal containment');
  await page.keyboard.press('ControlOrMeta+K');
  await page.getByTestId('command-palette').getByLabel('Code').fill('containment');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((segment) => segment.text)).toEqual(['pivotal containment']);
  const [paper] = await service.run('documents.list', {});
  const content = await service.run('documents.get', { document: paper!.id });
  const [coding] = await service.run('codings.list', {});
  expect([...content.text].slice(coding!.start, coding!.end).join('')).toBe('pivotal containment');
});
