/**
 * The codebook and the coding popover: recent-code keys, rename, recolour, describe, move by
 * drag and drop, merge, delete with confirmation, and changing a coding in place — each undoable.
 */
import type { WorkbenchPage } from '../pages/workbenchPage.js';
import { expect, test } from './fixtures.js';

test('number keys apply recent codes; the popover changes, widens and removes a coding', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', 'Paper\n\nMoscow kept both sides dependent on its arms and its mediation.\n')]);
  await workbench.openDocument('paper');
  await workbench.selectText('both sides');
  await workbench.codeWithPalette('dependence');
  await workbench.selectText('its mediation');
  await workbench.codeWithPalette('mediation');
  // "1" is now mediation (the most recent), "2" dependence.
  await workbench.selectText('its arms');
  await workbench.page.keyboard.press('2');
  await expect.poll(async () => (await service.run('codings.list', { code: 'dependence' })).map((s) => s.text).sort()).toEqual(['both sides', 'its arms']);

  const [arms] = (await service.run('codings.list', { code: 'dependence' })).filter((s) => s.text === 'its arms');
  await workbench.highlightsOf(arms!.id).first().click();
  const popover = workbench.page.getByRole('dialog', { name: 'Codings here' });
  await expect(popover).toBeVisible();
  await popover.getByTitle('Widen: end one word later').click();
  await expect.poll(async () => (await service.run('codings.list', {})).find((s) => s.id === arms!.id)?.text).toBe('its arms and');
  await popover.getByLabel('Code of this coding').selectOption({ label: 'mediation' });
  await expect.poll(async () => (await service.run('codings.list', {})).find((s) => s.id === arms!.id)?.code).toBe('mediation');
  await popover.getByLabel('Coding memo').fill('arms as leverage');
  await popover.getByLabel('Coding memo').blur();
  await expect.poll(async () => (await service.run('codings.list', {})).find((s) => s.id === arms!.id)?.memo).toBe('arms as leverage');
  await popover.getByRole('button', { name: 'Remove' }).click();
  await expect.poll(async () => (await service.run('codings.list', {})).some((s) => s.id === arms!.id)).toBe(false);
  await workbench.page.keyboard.press('Escape');
  await workbench.undo();
  await expect.poll(async () => (await service.run('codings.list', {})).some((s) => s.id === arms!.id)).toBe(true);
});

test('codebook: create, rename, recolour, describe, move by drag and drop, merge and delete, each undoable', async ({ workbench, service }) => {
  await workbench.startAs('Ani');
  const newCode = workbench.app.codebook.getByLabel('New code');
  for (const path of ['Russian policy/pivotal containment', 'Russian policy/mediation', 'Turkey', 'Peacekeeping']) {
    await newCode.fill(path);
    await newCode.press('Enter');
  }
  await expect(workbench.codebookRow('Russian policy/mediation')).toBeVisible();

  // Rename by double-click.
  await workbench.codebookRow('Turkey').dblclick();
  await workbench.app.codebook.getByLabel('New name').fill('Turkish role');
  await workbench.app.codebook.getByLabel('New name').press('Enter');
  await expect(workbench.codebookRow('Turkish role')).toBeVisible();

  // Recolour through the swatch's colour input.
  await workbench.codebookRow('Turkish role').getByLabel('Colour of Turkish role').fill('#123456');
  await expect.poll(async () => (await service.run('codes.list', {})).find((c) => c.name === 'Turkish role')?.color).toBe('#123456');

  // Describe: fields save when they lose focus.
  await workbench.codebookRow('Russian policy/pivotal containment').click();
  const details = workbench.page.getByLabel('Code Russian policy/pivotal containment');
  await details.getByLabel('Definition').fill('Russia keeps both sides dependent on it');
  await details.getByLabel('When not to use').fill('Plain balancing without leverage');
  await details.getByLabel('When not to use').blur();
  await expect.poll(async () => (await service.run('codes.list', {})).find((c) => c.name === 'pivotal containment')).toMatchObject({
    definition: 'Russia keeps both sides dependent on it',
    whenNotToUse: 'Plain balancing without leverage',
  });

  // Move by drag and drop: Peacekeeping under Russian policy.
  await workbench.codebookRow('Peacekeeping').dragTo(workbench.codebookRow('Russian policy'));
  await expect(workbench.codebookRow('Russian policy/Peacekeeping')).toBeVisible();
  await workbench.undo();
  await expect(workbench.codebookRow('Peacekeeping')).toBeVisible();
  await workbench.redo();
  await expect(workbench.codebookRow('Russian policy/Peacekeeping')).toBeVisible();

  // Merge mediation into pivotal containment, from the code's details.
  await workbench.codebookRow('Russian policy/mediation').click();
  const mediation = workbench.page.getByLabel('Code Russian policy/mediation');
  await mediation.getByLabel('Merge into').selectOption({ label: 'Russian policy/pivotal containment' });
  await mediation.getByRole('button', { name: 'Merge' }).click();
  await expect(workbench.codebookRow('Russian policy/mediation')).toHaveCount(0);

  // Delete asks first.
  await workbench.codebookRow('Turkish role').click();
  const turkish = workbench.page.getByLabel('Code Turkish role');
  await turkish.getByRole('button', { name: 'Delete…' }).click();
  await turkish.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(workbench.codebookRow('Turkish role')).toHaveCount(0);
  await workbench.page.locator('body').click({ position: { x: 5, y: 300 } });
  await workbench.undo();
  await expect(workbench.codebookRow('Turkish role')).toBeVisible();
});

