/**
 * The reader's own find (Ctrl/Cmd+F): it searches the whole document, not the blocks the reader
 * has rendered, so a word far down a million-character book is counted, reached and shown;
 * closing it selects the match, ready to code; and a coded passage tells a screen reader which
 * code and coder cover it.
 */
import path from 'node:path';
import type { GlossService } from '../../../app/service/service.js';
import { corpusDir, hasShared, SHARED_MISSING } from '../../support/paths.js';
import type { WorkbenchPage } from '../pages/workbenchPage.js';
import { expect, test } from './fixtures.js';

const WORDS = ['the', 'interview', 'coding', 'field', 'notes', 'and', 'of', 'memo', 'theme', 'passage', 'reader', 'border', 'river', 'valley', 'talks', 'said', 'was', 'in', 'a', 'village'];

/** About a million characters of paragraphs, with "Zephyrine" (in three spellings of case)
 *  only from paragraph 300 on: far below what the reader renders when the book opens. */
function book(): string {
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((seed / 2147483648) * n);
  };
  const spellings = ['Zephyrine', 'zephyrine', 'ZEPHYRINE'];
  const paragraphs: string[] = ['A long book of field notes'];
  let length = 0;
  for (let p = 1; length < 1_000_000; p++) {
    const words: string[] = [];
    for (let w = 0, n = 40 + random(80); w < n; w++) words.push(WORDS[random(WORDS.length)]!);
    if (p >= 300 && p % 97 === 0) words.splice(random(words.length), 0, spellings[p % 3]!);
    const paragraph = `${words.join(' ')}.`;
    paragraphs.push(paragraph[0]!.toUpperCase() + paragraph.slice(1));
    length += paragraph.length + 2;
  }
  return `${paragraphs.join('\n\n')}\n`;
}

/** Code-point starts of `word` in `text`, case ignored, as the test's own count. */
function occurrences(text: string, word: string): number[] {
  const lower = text.toLowerCase();
  const starts: number[] = [];
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) starts.push([...text.slice(0, at)].length);
  return starts;
}

async function documentText(service: GlossService): Promise<string> {
  const [document] = await service.run('documents.list', {});
  return (await service.run('documents.get', { document: document!.id })).text;
}

function findField(workbench: WorkbenchPage) {
  return workbench.page.getByRole('search', { name: 'Find in document' }).getByRole('textbox', { name: 'Find in document' });
}

test('find in a million-character book: Ctrl+F, count, next and previous beyond the rendered window, Escape selects the match to code', async ({
  workbench,
  service,
  sourceFile,
}) => {
  test.setTimeout(180_000);
  const { page } = workbench;
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('long-field-notes.txt', book())]);
  await workbench.openDocument('long-field-notes');
  const text = await documentText(service);
  expect([...text].length).toBeGreaterThan(1_000_000);
  const starts = occurrences(text, 'zephyrine');
  expect(starts.length).toBeGreaterThan(10);
  // Not rendered: the browser's own find could not see it.
  await expect(workbench.text).not.toContainText(/zephyrine/i);

  await workbench.text.click();
  await page.keyboard.press('ControlOrMeta+F');
  await expect(findField(workbench)).toBeFocused();
  await page.keyboard.type('zephyrine');
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText(`1 of ${starts.length}`);
  const current = workbench.text.locator('.gloss-find--current');
  await expect(current).toHaveText(/^zephyrine$/i);
  await expect(current).toBeInViewport();
  await expect(page.getByTestId('find-announcement')).toHaveText(new RegExp(`^Match 1 of ${starts.length}: .*zephyrine`, 'i'));

  // Next, from the field and with F3; previous wraps round to the last match, at the book's end.
  await page.keyboard.press('Enter');
  await expect(count).toHaveText(`2 of ${starts.length}`);
  await expect(current).toBeInViewport();
  await page.keyboard.press('F3');
  await expect(count).toHaveText(`3 of ${starts.length}`);
  await expect(current).toBeInViewport();
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(count).toHaveText(`${starts.length} of ${starts.length}`);
  await expect(current).toBeInViewport();
  await expect(current).toHaveText(/^zephyrine$/i);
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText(`1 of ${starts.length}`);
  await page.keyboard.press('Shift+F3');
  await expect(count).toHaveText(`${starts.length} of ${starts.length}`);
  await expect(current).toBeInViewport();

  // Escape: the bar closes, the last match is selected and keyboard focus is in the reader.
  await findField(workbench).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toBeHidden();
  await expect(workbench.text).toBeFocused();
  await expect(page.getByTestId('selection-info')).toHaveText('9 characters');
  await expect(workbench.text.locator('.gloss-find')).toHaveCount(0);

  // Code the selected match; the project holds exactly that passage.
  await workbench.codeWithPalette('Place names');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);
  const [coding] = await service.run('codings.list', {});
  expect(coding).toMatchObject({ code: 'Place names', coder: 'Ani', start: starts[starts.length - 1], end: starts[starts.length - 1]! + 9 });
  expect(coding!.text.toLowerCase()).toBe('zephyrine');

  // A screen reader hears which code and coder cover the passage.
  const passage = workbench.highlightsOf(coding!.id).first();
  await expect(passage).toHaveAttribute('role', 'mark');
  await expect(passage).toHaveAccessibleDescription('Coded Place names, by Ani');
});

