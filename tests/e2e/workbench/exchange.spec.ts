/**
 * REFI-QDA from the workbench: a .qdpx from another project imports through Import… with its
 * summary shown, and the Export menu says what a format cannot carry before it writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GlossService } from '../../../app/service/service.js';
import { expect, test } from './fixtures.js';

test('import a .qdpx through Import… and export one after seeing what the format leaves out', async ({ workbench, service, workDir, shell }) => {
  // A co-author's project, written by Gloss itself.
  const other = GlossService.create(path.join(workDir, 'coauthor.gloss'), 'Co-author');
  await other.run('documents.import', { fileName: 'field-notes.txt', data: new TextEncoder().encode('Notes\n\nMoscow mediated; Ankara armed Baku.\n') });
  await other.run('codes.add', { path: 'Actors/Turkey', color: '#2CA02C' });
  await other.run('codes.update', { code: 'Actors/Turkey', definition: 'Turkish state action' });
  await other.run('codings.apply', { document: 'field-notes', code: 'Actors/Turkey', quote: 'Ankara armed Baku', coder: 'Cem' });
  const qdpx = path.join(workDir, 'coauthor.qdpx');
  writeFileSync(qdpx, (await other.run('exchange.exportQdpx', {})).data);
  other.close();

  await workbench.startAs('Ani');
  await workbench.importThroughPicker([qdpx]);
  await expect(workbench.app.documentsPane.locator('[data-status="imported"]')).toContainText(/1 documents, 2 codes, 1 codings, 1 coders/);
  await expect(workbench.document('field-notes')).toBeVisible();
  const [segment] = await service.run('codings.list', {});
  expect(segment).toMatchObject({ code: 'Actors/Turkey', coder: 'Cem', text: 'Ankara armed Baku' });

  test.skip(shell !== 'browser', 'the download is browser mode’s save; Electron’s native save dialog is covered by the smoke specs');
  // A codebook field REFI-QDA has no place for.
  await service.run('codes.update', { code: 'Actors/Turkey', whenNotToUse: 'Russian arms sales' });
  await workbench.page.getByRole('button', { name: 'Export ▾' }).click();
  await workbench.page.getByRole('menuitem', { name: 'Project for other QDA tools (.qdpx)' }).click();
  const dialog = workbench.page.getByRole('dialog', { name: /Export a REFI-QDA project/ });
  await expect(dialog).toContainText(/definition/i);
  const download = workbench.page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const saved = await download;
  const file = path.join(workDir, 'exported.qdpx');
  await saved.saveAs(file);
  expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
});
