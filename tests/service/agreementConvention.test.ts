import { describe, expect, it } from 'vitest';
import type { GlossService } from '../../app/service/service.js';
import { gloss } from '../support/cli.js';
import { glossErrorOf } from '../support/fixtures.js';
import { newProject, utf8 } from '../support/project.js';

// 100 characters of one passage: Ben codes all of it, Ani the first 72.
const PASSAGE = 'Moscow kept both sides at arm’s length, and the ceasefire held because nobody could afford a war now';
const PAPER = `Heading\n\n${PASSAGE}\n\nA second paragraph nobody coded, about the weather in Baku and the price of bread.\n`;
const SECOND = 'Second paper\n\nOnly Ani read this one.\n';

async function seed(service: GlossService): Promise<void> {
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('documents.import', { fileName: 'second.txt', data: utf8(SECOND) });
  await service.run('codes.add', { path: 'Balancing' });
  const start = [...PAPER].indexOf('M');
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + 72, coder: 'Ani' });
  await service.run('codings.apply', { document: 'paper', code: 'Balancing', start, end: start + [...PASSAGE].length, coder: 'Ben' });
  await service.run('codings.apply', { document: 'second', code: 'Balancing', quote: 'Only Ani', coder: 'Ani' });
}

/** What a command-line or JSON word looks like, in text meant for researchers. */
const CLI_WORDS = [/--[a-z]/, /`/, /\bgloss [a-z]/, /skippedDocuments/, /includeUncoded/, /maxqdaKappa/, /docs\//, /PROJECT/];

function expectResearcherWords(text: string): void {
  for (const word of CLI_WORDS) expect(text, `"${text}" should not contain ${word}`).not.toMatch(word);
}

describe('agreement conventions', () => {
  it('every result says which convention is in force and what it means: κ = 0 at 72 % with uncoded text left out', async () => {
    const { service } = newProject();
    try {
      await seed(service);
      const excluded = await service.run('agreement.compute', { coders: ['Ani', 'Ben'] });
      if (excluded.unit !== 'char') throw new Error('character level expected');
      expect(excluded.overall.percentAgreement.value).toBeCloseTo(0.72, 10);
      expect(excluded.overall.cohenKappa.value).toBe(0);
      expect(excluded.convention).toMatchObject({ id: 'uncoded-excluded', label: 'Uncoded text left out' });
      expect(excluded.convention.explanation).toMatch(/κ = 0\.000 at 72 % agreement is what this convention gives, not an error/);

      const included = await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'char', includeUncoded: true });
      if (included.unit !== 'char') throw new Error('character level expected');
      expect(included.convention).toMatchObject({ id: 'uncoded-included', label: 'Uncoded text counted' });
      expect(included.overall.cohenKappa.value).toBeGreaterThan(0.5);

      const segments = await service.run('agreement.compute', { coders: ['Ani', 'Ben'], unit: 'segment', overlap: 0.6 });
      expect(segments.convention).toMatchObject({ id: 'segment-overlap', label: 'Segments matched at 60 % overlap' });

      for (const result of [excluded, included, segments]) {
        expectResearcherWords(result.convention.explanation);
        result.notes.forEach(expectResearcherWords);
      }
      // The document only Ani coded is left out, and the note names it in the workbench's words.
      expect(excluded.notes).toEqual(['1 document was left out because not every chosen coder coded in it (“second”); choose documents to include them anyway.']);

      // The exported figures carry it too: CSV scope and the printed report.
      const csv = (await service.run('review.agreementCsv', { coders: ['Ani', 'Ben'], unit: 'char', includeUncoded: true })).csv;
      expect(csv).toContain('Uncoded text counted');
      const html = (await service.run('review.report', { coders: ['Ani', 'Ben'] })).html;
      expect(html).toContain('Uncoded text left out.');
    } finally {
      service.close();
    }
  });

  it('messages shown in the workbench name no command; the CLI adds its own hint', async () => {
    const { service, file } = newProject();
    try {
      await seed(service);
      const messages = [
        (await glossErrorOf(service.run('codings.apply', { document: 'nope', code: 'Balancing', quote: 'Moscow', coder: 'Ani' }))).message,
        (await glossErrorOf(service.run('codings.apply', { document: 'paper', code: 'Nope', quote: 'Moscow', coder: 'Ani' }))).message,
        (await glossErrorOf(service.run('codings.setMemo', { coding: '00000000-0000-0000-0000-000000000000', memo: 'x' }))).message,
        (await glossErrorOf(service.run('memos.update', { memo: '00000000-0000-0000-0000-000000000000', body: 'x' }))).message,
        (await glossErrorOf(service.run('agreement.compute', { coders: ['Ani', 'Zed'] }))).message,
        (await glossErrorOf(service.run('codes.add', { path: 'Balancing' }))).message,
      ];
      messages.forEach(expectResearcherWords);
      expect(messages[0]).toBe('No document "nope" in this project. Choose one of the project\'s documents by its title.');
      expect(messages[1]).toMatch(/^No code "Nope" in the codebook\. Add it to the codebook first/);
    } finally {
      service.close();
    }
    // The command line still says what to type.
    expect(gloss(['code', 'apply', file, '--doc', 'nope', '--code', 'Balancing', '--quote', 'Moscow']).stderr).toMatch(/Choose one of the project's documents by its title\. List them with `gloss docs PROJECT`/);
    expect(gloss(['agreement', file, '--coders', 'Ani,Ben']).stdout).toMatch(/Note: name documents with --doc to compare them anyway\./);
  });
});

describe('a reviewer who is not one of the compared coders', () => {
  it('decides places and accepts agreements; the log names them', async () => {
    const { service } = newProject();
    try {
      await seed(service);
      await service.run('codes.add', { path: 'Weather' });
      await service.run('codings.apply', { document: 'paper', code: 'Weather', quote: 'the weather in Baku', coder: 'Ani' });
      await service.run('codings.apply', { document: 'paper', code: 'Weather', quote: 'the weather in Baku', coder: 'Ben' });
      const queue = await service.run('review.queue', { coders: ['Ani', 'Ben'] });
      const boundary = queue.places.find((place) => place.kind === 'different-boundaries')!;
      await service.run('review.decide', { coders: ['Ani', 'Ben'], document: 'paper', place: boundary.key, choice: 'accept', coder: 'Ben', reviewer: 'Rita' });
      const agreed = await service.run('review.agreeAll', { coders: ['Ani', 'Ben'], reviewer: 'Rita' });
      expect(agreed.agreed).toBe(1);
      expect((await service.run('review.log', {})).map((decision) => [decision.reviewer, decision.choice])).toEqual([
        ['Rita', 'accept'],
        ['Rita', 'agree'],
      ]);
      // Rita reviewing does not make her a compared coder, nor change the figures.
      expect((await service.run('agreement.compute', { coders: ['Ani', 'Ben'] })).coders).toEqual(['Ani', 'Ben']);
    } finally {
      service.close();
    }
  });
});