test('find reopens on its query, says when nothing matches, and leaves other views to the browser', async ({ workbench, sourceFile }) => {
  const { page } = workbench;
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('short.txt', 'Górski met Gorski.\n\nThen gorski left.\n')]);
  await workbench.openDocument('short');
  await workbench.text.click();
  await page.keyboard.press('ControlOrMeta+F');
  await page.keyboard.type('gorski');
  const count = page.getByTestId('find-count');
  await expect(count).toHaveText('1 of 3');
  await page.getByLabel('Match accents').check();
  await expect(count).toHaveText('1 of 2');
  await findField(workbench).fill('nowhere');
  await expect(count).toHaveText('No matches');
  await expect(page.getByTestId('find-announcement')).toHaveText('No matches for “nowhere”');
  await page.getByRole('button', { name: 'Close find' }).click();
  await expect(page.getByTestId('find-bar')).toBeHidden();
  await expect(workbench.text).toBeFocused();

  await page.keyboard.press('ControlOrMeta+F');
  await expect(findField(workbench)).toBeFocused();
  await expect(findField(workbench)).toHaveValue('nowhere');
  await page.keyboard.press('Escape');

  // Another view shows everything it has: Ctrl+F there is the browser's. Whether the workbench
  // took the key is read from the event, after every handler has run.
  await page.evaluate(() => {
    const page = globalThis as unknown as { addEventListener(type: string, listener: (event: { key: string; defaultPrevented: boolean }) => void): void; lastF?: boolean };
    page.addEventListener('keydown', (event) => {
      if (event.key.toLowerCase() === 'f') page.lastF = event.defaultPrevented;
    });
  });
  const tookKey = () => page.evaluate(() => (globalThis as unknown as { lastF?: boolean }).lastF);
  await page.getByRole('tab', { name: 'Segments' }).click();
  await page.keyboard.press('ControlOrMeta+F');
  await expect.poll(tookKey).toBe(false);
  await expect(page.getByTestId('find-bar')).toBeHidden();
  await page.getByRole('tab', { name: 'Reader' }).click();
  await page.keyboard.press('ControlOrMeta+F');
  await expect.poll(tookKey).toBe(true);
  await expect(findField(workbench)).toBeFocused();
});

test.describe('with the corpus', () => {
  test.skip(!hasShared, SHARED_MISSING);

  test('find in a corpus paper counts every occurrence, and next reaches one far below the first screen', async ({ workbench, service }) => {
    const { page } = workbench;
    const paper = 'vardazaryan-armenia-russia-after-second-karabakh-war';
    await workbench.startAs('Ani');
    await workbench.importThroughPicker([path.join(corpusDir, `${paper}.md`)]);
    await workbench.openDocument(paper);
    const text = await documentText(service);
    const starts = occurrences(text, 'moscow');
    expect(starts.length).toBeGreaterThan(5);

    await workbench.text.click();
    await page.keyboard.press('ControlOrMeta+F');
    await page.keyboard.type('Moscow');
    const count = page.getByTestId('find-count');
    await expect(count).toHaveText(`1 of ${starts.length}`);
    const current = workbench.text.locator('.gloss-find--current');
    await page.keyboard.press('Shift+Enter');
    await expect(count).toHaveText(`${starts.length} of ${starts.length}`);
    await expect(current).toBeInViewport();
    await expect(current).toHaveText(/^moscow$/i);
    await page.keyboard.press('Escape');
    await expect(workbench.text).toBeFocused();
    await expect(page.getByTestId('selection-info')).toHaveText('6 characters');
  });
});
