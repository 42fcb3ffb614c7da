/**
 * The documents pane as a listbox (one Tab stop, arrows, Home/End, type-ahead, Enter opens), and
 * renaming and deleting documents by mouse and keyboard: a display title with the source file's
 * name kept, and a delete that says what goes with the document and is one undo step.
 */
import { expect, test } from './fixtures.js';

const FILES: [string, string][] = [
  ['aliyev-russia-approaches.txt', 'Aliyev\n\nMoscow kept both sides dependent on its arms.\n'],
  ['bayramov-turkey.txt', 'Bayramov\n\nAnkara armed Baku.\n'],
  ['chen-mediation.txt', 'Chen\n\nMediation stalled in 2021.\n'],
];

test('the documents list is one Tab stop with arrow keys, Home/End, type-ahead, and Enter to open', async ({ workbench, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker(FILES.map(([name, text]) => sourceFile(name, text)));
  const keys = workbench.page.keyboard;
  const focusedTitle = async (): Promise<string> => (await workbench.focused.locator('.document-title').textContent()) ?? '';
  await workbench.app.documentsPane.getByRole('button', { name: 'Dismiss' }).click();

  // From the filter field, Tab lands on one document and the next Tab leaves the list.
  await workbench.app.documentsPane.getByLabel('Filter documents').click();
  await keys.press('Tab');
  await expect(workbench.focused).toHaveAttribute('role', 'option');
  await expect.poll(focusedTitle).toBe('aliyev-russia-approaches');
  await keys.press('Tab');
  expect(await workbench.documentList.evaluate((list) => list.contains(document.activeElement))).toBe(false);
  await keys.press('Shift+Tab');
  await expect.poll(focusedTitle).toBe('aliyev-russia-approaches');

  await keys.press('ArrowDown');
  await expect.poll(focusedTitle).toBe('bayramov-turkey');
  await keys.press('End');
  await expect.poll(focusedTitle).toBe('chen-mediation');
  await keys.press('Home');
  await expect.poll(focusedTitle).toBe('aliyev-russia-approaches');
  await keys.press('c');
  await expect.poll(focusedTitle).toBe('chen-mediation');
  await keys.press('Enter');
  await expect(workbench.page.locator('.reader-header h1')).toHaveText('chen-mediation');
  await expect(workbench.document('chen-mediation')).toHaveAttribute('aria-selected', 'true');
  await keys.press('ArrowUp');
  await keys.press('Space');
  await expect(workbench.page.locator('.reader-header h1')).toHaveText('bayramov-turkey');
});

test('rename a document with F2 or its menu: a short title, the source file name kept', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker(FILES.map(([name, text]) => sourceFile(name, text)));
  const keys = workbench.page.keyboard;

  // Keyboard: F2 on the focused document, type, Enter.
  await workbench.document('aliyev-russia-approaches').focus();
  await keys.press('F2');
  const field = workbench.app.documentsPane.getByLabel('New document title');
  await expect(field).toBeFocused();
  await keys.type('Aliyev 2023');
  await keys.press('Enter');
  await expect.poll(async () => (await service.run('documents.list', {})).map((d) => [d.title, d.sourceName])).toContainEqual(['Aliyev 2023', 'aliyev-russia-approaches.txt']);
  await expect(workbench.focused).toHaveAttribute('title', /^Aliyev 2023\nSource file: aliyev-russia-approaches\.txt/);
  await expect(workbench.document('Aliyev 2023')).toContainText('txt · 0 codings · aliyev-russia-approaches.txt');
  await expect(workbench.document('bayramov-turkey')).not.toContainText('bayramov-turkey.txt');

  // Escape keeps the old title.
  await keys.press('F2');
  await keys.type('Something else');
  await keys.press('Escape');
  await expect(workbench.document('Aliyev 2023')).toBeFocused();
  expect((await service.run('documents.list', {})).map((d) => d.title)).toContain('Aliyev 2023');

  // Mouse: right click, Rename, type, Enter.
  await workbench.document('bayramov-turkey').click({ button: 'right' });
  await workbench.rowMenu.getByRole('menuitem', { name: /Rename/ }).click();
  await field.fill('Bayramov 2022');
  await field.press('Enter');
  await expect.poll(async () => (await service.run('documents.list', {})).map((d) => d.title).sort()).toEqual(['Aliyev 2023', 'Bayramov 2022', 'chen-mediation']);

  // A title another document has is refused with a message that says what to do.
  await workbench.document('Bayramov 2022').focus();
  await keys.press('F2');
  await keys.type('aliyev 2023');
  await keys.press('Enter');
  await expect(workbench.page.getByRole('alert')).toContainText(/already/i);
  expect((await service.run('documents.list', {})).map((d) => d.title).sort()).toEqual(['Aliyev 2023', 'Bayramov 2022', 'chen-mediation']);
});

