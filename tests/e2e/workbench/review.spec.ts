/**
 * Team review in the workbench: two coders code the same paper in parallel (each in their own
 * copy, in their own window), the reviewer merges the other copy, reads the agreement, resolves
 * a disagreement, marks one for discussion, accepts the agreements and exports the consensus
 * and the decision log. And blind coding: others' codings hidden until the review opens.
 */
import path from 'node:path';
import { openSession } from '../../../app/host/session.js';
import type { Statistic } from '../../../app/service/agreementViews.js';
import { WorkbenchPage } from '../pages/workbenchPage.js';
import { ReviewPage } from '../pages/reviewPage.js';
import { GlossApp } from '../support/glossApp.js';
import { rendererDirForTests } from '../support/renderer.js';
import { repoRoot } from '../../support/paths.js';
import { expect, test } from './fixtures.js';

const PAPER = [
  'Sanctions and their limits',
  '',
  'The sanctions regime failed to change behaviour. Elites adapted quickly through new trade routes. Public opinion rallied around the government.',
  '',
  'Analysts 📉 expected a collapse that never came.',
  '',
].join('\n');

const SAME = 'The sanctions regime failed to change behaviour';
const ALICE_BOUNDARY = 'Elites adapted quickly';
const BOB_BOUNDARY = 'Elites adapted quickly through new trade routes';
const ONLY_BOB = 'Public opinion rallied around the government';
// After an astral character: the adjusted offsets must count it as one code point.
const ALICE_EXPECTATION = 'expected a collapse that never came';
const BOB_EXPECTATION = 'Analysts 📉 expected a collapse';
const ADJUSTED = 'a collapse that never came';

/** What the table shows for a figure: three decimals, a percentage, or "undefined" with a reason. */
function shown(statistic: Statistic, percent = false): string {
  if (statistic.value === null) return 'undefined';
  return percent ? `${(statistic.value * 100).toFixed(1)} %` : statistic.value.toFixed(3);
}

/**
 * Code a passage through the palette and wait until the workbench has redrawn with the new
 * coding (the status bar's count), so that the next selection is not undone by that redraw.
 */
async function codePassage(coder: WorkbenchPage, quote: string, code: string, codings: number): Promise<void> {
  await coder.selectText(quote);
  await coder.codeWithPalette(code);
  await expect(coder.page.locator('.statusbar')).toContainText(`${codings} ${codings === 1 ? 'coding' : 'codings'}`);
  await expect(coder.text.locator('.gloss-seg').filter({ hasText: [...quote][0]! }).first()).toBeVisible();
}

test.use({ projectName: 'Sanctions study' });