test('drag and drop import shows a result per file', async ({ workbench }) => {
  await workbench.startAs('Ani');
  const pane = workbench.app.documentsPane;
  const transfer = await workbench.page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['Dropped\n\nA dropped text.\n'], 'dropped.txt', { type: 'text/plain' }));
    data.items.add(new File([''], 'empty.txt', { type: 'text/plain' }));
    return data;
  });
  await pane.dispatchEvent('dragover', { dataTransfer: transfer });
  await pane.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(pane.locator('[data-status="imported"]')).toContainText('dropped.txt');
  await expect(pane.locator('[data-status="failed"]')).toContainText('empty.txt is empty');
  await expect(workbench.document('dropped')).toBeVisible();
});

const PAPER = 'Paper\n\nMoscow kept both sides dependent on its arms and its mediation.\n\nAnkara armed Baku.\n';

/** Type codes into the New code field (real keys), one after another. */
async function addCodes(workbench: WorkbenchPage, paths: string[]): Promise<void> {
  const newCode = workbench.app.codebook.getByLabel('New code');
  for (const path of paths) {
    await newCode.fill(path);
    await newCode.press('Enter');
    await expect(workbench.codebookRow(path)).toBeVisible();
  }
}

test('the codebook is a tree for the keyboard: one Tab stop, arrows, Enter applies, Space details, F2 renames, menu merges, Delete deletes', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await addCodes(workbench, ['Russian policy/mediation', 'Russian policy/balancing', 'Turkey']);
  const keys = workbench.page.keyboard;
  const focusedPath = async (): Promise<string | null> => workbench.focused.getAttribute('data-code-path');

  // One Tab stop: from the New code field, Tab lands on a code, and the next Tab leaves the tree
  // (no twisty, colour or details button on the way).
  await workbench.app.codebook.getByLabel('New code').click();
  await keys.press('Tab');
  await expect(workbench.focused).toHaveAttribute('role', 'treeitem');
  await expect.poll(focusedPath).toBe('Russian policy');
  await keys.press('Tab');
  expect(await workbench.codeTree.evaluate((tree) => tree.contains(document.activeElement))).toBe(false);
  await keys.press('Shift+Tab');
  await expect.poll(focusedPath).toBe('Russian policy');

  // Arrows: down and up, Left closes a parent and Right opens it, Right again goes to the first child, Left back to the parent.
  await expect(workbench.codebookRow('Russian policy')).toHaveAttribute('aria-expanded', 'true');
  await expect(workbench.codebookRow('Turkey')).not.toHaveAttribute('aria-expanded');
  await keys.press('ArrowDown');
  await expect.poll(focusedPath).toBe('Russian policy/mediation');
  await keys.press('ArrowLeft');
  await expect.poll(focusedPath).toBe('Russian policy');
  await keys.press('ArrowLeft');
  await expect(workbench.codebookRow('Russian policy')).toHaveAttribute('aria-expanded', 'false');
  await expect(workbench.codebookRow('Russian policy/mediation')).toHaveCount(0);
  await keys.press('ArrowDown');
  await expect.poll(focusedPath).toBe('Turkey');
  await keys.press('ArrowUp');
  await keys.press('ArrowRight');
  await expect(workbench.codebookRow('Russian policy/mediation')).toBeVisible();
  await keys.press('ArrowRight');
  await expect.poll(focusedPath).toBe('Russian policy/mediation');
  await keys.press('End');
  await expect.poll(focusedPath).toBe('Turkey');
  await keys.press('Home');
  await expect.poll(focusedPath).toBe('Russian policy');

  // Enter applies the focused code to the text selected in the reader, and opens no details.
  await workbench.selectText('both sides');
  await workbench.codebookRow('Russian policy').focus();
  await keys.press('ArrowDown');
  await keys.press('ArrowDown');
  await expect.poll(focusedPath).toBe('Russian policy/balancing');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => `${s.code}: ${s.text}`)).toEqual(['Russian policy/balancing: both sides']);
  await expect(workbench.codeDetails('Russian policy/balancing')).toHaveCount(0);

  // Space opens the details; Escape closes them and gives the row its focus back.
  await keys.press('Space');
  await expect(workbench.codeDetails('Russian policy/balancing')).toBeVisible();
  await expect.poll(focusedPath).toBe('Russian policy/balancing');
  await keys.press('Escape');
  await expect(workbench.codeDetails('Russian policy/balancing')).toHaveCount(0);
  await expect.poll(focusedPath).toBe('Russian policy/balancing');
  await keys.press('Alt+Enter');
  await expect(workbench.codeDetails('Russian policy/balancing')).toBeVisible();
  await keys.press('Escape');

  // F2 renames in place; Enter in the field renames and applies nothing.
  await keys.press('F2');
  await expect(workbench.app.codebook.getByLabel('New name')).toBeFocused();
  await keys.type('balance of power');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codes.list', {})).map((c) => c.path)).toContain('Russian policy/balance of power');
  await expect.poll(focusedPath).toBe('Russian policy/balance of power');
  expect((await service.run('codings.list', {})).length).toBe(1);

  // The row's menu (Shift+F10) reaches Merge: the details open with the merge choice focused.
  await keys.press('Shift+F10');
  await expect(workbench.rowMenu).toBeVisible();
  await workbench.rowMenu.getByRole('menuitem', { name: /Merge into/ }).focus();
  await keys.press('Enter');
  const mergeInto = workbench.codeDetails('Russian policy/balance of power').getByLabel('Merge into');
  await expect(mergeInto).toBeFocused();
  await keys.press('ArrowDown'); // the first other code: Russian policy
  await keys.press('ArrowDown'); // Russian policy/mediation
  await expect(mergeInto).toHaveValue((await service.run('codes.list', {})).find((c) => c.path === 'Russian policy/mediation')!.id);
  await keys.press('Tab');
  await expect(workbench.focused).toHaveText('Merge');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.code)).toEqual(['Russian policy/mediation']);
  await expect(workbench.codebookRow('Russian policy/balance of power')).toHaveCount(0);

  // Delete asks, with Delete focused; Enter deletes; Ctrl+Z brings the code back.
  await workbench.codebookRow('Turkey').focus();
  await keys.press('Delete');
  const turkey = workbench.codeDetails('Turkey');
  await expect(turkey.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('codes.list', {})).map((c) => c.path)).not.toContain('Turkey');
  // The keyboard carries on from the code before it.
  await expect.poll(focusedPath).toBe('Russian policy/mediation');
  await workbench.undo();
  await expect.poll(async () => (await service.run('codes.list', {})).map((c) => c.path)).toContain('Turkey');
});

