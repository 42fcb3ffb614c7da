/**
 * Every analysis view says which coders its figures count: the coders by name, and, once a
 * review has made a consensus coder, that "all coders" leaves it out unless it is chosen.
 */
import { AnalysisPage } from '../pages/analysisPage.js';
import { expect, test } from './fixtures.js';

const PAPER = 'Sanctions and their limits\n\nThe sanctions regime failed to change behaviour. Elites adapted quickly through new trade routes.\n';

test('each analysis view names the coders it counts, and leaves the consensus coder out of all coders', async ({ workbench, service }) => {
  await service.run('documents.import', { fileName: 'sanctions.txt', data: new TextEncoder().encode(PAPER) });
  await service.run('codes.add', { path: 'Outcome/failure' });
  await service.run('codes.add', { path: 'Adaptation' });
  for (const coder of ['Ani', 'Bob']) {
    await service.run('codings.apply', { document: 'sanctions', code: 'Outcome/failure', coder, quote: 'The sanctions regime failed to change behaviour' });
    await service.run('codings.apply', { document: 'sanctions', code: 'Adaptation', coder, quote: 'Elites adapted quickly' });
  }
  await service.run('review.agreeAll', { coders: ['Ani', 'Bob'], reviewer: 'Ani' });
  expect((await service.run('review.settings', {})).consensusCoder).toBe('Consensus');

  const page = workbench.page;
  await page.reload();
  await workbench.startAs('Ani');
  const analysis = new AnalysisPage(page);
  const everyone = 'Counting: Ani, Bob · all coders except Consensus';

  for (const view of ['Segments', 'Matrix', 'Co-occurrence', 'Side by side', 'Charts'] as const) {
    const region = await analysis.open(view);
    await expect(region.getByTestId('counting'), view).toHaveText(everyone);
  }

  // Chosen coders are named; choosing the consensus coder counts it (and only it).
  const matrix = await analysis.open('Matrix');
  await matrix.getByLabel('Matrix coder').selectOption('Consensus');
  await expect(matrix.getByTestId('counting')).toHaveText('Counting: Consensus');
  const consensus = await service.run('analysis.matrix', { coder: 'Consensus', withSegments: false });
  const adaptation = consensus.columns.findIndex((column) => column.code === 'Adaptation');
  await expect(analysis.matrixCell('sanctions', 'Adaptation')).toHaveText(String(consensus.cells.find((cell) => cell.column === adaptation)!.count));

  const cooccurrence = await analysis.open('Co-occurrence');
  await cooccurrence.getByLabel('Co-occurrence coder').selectOption('Bob');
  await expect(cooccurrence.getByTestId('counting')).toHaveText('Counting: Bob');

  const segments = await analysis.open('Segments');
  await segments.getByLabel('Coders').first().click();
  await segments.getByRole('group', { name: 'Coders' }).getByLabel('Bob').check();
  await segments.getByRole('group', { name: 'Coders' }).getByLabel('Ani').check();
  await expect(segments.getByTestId('counting')).toHaveText('Counting: Bob, Ani');
  await expect(segments.getByTestId('segments-count')).toHaveText(`${(await service.run('retrieval.segments', { coders: ['Ani', 'Bob'] })).total} segments`);
});
