/**
 * The codebook and the coding popover: recent-code keys, rename, recolour, describe, move by
 * drag and drop, merge, delete with confirmation, and changing a coding in place — each undoable.
 */
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
