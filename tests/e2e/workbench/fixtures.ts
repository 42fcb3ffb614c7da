import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as base } from '../support/fixtures.js';
import { WorkbenchPage } from '../pages/workbenchPage.js';

export { expect } from '../support/fixtures.js';

/** The workbench page object on a fresh project, and a helper to write source files. */
export const test = base.extend<{ workbench: WorkbenchPage; sourceFile: (name: string, text: string) => string }>({
  workbench: async ({ gloss, electronApp }, use) => {
    await use(new WorkbenchPage(gloss, electronApp));
  },
  sourceFile: async ({ workDir }, use) => {
    await use((name, text) => {
      const file = path.join(workDir, name);
      writeFileSync(file, text, 'utf8');
      return file;
    });
  },
});
