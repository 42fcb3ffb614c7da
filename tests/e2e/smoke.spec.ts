/**
 * Smoke: the workbench loads in each shell, shows its project's name, and the contract works
 * from inside the page, end to end into the project's SQLite file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GlossBridge } from '../../app/service/bridge.js';
import { stubImportDialog } from './support/electronApp.js';
import { expect, test } from './support/fixtures.js';

test('the workbench loads and shows the project name', async ({ gloss, projectName }) => {
  await expect(gloss.root).toBeVisible();
  await expect(gloss.page.getByText(projectName, { exact: false }).first()).toBeVisible();
});

test('a contract call from the page reaches the project file', async ({ gloss, service, projectFile, projectName }) => {
  await gloss.ready();
  const info = await gloss.run('project.info', {});
  expect(info.name).toBe(projectName);
  expect(info.file).toBe(projectFile);

  // A mutation from the page lands in the real SQLite file.
  const bytes = new TextEncoder().encode('Smoke test\n\nOne paragraph of text.\n');
  const imported = await gloss.run('documents.import', { fileName: 'smoke.txt', data: bytes });
  expect(imported.status).toBe('imported');
  const documents = await service.run('documents.list', {});
  expect(documents.map((document) => document.title)).toContain('smoke');

  // Invalid input is refused by the contract's schema, as a value with a message.
  const refused = await gloss.call('documents.get', { document: '' });
  expect(refused.ok).toBe(false);
  expect(existsSync(`${projectFile}.lock`)).toBe(true);
});

test.describe('Electron', () => {
  test.skip(({ shell }) => shell !== 'electron', "Electron only: browser mode picks files with the page's own file input");

  test('documents chosen in the import dialog reach the page and the project', async ({ electronApp, gloss, service, workDir }) => {
    const file = path.join(workDir, 'chosen.md');
    writeFileSync(file, '# Chosen\n\nImported through the native dialog.\n');
    await stubImportDialog(electronApp!, [file]);
    await gloss.ready();
    const picked = await gloss.page.evaluate(async () => {
      const files = await (globalThis as unknown as { gloss: GlossBridge }).gloss.pickFilesToImport();
      return files.map((picked) => ({ name: picked.name, bytes: picked.data.length, isBytes: picked.data instanceof Uint8Array }));
    });
    expect(picked).toEqual([{ name: 'chosen.md', bytes: Buffer.byteLength('# Chosen\n\nImported through the native dialog.\n'), isBytes: true }]);
    const imported = await gloss.page.evaluate(async () => {
      const bridge = (globalThis as unknown as { gloss: GlossBridge }).gloss;
      const [picked] = await bridge.pickFilesToImport();
      return bridge.call('documents.import', { fileName: picked!.name, data: picked!.data as Uint8Array<ArrayBuffer> });
    });
    expect(imported.ok).toBe(true);
    expect((await service.run('documents.list', {})).map((document) => document.sourceName)).toContain('chosen.md');
  });
});
