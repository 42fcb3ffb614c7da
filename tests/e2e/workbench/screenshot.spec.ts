/**
 * The README's picture: the Vardazaryan paper with overlapping codings in four colours by two
 * coders, saved to docs/reader.png each time the suite runs.
 */
import path from 'node:path';
import { corpusDir, hasShared, repoRoot, SHARED_MISSING } from '../../support/paths.js';
import { expect, test } from './fixtures.js';

const VARDAZARYAN = 'vardazaryan-armenia-russia-after-second-karabakh-war';

const CODINGS: [code: string, color: string, coder: string, quote: string][] = [
  ['Russian policy/pivotal containment', '#D62728', 'Ani Hakobyan', 'Russia managed to implement a key policy of containment, as well as maneuver between Azerbaijan and Armenia'],
  ['Russian policy/balancing', '#1F77B4', 'Ben Aliyev', 'maneuver between Azerbaijan and Armenia'],
  ['Russian policy/pivotal containment', '#D62728', 'Ben Aliyev', 'key policy of containment'],
  ['Turkey/intervention', '#2CA02C', 'Ani Hakobyan', 'this policy became ineffective when Turkey actively intervened in the Armenian-Azerbaijani conflict'],
  ['Turkey/intervention', '#2CA02C', 'Ben Aliyev', 'prevent the strengthening of Turkish influence in Azerbaijan'],
  ['Azerbaijani strategy/strategic alliance', '#9467BD', 'Ani Hakobyan', 'deepen relations with Azerbaijan through a strategic alliance at the expense of Armenia'],
  ['Russian policy/balancing', '#1F77B4', 'Ani Hakobyan', 'From the point of view of Russian interests, the most effective way to solve this problem was to deepen relations with Azerbaijan'],
];

test.use({ projectName: 'Karabakh war study' });

test('screenshot of the reader with overlapping codings by two coders', async ({ workbench, service, shell }) => {
  test.skip(!hasShared, SHARED_MISSING);
  test.skip(shell !== 'browser', 'the README screenshot is taken in browser mode');
  await workbench.page.setViewportSize({ width: 1280, height: 800 });
  await service.run('documents.import', { fileName: `${VARDAZARYAN}.md`, data: new Uint8Array((await import('node:fs')).readFileSync(path.join(corpusDir, `${VARDAZARYAN}.md`))) });
  for (const [code, color] of new Map(CODINGS.map(([code, color]) => [code, color]))) await service.run('codes.add', { path: code, color });
  for (const [code, , coder, quote] of CODINGS) await service.run('codings.apply', { document: VARDAZARYAN, code, coder, quote });
  await service.run('memos.create', { target: { kind: 'project' }, body: 'How does each paper frame Russia’s balancing between Baku and Yerevan after 2020?' });

  await workbench.page.reload();
  await workbench.startAs('Ani Hakobyan');
  await workbench.openDocument(VARDAZARYAN);
  await expect(workbench.text.locator('.gloss-seg').first()).toBeVisible();
  await workbench.codebookRow('Russian policy/pivotal containment').click();
  // Past the title, to the coded abstract.
  const reader = (await workbench.app.reader.boundingBox())!;
  await workbench.page.mouse.move(reader.x + reader.width / 2, reader.y + reader.height / 2);
  await workbench.page.mouse.wheel(0, 380);
  await expect.poll(() => workbench.page.locator('.gloss-reader').evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
  await workbench.page.waitForTimeout(300);
  await workbench.page.screenshot({ path: path.join(repoRoot, 'docs', 'reader.png') });
});

test('screenshot of the codebook with a code’s details open, at 1280×800', async ({ workbench, service, shell }) => {
  test.skip(!hasShared, SHARED_MISSING);
  test.skip(shell !== 'browser', 'the README screenshot is taken in browser mode');
  await workbench.page.setViewportSize({ width: 1280, height: 800 });
  const fs = await import('node:fs');
  for (const name of fs.readdirSync(corpusDir).sort()) await service.run('documents.import', { fileName: name, data: new Uint8Array(fs.readFileSync(path.join(corpusDir, name))) });
  for (const [code, color] of new Map(CODINGS.map(([code, color]) => [code, color]))) await service.run('codes.add', { path: code, color });
  for (const [code, color] of [
    ['Russian policy/peacekeeping mission', '#17BECF'],
    ['Armenian strategy/CSTO reliance', '#8C564B'],
    ['Armenian strategy/diversification', '#E377C2'],
    ['Azerbaijani strategy/energy leverage', '#BCBD22'],
  ] as const)
    await service.run('codes.add', { path: code, color });
  for (const [code, , coder, quote] of CODINGS) await service.run('codings.apply', { document: VARDAZARYAN, code, coder, quote });
  await service.run('codes.update', {
    code: 'Russian policy/pivotal containment',
    description: 'Russia keeps both Armenia and Azerbaijan dependent on it, so neither can settle without Moscow.',
    definition: 'Moscow arms, mediates and guarantees for both sides at once, and uses that dependence as leverage.',
    whenToUse: 'The text says Russia plays both sides to keep its position as the indispensable broker.',
    whenNotToUse: 'Plain balancing with no leverage over either side (code Russian policy/balancing).',
    example: 'Russia managed to implement a key policy of containment',
  });
  const pivotal = (await service.run('codes.list', {})).find((code) => code.path === 'Russian policy/pivotal containment')!;
  await service.run('memos.create', { target: { kind: 'code', code: pivotal.id }, body: 'Compare with the 2016 April war: was containment already visible then?' });

  await workbench.page.reload();
  await workbench.startAs('Ani Hakobyan');
  await workbench.openDocument(VARDAZARYAN);
  await expect(workbench.text.locator('.gloss-seg').first()).toBeVisible();
  // Pin the code to key 1 from its row, then open its details with Space.
  await workbench.codebookRow('Russian policy/pivotal containment').focus();
  await workbench.page.keyboard.press('Shift+Digit1');
  await workbench.page.keyboard.press('Space');
  await expect(workbench.codeDetails('Russian policy/pivotal containment')).toBeVisible();
  await workbench.page.screenshot({ path: path.join(repoRoot, 'docs', 'codebook.png') });
});