test('a click on a code applies it without opening its details; a double-click renames and applies nothing', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await addCodes(workbench, ['dependence', 'mediation', 'Turkey']);

  // With nothing selected in the reader, a click opens the code's details (there is nothing to apply it to).
  await workbench.codebookRow('Turkey').click();
  await expect(workbench.codeDetails('Turkey')).toBeVisible();
  await workbench.page.keyboard.press('Escape');
  await expect(workbench.codeDetails('Turkey')).toHaveCount(0);

  // With text selected, a click codes it; the details panel stays closed.
  await workbench.selectText('both sides');
  await workbench.codebookRow('dependence').click();
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => `${s.code}: ${s.text}`)).toEqual(['dependence: both sides']);
  await expect(workbench.codeDetails('dependence')).toHaveCount(0);

  // A double-click with text selected renames; the code is not applied, not even once.
  await workbench.selectText('its mediation');
  await workbench.codebookRow('mediation').dblclick();
  const name = workbench.app.codebook.getByLabel('New name');
  await expect(name).toBeFocused();
  await name.fill('mediation offers');
  await name.press('Enter');
  await expect.poll(async () => (await service.run('codes.list', {})).map((c) => c.name)).toContain('mediation offers');
  // A later click still applies (after the double-click window): the renamed code has no coding.
  await workbench.codebookRow('Turkey').click();
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => `${s.code}: ${s.text}`).sort()).toEqual(['Turkey: its mediation', 'dependence: both sides']);
  expect((await service.run('codings.list', { code: 'mediation offers' })).length).toBe(0);
  await expect(workbench.codeDetails('Turkey')).toHaveCount(0);

  // The row's details button opens the details while text is selected, and applies nothing.
  await workbench.codebookRow('dependence').hover();
  await workbench.codebookRow('dependence').getByRole('button', { name: 'Details of dependence' }).click();
  await expect(workbench.codeDetails('dependence')).toBeVisible();
  expect((await service.run('codings.list', {})).length).toBe(2);

});

