/**
 * The workbench's core loop: import, read, select, code, overlap, reload, undo and redo,
 * in-vivo coding, memos, and two coders.
 */
import path from 'node:path';
import { corpusDir, hasShared, SHARED_MISSING } from '../../support/paths.js';
import { expect, test } from './fixtures.js';

const VARDAZARYAN = 'vardazaryan-armenia-russia-after-second-karabakh-war';

test.describe('with the corpus', () => {
  test.skip(!hasShared, SHARED_MISSING);

  test('import a corpus paper through the file picker, code "pivotal containment policy" through the palette, overlap it, reload, undo and redo', async ({ workbench, service }) => {
    await workbench.startAs('Ani');
    await workbench.importThroughPicker([path.join(corpusDir, `${VARDAZARYAN}.md`)]);
    await expect(workbench.document(VARDAZARYAN)).toBeVisible();
    await workbench.openDocument(VARDAZARYAN);
    await expect(workbench.text.locator('h2, h3').filter({ hasText: 'Abstract' })).toBeVisible();

    await workbench.selectText('pivotal containment policy');
    await workbench.codeWithPalette('Russian policy/pivotal containment');
    await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);
    const [first] = await service.run('codings.list', {});
    expect(first).toMatchObject({ code: 'Russian policy/pivotal containment', coder: 'Ani', text: 'pivotal containment policy' });
    await expect.poll(() => workbench.highlightedText(first!.id)).toBe('pivotal containment policy');

    // An overlapping passage with a second code.
    await workbench.selectText('containment policy”, within the framework');
    await workbench.codeWithPalette('Azerbaijani strategy/salami tactics');
    await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(2);
    const second = (await service.run('codings.list', {})).find((segment) => segment.id !== first!.id)!;
    expect(second.start).toBeLessThan(first!.end);
    await expect(workbench.text.locator(`[data-coding-ids~="${first!.id}"][data-coding-ids~="${second.id}"]`).first()).toBeVisible();
    await expect(workbench.codebookRow('Russian policy/pivotal containment')).toContainText('1');

    await workbench.page.reload();
    await workbench.openDocument(VARDAZARYAN);
    await expect.poll(() => workbench.highlightedText(first!.id)).toBe('pivotal containment policy');
    await expect.poll(() => workbench.highlightedText(second.id)).toBe(second.text);

    await workbench.text.focus();
    await workbench.undo();
    await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(1);
    await expect(workbench.highlightsOf(second.id)).toHaveCount(0);
    await workbench.redo();
    await expect.poll(async () => (await service.run('codings.list', {})).map((segment) => segment.id).sort()).toEqual([first!.id, second.id].sort());
    await expect.poll(() => workbench.highlightedText(second.id)).toBe(second.text);
  });
});

test('in-vivo coding names a code by the selected words', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('interview.txt', 'Interview\n\nWe felt abandoned by Moscow after the war.\n')]);
  await workbench.openDocument('interview');
  await workbench.selectText('abandoned by Moscow');
  await workbench.page.keyboard.press('ControlOrMeta+I');
  await expect(workbench.codebookRow('abandoned by Moscow')).toBeVisible();
  const [segment] = await service.run('codings.list', {});
  expect(segment).toMatchObject({ code: 'abandoned by Moscow', text: 'abandoned by Moscow', coder: 'Ani' });
});

test('a memo survives a reload', async ({ workbench, service }) => {
  await workbench.startAs('Ani');
  await workbench.page.getByRole('button', { name: 'Memos' }).click();
  const memo = workbench.page.getByLabel('Project memo');
  await memo.fill('Compare how Moscow is framed before and after 2020.');
  await expect.poll(async () => (await service.run('memos.list', {})).map((m) => m.body)).toEqual(['Compare how Moscow is framed before and after 2020.']);
  await workbench.page.reload();
  await workbench.page.getByRole('button', { name: 'Memos' }).click();
  await expect(workbench.page.getByLabel('Project memo')).toHaveValue('Compare how Moscow is framed before and after 2020.');
});

test('two coders code the same text; the coder filter shows one or all, with initials', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani Hakobyan');
  await workbench.importThroughPicker([sourceFile('paper.txt', 'Paper\n\nRussia mediated while Turkey armed Azerbaijan.\n')]);
  await workbench.openDocument('paper');
  await workbench.selectText('Russia mediated');
  await workbench.codeWithPalette('mediation');
  await workbench.switchCoder('Ben Aliyev');
  await workbench.selectText('Turkey armed Azerbaijan');
  await workbench.codeWithPalette('Turkey/arms');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.coder).sort()).toEqual(['Ani Hakobyan', 'Ben Aliyev']);
  const segments = await service.run('codings.list', {});
  const ani = segments.find((s) => s.coder === 'Ani Hakobyan')!;
  const ben = segments.find((s) => s.coder === 'Ben Aliyev')!;

  await expect(workbench.text.locator('[data-coders]').filter({ hasText: 'AH' })).toHaveCount(1);
  await expect(workbench.text.locator('[data-coders]').filter({ hasText: 'BA' })).toHaveCount(1);
  await workbench.showCoder('Ben Aliyev');
  await expect(workbench.highlightsOf(ani.id)).toHaveCount(0);
  await expect(workbench.highlightsOf(ben.id).first()).toBeVisible();
  await workbench.showCoder(null);
  await expect(workbench.highlightsOf(ani.id).first()).toBeVisible();
});

test('keyboard only: open a document, select with Shift+arrows, code, undo', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('notes.txt', 'Notes\n\nSalami tactics describe small steps.\n')]);
  // Reach the document list with the keyboard and open the document.
  await workbench.document('notes').focus();
  await workbench.page.keyboard.press('Enter');
  await expect(workbench.text).toBeVisible();
  await workbench.text.focus();
  // To the start of the paragraph after the heading, then select "Salami" with Shift+Right.
  await workbench.page.keyboard.press('ControlOrMeta+Home');
  await workbench.page.keyboard.press('ArrowDown');
  await workbench.page.keyboard.press('Home');
  for (let i = 0; i < 'Salami'.length; i++) await workbench.page.keyboard.press('Shift+ArrowRight');
  await expect(workbench.page.getByTestId('selection-info')).toHaveText('6 characters');
  await workbench.page.keyboard.press('ControlOrMeta+K');
  await workbench.page.keyboard.type('salami tactics');
  await workbench.page.keyboard.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.text)).toEqual(['Salami']);
  await workbench.text.focus();
  await workbench.page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(0);
});
