/**
 * The agreement's convention, read and switched beside the table, and a reviewer who is not
 * one of the compared coders: Rita reviews Ani's and Ben's coding, picked in the Reviewer
 * picker with the mouse, and the decision log in the project file names her.
 */
import { ReviewPage } from '../pages/reviewPage.js';
import { expect, test } from './fixtures.js';

// Ben codes the whole sentence (100 characters); Ani its first 72: 72 % agreement, κ = 0.
const PASSAGE = 'Moscow kept both sides at arm’s length, and the ceasefire held because nobody could afford a war now';
const PAPER = `Heading\n\n${PASSAGE}.\n\nA second paragraph nobody coded, about the weather in Baku and the price of bread.\n`;

test('the convention in force is explained beside the table and switched there; the figures follow it', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'paper.txt', data: new TextEncoder().encode(PAPER) });
  await service.run('codes.add', { path: 'Balancing', color: '#1F77B4' });
  const start = [...PAPER].indexOf('M');
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + 72, coder: 'Ani' });
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + 100, coder: 'Ben' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const review = new ReviewPage(workbench.page);
  await review.open();
  await review.section('Agreement');

  const convention = review.view.getByRole('complementary', { name: 'How agreement is counted' });
  await expect(convention).toContainText('Uncoded text left out');
  await expect(convention).toContainText('κ = 0.000 at 72 % agreement is what this convention gives, not an error');
  expect(await review.agreementFigure('overall', '% agreement')).toBe('72.0 %');
  expect(await review.agreementFigure('overall', 'Cohen’s κ')).toBe('0.000');

  const counted = await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'char', includeUncoded: true });
  if (counted.unit !== 'char') throw new Error('character level expected');
  const toggle = convention.getByRole('switch', { name: 'Count uncoded text' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(convention).toContainText('Uncoded text counted');
  await expect.poll(() => review.agreementFigure('overall', 'Cohen’s κ')).toBe(counted.overall.cohenKappa.value!.toFixed(3));

  // The keyboard switches it back (Space on the focused switch).
  await toggle.focus();
  await workbench.page.keyboard.press('Space');
  await expect(convention).toContainText('Uncoded text left out');
  await expect.poll(() => review.agreementFigure('overall', 'Cohen’s κ')).toBe('0.000');

  // The agreement CSV, exported through the menu, carries the convention shown.
  const csv = await review.exportText('Agreement table (CSV)', test.info().outputDir);
  expect(csv).toContain('Uncoded text left out');
});

test('a reviewer who is not one of the compared coders decides places; the log keeps her name', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'paper.txt', data: new TextEncoder().encode(PAPER) });
  await service.run('codes.add', { path: 'Balancing', color: '#1F77B4' });
  await service.run('codes.add', { path: 'Weather', color: '#D62728' });
  const start = [...PAPER].indexOf('M');
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + 72, coder: 'Ani' });
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + 100, coder: 'Ben' });
  for (const coder of ['Ani', 'Ben']) await service.run('codings.apply', { document: 'paper', code: 'Weather', quote: 'the weather in Baku', coder });
  await service.run('coders.add', { name: 'Rita' });

  await workbench.page.reload();
  await workbench.startAs('Ani');
  const review = new ReviewPage(workbench.page);
  await review.open();
  await review.section('Places');
  await expect(review.comparedCoders).toHaveText('2 compared coders');

  // The current coder reviews by default; Rita is picked with the mouse.
  const picker = review.view.getByRole('combobox', { name: 'Reviewer' });
  await expect(picker).toHaveValue('Ani');
  await picker.selectOption('Rita');
  await expect(picker).toHaveValue('Rita');

  await review.selectPlace('the weather in Baku');
  await review.decide(/^Agree/).click();
  await expect(review.decision).toContainText('Rita');
  await review.selectPlace(/Moscow kept/);
  await review.place.locator('.place-head').click();
  await workbench.page.keyboard.press('2');
  await expect(review.decision).toContainText('Accepted Ben’s version');

  await expect.poll(async () => (await service.run('review.log', {})).map((decision) => `${decision.reviewer} ${decision.choice}`)).toEqual(['Rita agree', 'Rita accept']);
  expect((await service.run('coders.list', {})).map((coder) => coder.name).sort()).toEqual(['Ani', 'Ben', 'Consensus', 'Rita']);
});