test('keys 1–9: pinned codes take their number, the other numbers stay the recent codes; pins are kept per project', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  await addCodes(workbench, ['alpha', 'beta', 'gamma']);
  await workbench.selectText('Moscow');
  await workbench.codeWithPalette('alpha');
  await workbench.selectText('kept');
  await workbench.codeWithPalette('beta');
  // Recent: 1 beta, 2 alpha. Pin gamma to 1 from the keyboard (Shift+1 on its row).
  await workbench.codebookRow('gamma').focus();
  await workbench.page.keyboard.press('Shift+Digit1');
  await expect(workbench.codebookRow('gamma').locator('kbd.pinned')).toHaveText('1');
  await expect(workbench.codebookRow('beta').locator('kbd')).toHaveText('2');
  await expect(workbench.codebookRow('alpha').locator('kbd')).toHaveText('3');

  const codeOf = async (quote: string): Promise<string[]> => (await service.run('codings.list', {})).filter((s) => s.text === quote).map((s) => s.code);
  // The reader shows the new coding (with its coder's initials, which move the text) before the next drag.
  const shown = async (quote: string): Promise<void> => {
    const [coding] = (await service.run('codings.list', {})).filter((s) => s.text === quote);
    await expect(workbench.highlightsOf(coding!.id).first()).toBeVisible();
  };
  await shown('kept');
  await workbench.selectText('both sides');
  await workbench.page.keyboard.press('1');
  await expect.poll(() => codeOf('both sides')).toEqual(['gamma']);
  await shown('both sides');
  await workbench.selectText('its arms');
  await workbench.page.keyboard.press('2');
  await expect.poll(() => codeOf('its arms')).toEqual(['beta']);
  await shown('its arms');

  // Pin alpha from its row's menu (right click): it takes the first free key, 2.
  await workbench.codebookRow('alpha').click({ button: 'right' });
  await workbench.rowMenu.getByRole('menuitem', { name: /Pin to key 2/ }).click();
  await expect(workbench.codebookRow('alpha').locator('kbd.pinned')).toHaveText('2');
  await workbench.selectText('Ankara');
  await workbench.page.keyboard.press('2');
  await expect.poll(() => codeOf('Ankara')).toEqual(['alpha']);
  // The reader's strip shows the same keys, pinned ones marked, the path on hover.
  const strip = workbench.page.getByRole('group', { name: 'Codes on number keys' });
  await expect(strip.getByRole('button', { name: 'Apply gamma (key 1)' })).toHaveClass(/pinned/);
  await expect(strip.getByRole('button', { name: 'Apply alpha (key 2)' })).toHaveAttribute('title', /alpha/);

  // Pins are kept for this project across a reload.
  await workbench.page.reload();
  await workbench.app.ready();
  await expect(workbench.codebookRow('gamma').locator('kbd.pinned')).toHaveText('1');
  await expect(workbench.codebookRow('alpha').locator('kbd.pinned')).toHaveText('2');
  const projectId = (await service.run('project.info', {})).id;
  expect(JSON.parse((await workbench.page.evaluate((key) => localStorage.getItem(key), `gloss.pins.${projectId}`)) ?? '{}')).toEqual({
    '1': (await service.run('codes.list', {})).find((c) => c.name === 'gamma')!.id,
    '2': (await service.run('codes.list', {})).find((c) => c.name === 'alpha')!.id,
  });

  // Unpin from the menu opened with the keyboard: key 1 falls back to the most recent code.
  await workbench.codebookRow('gamma').focus();
  await workbench.page.keyboard.press('Shift+F10');
  await workbench.rowMenu.getByRole('menuitem', { name: /Unpin from key 1/ }).click();
  await expect(workbench.codebookRow('gamma').locator('kbd.pinned')).toHaveCount(0);
  await expect(workbench.codebookRow('alpha').locator('kbd.pinned')).toHaveText('2');
});