test('delete a document with the Delete key or its menu: the confirmation says what goes with it, one undo brings it back', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker(FILES.map(([name, text]) => sourceFile(name, text)));
  await service.run('codes.add', { path: 'dependence' });
  const first = await service.run('codings.apply', { document: 'aliyev-russia-approaches', code: 'dependence', coder: 'Ani', quote: 'both sides' });
  await service.run('codings.apply', { document: 'aliyev-russia-approaches', code: 'dependence', coder: 'Ani', quote: 'its arms' });
  await service.run('codings.setMemo', { coding: first.id, memo: 'leverage', coder: 'Ani' });
  await service.run('memos.create', { target: { kind: 'document', document: 'aliyev-russia-approaches' }, body: 'A Baku view' });
  await service.run('attributes.set', { document: 'aliyev-russia-approaches', attribute: 'year', value: '2023' });
  await workbench.page.reload();
  await workbench.app.ready();
  await workbench.openDocument('aliyev-russia-approaches');

  // Keyboard: Delete on the focused document asks first, saying what goes with it.
  await workbench.document('aliyev-russia-approaches').focus();
  await workbench.page.keyboard.press('Delete');
  const confirm = workbench.page.getByRole('alertdialog', { name: 'Delete aliyev-russia-approaches' });
  await expect(confirm).toContainText('Its 2 codings, 2 memos and 1 attribute value go with it.');
  await expect(confirm.getByRole('button', { name: 'Delete document' })).toBeFocused();
  // Keep leaves everything as it was.
  await workbench.page.keyboard.press('Tab');
  await workbench.page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  expect((await service.run('documents.list', {})).length).toBe(3);
  await expect(workbench.document('aliyev-russia-approaches')).toBeFocused();

  await workbench.page.keyboard.press('Delete');
  await expect(confirm.getByRole('button', { name: 'Delete document' })).toBeFocused();
  await workbench.page.keyboard.press('Enter');
  await expect.poll(async () => (await service.run('documents.list', {})).map((d) => d.title)).toEqual(['bayramov-turkey', 'chen-mediation']);
  expect((await service.run('codings.list', {})).length).toBe(0);
  expect((await service.run('memos.list', {})).length).toBe(0);
  await expect(workbench.page.locator('.reader-header h1')).toHaveText('');
  // Focus moved to the next document; one Ctrl+Z brings the document back with all it had.
  await expect(workbench.document('bayramov-turkey')).toBeFocused();
  await workbench.undo();
  await expect.poll(async () => (await service.run('documents.list', {})).length).toBe(3);
  expect((await service.run('codings.list', { document: 'aliyev-russia-approaches' })).map((s) => s.text).sort()).toEqual(['both sides', 'its arms']);
  expect((await service.run('memos.list', {})).length).toBe(2);

  // Mouse: right click, Delete…, Delete document.
  await workbench.document('chen-mediation').click({ button: 'right' });
  await workbench.rowMenu.getByRole('menuitem', { name: /Delete/ }).click();
  const chen = workbench.page.getByRole('alertdialog', { name: 'Delete chen-mediation' });
  await expect(chen).toContainText('It has no codings, memos or attribute values.');
  await chen.getByRole('button', { name: 'Delete document' }).click();
  await expect.poll(async () => (await service.run('documents.list', {})).map((d) => d.title).sort()).toEqual(['aliyev-russia-approaches', 'bayramov-turkey']);
});
