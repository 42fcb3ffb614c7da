/**
 * The review reports on a real project: the agreement CSV carries exactly agreement.compute's
 * figures, the decision log CSV one row per decision, and the HTML report the same figures, the
 * review's counts and the log.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../app/formats/csvTable.js';
import type { GlossService } from '../../app/service/service.js';
import { newProject, utf8 } from '../support/project.js';

const PAPER = 'Russia chose containment. Turkey backed Azerbaijan. Baku and Yerevan <talked>.\n';
const SCOPE = { coders: ['Ani', 'Ben'] };

function range(text: string): { start: number; end: number } {
  const start = PAPER.indexOf(text);
  return { start, end: start + text.length };
}

async function seed(): Promise<GlossService> {
  const { service } = newProject('Report & <Co>');
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  for (const path of ['Actors/Russia', 'Actors/Turkey', 'Talks']) await service.run('codes.add', { path });
  const code = (coder: string, path: string, text: string): Promise<unknown> => service.run('codings.apply', { document: 'paper', code: path, coder, ...range(text) });
  await code('Ani', 'Actors/Russia', 'Russia');
  await code('Ben', 'Actors/Russia', 'Russia');
  await code('Ani', 'Actors/Turkey', 'Turkey backed');
  await code('Ben', 'Actors/Turkey', 'Turkey backed Azerbaijan');
  await code('Ben', 'Talks', 'Baku and Yerevan <talked>');
  return service;
}

async function decideBoundaries(service: GlossService): Promise<void> {
  const queue = await service.run('review.queue', { ...SCOPE, kinds: ['different-boundaries'] });
  const place = queue.places[0]!;
  await service.run('review.decide', { ...SCOPE, document: place.documentId, place: place.key, choice: 'accept', coder: 'Ben', reviewer: 'Rita', reason: 'Ben has the "whole" clause, =SUM(A1)' });
}

describe('review reports', () => {
  it('writes agreement.compute\'s figures into the agreement CSV, code by code', async () => {
    const service = await seed();
    const agreement = await service.run('agreement.compute', SCOPE);
    const rows = readCsv((await service.run('review.agreementCsv', SCOPE)).csv);
    expect(rows.map((row) => row.code)).toEqual([...agreement.codes.map((code) => code.code), '(overall)']);
    if (agreement.unit !== 'char') throw new Error('character level expected');
    agreement.codes.forEach((code, i) => {
      const row = rows[i]!;
      expect(Number(row.units)).toBe(code.units);
      const columns = Object.keys(row);
      const kappaColumn = columns.find((column) => /cohen/i.test(column) && !/reason/i.test(column))!;
      if (code.cohenKappa.value === null) {
        expect(row[kappaColumn]).toBe('');
        expect(Object.values(row)).toContain(code.cohenKappa.reason);
      } else {
        expect(Number(row[kappaColumn])).toBe(code.cohenKappa.value);
      }
    });
    service.close();
  });

  it('logs every decision as one CSV row, formulas neutralised and restored', async () => {
    const service = await seed();
    expect(readCsv((await service.run('review.logCsv', {})).csv)).toEqual([]);
    await decideBoundaries(service);
    const log = await service.run('review.log', {});
    const rows = readCsv((await service.run('review.logCsv', {})).csv);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.reviewer).toBe('Rita');
    expect(row.choice).toBe('accept');
    expect(row.acceptedcoder).toBe('Ben');
    expect(row.status).toBe('resolved');
    expect(row.reason).toBe('Ben has the "whole" clause, =SUM(A1)');
    expect(row.decisionid).toBe(log[0]!.id);
    expect(row.outcome).toContain('Actors/Turkey');
    expect(row.document).toBe('paper');
    expect(row.discussion).toBe('');
    // The place's discussion travels with its decision.
    await service.run('review.comment', { document: 'paper', place: log[0]!.placeKey, coder: 'Ani', body: 'Agreed, the clause runs on.' });
    const discussed = readCsv((await service.run('review.logCsv', {})).csv)[0]!;
    expect(discussed.discussion).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d Ani: Agreed, the clause runs on\.$/);
    service.close();
  });

  it('makes a self-contained report with the same figures, the progress and the log, escaping what users wrote', async () => {
    const service = await seed();
    await decideBoundaries(service);
    const { html } = await service.run('review.report', SCOPE);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('Report &amp; &lt;Co&gt;');
    expect(html).not.toContain('<Co>');
    const agreement = await service.run('agreement.compute', SCOPE);
    if (agreement.unit !== 'char') throw new Error('character level expected');
    const overallAlpha = agreement.overall.krippendorffAlpha;
    expect(html).toContain(overallAlpha.value === null ? 'undefined' : overallAlpha.value.toFixed(3));
    const queue = await service.run('review.queue', SCOPE);
    expect(queue.counts.resolved).toBe(1);
    expect(html).toMatch(/Resolved[\s\S]{0,200}>1</);
    expect(html).toContain('Rita');
    expect(html).not.toContain('<h2>Discussion</h2>');
    const decided = (await service.run('review.log', {}))[0]!;
    await service.run('review.comment', { document: 'paper', place: decided.placeKey, coder: 'Ani', body: 'Fine <by> me' });
    const discussed = (await service.run('review.report', SCOPE)).html;
    expect(discussed).toContain('<h2>Discussion</h2>');
    expect(discussed).toContain('Fine &lt;by&gt; me');
    service.close();
  });

  it('reports agreement with the consensus coder without a review progress', async () => {
    const service = await seed();
    await decideBoundaries(service);
    const consensus = (await service.run('review.settings', {})).consensusCoder!;
    const { html } = await service.run('review.report', { coders: ['Ben', consensus] });
    expect(html).toContain('the compared coders include the consensus coder');
    service.close();
  });
});