test('the recent-codes strip stays readable at 1280 pixels: nine chips, names cut with an ellipsis, the path on hover', async ({ workbench, service, sourceFile }) => {
  await workbench.page.setViewportSize({ width: 1280, height: 800 });
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  const words = ['Moscow', 'kept', 'both', 'sides', 'dependent', 'arms', 'mediation', 'Ankara', 'Baku'];
  for (const [i, word] of words.entries()) {
    const path = `Regional actors/Russian policy toward the South Caucasus ${i + 1}`;
    await service.run('codes.add', { path });
    await service.run('codings.apply', { document: 'paper', code: path, coder: 'Ani', quote: word });
  }
  await workbench.page.reload();
  await workbench.app.ready();
  await workbench.openDocument('paper');
  await workbench.selectText('its arms');
  const strip = workbench.page.getByRole('group', { name: 'Codes on number keys' });
  const chips = strip.getByRole('button');
  await expect(chips).toHaveCount(9);
  const box = (await strip.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual((await workbench.page.getByRole('main', { name: 'Reader' }).boundingBox())!.x + (await workbench.page.getByRole('main', { name: 'Reader' }).boundingBox())!.width);
  for (let i = 0; i < 9; i++) {
    const chip = chips.nth(i);
    const chipBox = (await chip.boundingBox())!;
    // Inside the strip, wide enough for its key, colour and some of its name.
    expect(chipBox.x + chipBox.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(chipBox.width).toBeGreaterThanOrEqual(50);
    await expect(chip.locator('kbd')).toBeVisible();
    await expect(chip).toHaveAttribute('title', /Regional actors\/Russian policy toward the South Caucasus \d/);
    const name = chip.locator('.recent-chip-name');
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(true);
  }
  // The key on a chip is the key that applies it.
  const ninth = (await chips.nth(8).getAttribute('title'))!.match(/“(.+)”/)![1];
  await workbench.page.keyboard.press('9');
  await expect.poll(async () => (await service.run('codings.list', {})).filter((s) => s.text === 'its arms').map((s) => s.code)).toEqual([ninth]);
});

test('parent codes show their sub-codes’ totals, marked as an aggregate', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER), sourceFile('second.txt', 'Second\n\nMoscow mediated again.\n')]);
  for (const path of ['Russian policy/mediation', 'Russian policy/balancing', 'Turkey']) await service.run('codes.add', { path });
  await service.run('codings.apply', { document: 'paper', code: 'Russian policy/mediation', coder: 'Ani', quote: 'its mediation' });
  await service.run('codings.apply', { document: 'second', code: 'Russian policy/mediation', coder: 'Ani', quote: 'mediated' });
  await service.run('codings.apply', { document: 'paper', code: 'Russian policy/balancing', coder: 'Ani', quote: 'both sides' });
  await service.run('codings.apply', { document: 'paper', code: 'Russian policy', coder: 'Ani', quote: 'Moscow' });
  await workbench.page.reload();
  await workbench.app.ready();

  const parent = workbench.codebookRow('Russian policy');
  const subtree = (await service.run('codings.list', {})).filter((s) => s.code === 'Russian policy' || s.code.startsWith('Russian policy/'));
  // Its own figures (1 coding in 1 document), then Σ with its sub-codes.
  await expect(parent.locator('.counts')).toHaveText('1·1');
  const documents = new Set(subtree.map((s) => s.documentId)).size;
  expect([subtree.length, documents]).toEqual([4, 2]);
  const total = parent.getByTestId('code-total');
  await expect(total).toHaveText(`Σ ${subtree.length}·${documents}`);
  await expect(total).toHaveAttribute('title', `Σ: ${subtree.length} codings in ${documents} documents with its sub-codes`);
  await expect(parent).toHaveAttribute('aria-label', new RegExp(`${subtree.length} codings in ${documents} documents with its sub-codes`));
  // The details say it in words.
  await parent.hover();
  await parent.getByRole('button', { name: 'Details of Russian policy' }).click();
  await expect(workbench.codeDetails('Russian policy')).toContainText(`Σ with sub-codes: ${subtree.length} codings in ${documents} documents`);
  // Leaves have no aggregate.
  await expect(workbench.codebookRow('Russian policy/mediation').getByTestId('code-total')).toHaveCount(0);
  await expect(workbench.codebookRow('Turkey').getByTestId('code-total')).toHaveCount(0);
});