test('two coders code the same paper in parallel, merge, see the agreement, resolve a disagreement and export the consensus and the decision log', async ({
  workbench,
  service,
  workDir,
  sourceFile,
  shell,
  chromiumBrowser,
}) => {
  test.skip(shell !== 'browser', 'Bob’s copy opens in a second browser-mode session; exports are browser-mode downloads');
  const paper = sourceFile('sanctions.txt', PAPER);

  // Alice codes her copy (the test's project) in the workbench.
  await workbench.startAs('Alice');
  await workbench.importThroughPicker([paper]);
  await workbench.openDocument('sanctions');
  await codePassage(workbench, SAME, 'Outcome/failure', 1);
  await codePassage(workbench, ALICE_BOUNDARY, 'Adaptation', 2);
  await codePassage(workbench, ALICE_EXPECTATION, 'Expectations', 3);
  await expect.poll(async () => (await service.run('codings.list', {})).length).toBe(3);

  // Bob codes his own copy of the same paper, in his own window, differently.
  const bobFile = path.join(workDir, 'Sanctions study (Bob).gloss');
  const bobSession = await openSession(bobFile, { rendererDir: rendererDirForTests() });
  const bobContext = await (await chromiumBrowser()).newContext();
  try {
    const bobPage = await bobContext.newPage();
    await bobPage.goto(bobSession.host.url);
    const bob = new WorkbenchPage(new GlossApp(bobPage, 'browser', bobSession.host.token), undefined);
    await bob.startAs('Bob');
    await bob.importThroughPicker([paper]);
    await bob.openDocument('sanctions');
    await codePassage(bob, SAME, 'Outcome/failure', 1);
    await codePassage(bob, BOB_BOUNDARY, 'Adaptation', 2);
    await codePassage(bob, ONLY_BOB, 'Rally effect', 3);
    await codePassage(bob, BOB_EXPECTATION, 'Expectations', 4);
    await expect.poll(async () => (await bobSession.service.run('codings.list', {})).length).toBe(4);
  } finally {
    await bobContext.close();
    await bobSession.close();
  }

  // Alice merges Bob's copy through Import…: the paper is matched, his codings come in under his name.
  await workbench.importThroughPicker([bobFile]);
  await expect(workbench.app.documentsPane.locator('[data-status="imported"]')).toContainText(/4 codings/);
  await expect(workbench.app.documentsPane.locator('[data-status="imported"]')).toContainText(/matched 1 documents/);
  expect((await service.run('documents.list', {})).map((document) => document.title)).toEqual(['sanctions']);
  expect((await service.run('codings.list', { coder: 'Bob' })).map((segment) => segment.text).sort()).toEqual([BOB_BOUNDARY, BOB_EXPECTATION, ONLY_BOB, SAME].sort());

  // The agreement, as the service computes it for the same input.
  const review = new ReviewPage(workbench.page);
  await review.open();
  await review.section('Agreement');
  await expect(review.comparedCoders).toHaveText('2 compared coders');
  const expected = await service.run('agreement.compute', { coders: ['Alice', 'Bob'], unit: 'char', includeUncoded: false });
  if (expected.unit !== 'char') throw new Error('character level expected');
  await expect(review.agreementTable).toBeVisible();
  expect(await review.agreementFigure('overall', 'Krippendorff’s α')).toBe(shown(expected.overall.krippendorffAlpha));
  expect(await review.agreementFigure('overall', '% agreement')).toBe(shown(expected.overall.percentAgreement, true));
  const adaptation = expected.codes.find((row) => row.code === 'Adaptation')!;
  expect(await review.agreementFigure('Adaptation', 'Cohen’s κ')).toBe(shown(adaptation.cohenKappa));
  // Where both coded exactly alike, chance agreement is 1 and κ is undefined: the table says so, with the reason.
  const failure = expected.codes.find((row) => row.code === 'Outcome/failure')!;
  expect(failure.cohenKappa.value).toBeNull();
  expect(await review.agreementFigure('Outcome/failure', 'Cohen’s κ')).toMatch(/^undefined\d+$/);
  await expect(review.view.getByRole('list', { name: 'Why some figures are undefined' })).toContainText(failure.cohenKappa.reason!);
  // The segment level answers too, with its threshold.
  await review.view.getByRole('radio', { name: 'Segments' }).click();
  await expect(review.view.getByLabel('Overlap threshold')).toHaveValue('80');
  const segments = await service.run('agreement.compute', { coders: ['Alice', 'Bob'], unit: 'segment', overlap: 0.8 });
  if (segments.unit !== 'segment') throw new Error('segment level expected');
  await expect.poll(() => review.agreementFigure('overall', 'Matched')).toBe(String(segments.overall.matched));
  await review.view.getByRole('radio', { name: 'Characters' }).click();

  // The places: one agreement, two boundary disagreements, one passage only Bob coded.
  await review.section('Places');
  await expect(review.places.locator('[data-place-item]')).toHaveCount(4);
  await expect(review.statusFilter('Unreviewed')).toContainText('4');

  // Resolve the boundary disagreement with the keyboard: the reason first, then "2" accepts Bob's version.
  await review.selectPlace(ALICE_BOUNDARY);
  expect(await review.highlighted('Alice')).toEqual([ALICE_BOUNDARY]);
  expect((await review.highlighted('Bob')).join('')).toBe(BOB_BOUNDARY);
  await review.reason.fill('The trade routes are how the elites adapted');
  await review.place.locator('.place-head').click();
  await workbench.page.keyboard.press('2');
  await expect(review.decision).toContainText('Accepted Bob’s version');
  await expect(review.decision).toContainText('The trade routes are how the elites adapted');
  await expect(review.place.locator('.place-head [data-status]')).toHaveText('Resolved');
  expect((await review.highlighted('Consensus')).join('')).toBe(BOB_BOUNDARY);

  // The expectation: the reviewer draws the consensus segment herself (E), past the emoji.
  await review.selectPlace(ALICE_EXPECTATION);
  await review.place.locator('.place-head').click();
  await workbench.page.keyboard.press('e');
  await review.selectInRow('Bob', ADJUSTED);
  await review.place.getByRole('button', { name: 'Add selection' }).click();
  await expect(review.excerptRow('Your adjustment')).toContainText(ADJUSTED);
  await review.reason.fill('Neither: the finding is the collapse that did not come');
  await review.place.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(review.decision).toContainText('Adjusted');
  expect((await review.highlighted('Consensus')).join('')).toBe(ADJUSTED);

  // The passage only Bob coded goes to discussion, with a comment thread.
  await review.selectPlace(ONLY_BOB);
  await review.reason.fill('Is a rally an outcome of the sanctions or a separate finding?');
  await review.decide(/^Discuss/).click();
  await expect(review.place.locator('.place-head [data-status]')).toHaveText('Disputed');
  await review.comment('A separate finding: keep it out of the outcome codes for now.');

  // Every agreement in one step.
  await review.view.getByRole('button', { name: 'Accept all agreements' }).click();
  await expect(review.statusFilter('Agreed')).toContainText('1');
  await expect(review.statusFilter('Resolved')).toContainText('2');
  await expect(review.statusFilter('Disputed')).toContainText('1');
  await expect(review.statusFilter('Unreviewed')).toContainText('0');
  await review.statusFilter('Disputed').click();
  await expect(review.places.locator('[data-place-item]')).toHaveCount(1);
  await expect(review.placeItem(ONLY_BOB)).toBeVisible();
  await review.statusFilter('Disputed').click();

  // The README’s picture at a laptop’s size (1280×800): the review with a decided place selected.
  await workbench.page.setViewportSize({ width: 1280, height: 800 });
  await review.selectPlace(ALICE_BOUNDARY);
  await workbench.app.documentsPane.getByRole('button', { name: 'Dismiss' }).click();
  await workbench.page.mouse.move(0, 0);
  for (const dismiss of await workbench.page.locator('.notices').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  await workbench.page.screenshot({ path: path.join(repoRoot, 'docs', 'review.png') });

  // What the service holds: a consensus coder with Bob's boundary and the agreed passage.
  const settings = await service.run('review.settings', {});
  expect(settings.consensusCoder).toBe('Consensus');
  expect((await service.run('codings.list', { coder: 'Consensus' })).map((segment) => `${segment.code}: ${segment.text}`).sort()).toEqual([`Adaptation: ${BOB_BOUNDARY}`, `Expectations: ${ADJUSTED}`, `Outcome/failure: ${SAME}`]);

  // The decision log in the workbench, newest first.
  await review.section('Decision log');
  const log = review.view.getByRole('table', { name: 'Decision log' });
  await expect(log.locator('tbody tr')).toHaveCount(4);
  await expect(log.locator('tbody tr[data-choice="accept"]')).toContainText('Accepted Bob');

  // Segments: the review status filter and badges.
  await workbench.page.getByRole('tab', { name: 'Segments' }).click();
  const segmentsView = workbench.page.getByRole('region', { name: 'Segments' });
  await segmentsView.getByLabel('Review status').first().click();
  await segmentsView.getByRole('group', { name: 'Review status' }).getByLabel('Disputed').check();
  await expect(segmentsView.getByTestId('segments-count')).toHaveText('1 segment');
  await expect(segmentsView.locator('.segment-item')).toContainText(ONLY_BOB);
  await expect(segmentsView.locator('.segment-item [data-status="disputed"]')).toBeVisible();

  // The exports, through the UI.
  await review.open();
  const consensusCsv = await review.exportText('Consensus segments (CSV)', workDir);
  expect(consensusCsv).toContain(BOB_BOUNDARY);
  expect(consensusCsv).toContain(SAME);
  expect(consensusCsv).not.toContain(ONLY_BOB);
  expect(consensusCsv).toContain('Consensus');
  const logCsv = await review.exportText('Decision log (CSV)', workDir);
  expect(logCsv).toContain('accept');
  expect(logCsv).toContain('The trade routes are how the elites adapted');
  expect(logCsv).toContain('discuss');
  expect(logCsv).toContain('Is a rally an outcome of the sanctions or a separate finding?');
  expect(logCsv).toContain('agree');
  expect(logCsv).toContain('adjust');
  expect(logCsv.trim().split('\n').length).toBeGreaterThanOrEqual(5);
});

test('blind coding hides the other coders’ codings until the review opens', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'memo.txt', data: new TextEncoder().encode('Memo\n\nMoscow mediated the ceasefire. Ankara armed Baku.\n') });
  await service.run('codes.add', { path: 'Mediation', color: '#1F77B4' });
  await service.run('codes.add', { path: 'Arms', color: '#D62728' });
  await service.run('codings.apply', { document: 'memo', code: 'Mediation', quote: 'Moscow mediated the ceasefire', coder: 'Ani' });
  await service.run('codings.apply', { document: 'memo', code: 'Arms', quote: 'Ankara armed Baku', coder: 'Ben' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const review = new ReviewPage(workbench.page);
  await review.open();
  // The toggle gives way to the notice at once, so it is clicked, not checked.
  await review.blindToggle.click();
  await expect(review.endBlind).toBeVisible();
  await expect(review.view).not.toContainText('Agreement per code');
  expect((await service.run('review.settings', {})).blind).toBe(true);

  // The reader, the coder filter and the codebook show Ani's work only.
  await workbench.page.getByRole('tab', { name: 'Reader' }).click();
  await workbench.openDocument('memo');
  await expect(workbench.text.locator('.gloss-seg')).not.toHaveCount(0);
  await expect(workbench.text.locator('.gloss-seg')).toContainText(['Moscow mediated the ceasefire']);
  const [benSegment] = await service.run('codings.list', { coder: 'Ben' });
  await expect(workbench.highlightsOf(benSegment!.id)).toHaveCount(0);
  await expect(workbench.page.getByLabel('Coder filter')).toBeDisabled();
  await expect(workbench.page.getByLabel('Coder filter')).toHaveValue('Ani');
  await expect(workbench.page.getByTestId('blind-note')).toHaveText('Blind coding: others’ codings are hidden until review');
  await expect(workbench.codebookRow('Arms').locator('.counts')).toHaveAttribute('title', '0 codings in 0 documents');
  await expect(workbench.codebookRow('Mediation').locator('.counts')).toHaveAttribute('title', '1 coding in 1 document');
  await expect(workbench.document('memo')).toContainText('txt · 1 coding');

  // The analysis views too.
  await workbench.page.getByRole('tab', { name: 'Segments' }).click();
  await expect(workbench.page.getByTestId('segments-count')).toHaveText('1 segment');

  // Ending blind coding opens everything.
  await review.open();
  await review.endBlind.click();
  await expect(review.endBlind).toBeHidden();
  expect((await service.run('review.settings', {})).blind).toBe(false);
  await workbench.page.getByRole('tab', { name: 'Reader' }).click();
  await expect(workbench.page.getByLabel('Coder filter')).toBeEnabled();
  await expect(workbench.highlightsOf(benSegment!.id).first()).toBeVisible();
  await expect(workbench.page.getByTestId('blind-note')).toBeHidden();
  await expect(workbench.document('memo')).toContainText('2 codings');
});
