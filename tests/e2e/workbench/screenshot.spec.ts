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
  await workbench.page.setViewportSize({ width: 1440, height: 860 });
  await service.run('documents.import', { fileName: `${VARDAZARYAN}.md`, data: new Uint8Array((await import('node:fs')).readFileSync(path.join(corpusDir, `${VARDAZARYAN}.md`))) });
  for (const [code, color] of new Map(CODINGS.map(([code, color]) => [code, color]))) await service.run('codes.add', { path: code, color });
  for (const [code, , coder, quote] of CODINGS) await service.run('codings.apply', { document: VARDAZARYAN, code, coder, quote });
  await service.run('memos.create', { target: { kind: 'project' }, body: 'How does each paper frame Russia’s balancing between Baku and Yerevan after 2020?' });

  await workbench.page.reload();
  await workbench.startAs('Ani Hakobyan');
  await workbench.openDocument(VARDAZARYAN);
  await expect(workbench.text.locator('.gloss-seg').first()).toBeVisible();
  await workbench.codebookRow('Russian policy/pivotal containment').click();
  await workbench.page.waitForTimeout(300);
  await workbench.page.screenshot({ path: path.join(repoRoot, 'docs', 'reader.png') });
});
