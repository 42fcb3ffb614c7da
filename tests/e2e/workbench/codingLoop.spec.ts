/**
 * The loop a researcher repeats all day, with the mouse and the keyboard only: select, code,
 * select again, write memos, jump to a passage. Each test asserts what the project file holds.
 */
import { expect, test } from './fixtures.js';

const PAPER = [
  'Russia and the South Caucasus',
  '',
  'Moscow kept both sides dependent on its arms and its mediation, and it managed the conflict rather than ending it.',
  '',
  'After the war the peacekeeping contingent became the instrument of that policy, and Baku tested its limits with salami tactics.',
  '',
].join('\n');

test('a drag after clicking a code in the codebook selects only the new passage', async ({ workbench, service, sourceFile }) => {
  await workbench.startAs('Ani');
  await workbench.importThroughPicker([sourceFile('paper.txt', PAPER)]);
  await workbench.openDocument('paper');
  const newCode = workbench.app.codebook.getByLabel('New code');
  await newCode.fill('dependence');
  await newCode.press('Enter');
  await newCode.fill('salami tactics');
  await newCode.press('Enter');

  await workbench.selectText('both sides dependent');
  await workbench.codebookRow('dependence').click();
  await expect.poll(async () => (await service.run('codings.list', {})).map((s) => s.text)).toEqual(['both sides dependent']);

  await workbench.selectText('salami tactics');
  await workbench.codebookRow('salami tactics').click();
  await expect.poll(async () => (await service.run('codings.list', { code: 'salami tactics' })).map((s) => s.text)).toEqual(['salami tactics']);
  expect((await service.run('codings.list', {})).length).toBe(2);
});
