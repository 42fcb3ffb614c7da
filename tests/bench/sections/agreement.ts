/**
 * Team review on the full project: inter-coder agreement of the generated project's four coders
 * (every document, all 500 codes, 200,000 codings) at character level (with and without the
 * uncoded text), at segment level, for two coders, and the list of disagreements; each beside
 * the bare SQL read it rests on. The generated codings are random, so the figures themselves are
 * near chance; what is measured is the time. Then the review queue over the same coders, and
 * the decisions that build the consensus.
 */
import type { AgreementResult } from '../../../app/service/agreementViews.js';
import { GlossService } from '../../../app/service/service.js';
import { openRaw } from '../fixture.js';
import type { Report } from '../report.js';
import type { Section } from '../section.js';
import { formatCount, repeat } from '../timing.js';

const ROUNDS = 3;

/** What agreement.compute reads (app/store/agreementQueries.ts), for every coder and code. */
const CODINGS_SQL = `SELECT document_id, json_group_array(code_id), json_group_array(coder_id), json_group_array(start), json_group_array(end)
  FROM codings INDEXED BY codings_document_range WHERE coder_id IN (SELECT value FROM json_each(?)) GROUP BY document_id`;

async function medianMs(action: () => unknown): Promise<number> {
  return (await repeat(ROUNDS, action, 1)).median * 1e3;
}

function describe(result: AgreementResult): string {
  const alpha = result.unit === 'char' ? result.overall.krippendorffAlpha.value : result.overall.percentAgreement.value;
  return `${formatCount(result.documents.length)} documents, ${formatCount(result.codes.length)} codes; overall ${result.unit === 'char' ? 'α' : '% agreement'} ${alpha === null ? 'undefined' : alpha.toFixed(3)}`;
}

export const agreementSection: Section = {
  name: 'agreement',
  title: `Team review: agreement of four coders over the whole project (median of ${ROUNDS})`,
  async run(bench, report: Report) {
    const coded = await bench.coded();
    const imported = await bench.imported();
    const file = bench.copyOf(coded.file, 'agreement.gloss');
    const service = GlossService.open(file);
    const db = openRaw(file);
    try {
      const coders = imported.coders;
      const pair = coders.slice(0, 2);
      report.note(`${formatCount(coded.codings)} codings by ${coders.join(', ')}; every figure is the median of ${ROUNDS} runs after one warm-up.`);
      const coderIds = db.prepare('SELECT id FROM coders').pluck().all() as number[];
      const readSql = db.prepare(CODINGS_SQL);
      const bareMs = await medianMs(() => readSql.raw().all(JSON.stringify(coderIds)));
      report.figure('agreement.codings_sql_ms', bareMs, 'ms', 'the bare read: every coding of the four coders, one JSON array per document and column');

      const cases: [key: string, input: Parameters<GlossService['run']>[1], note: string][] = [
        ['char', { coders, unit: 'char' }, 'character level, 4 coders, uncoded text left out: six coefficients and three unitizing alphas per code'],
        ['char_uncoded', { coders, unit: 'char', includeUncoded: true }, 'character level, 4 coders, every character of every document a unit'],
        ['char_two_coders', { coders: pair, unit: 'char' }, `character level, ${pair.join(' and ')}`],
        ['segment', { coders, unit: 'segment', overlap: 0.8 }, 'segment level at 0.8 overlap, 4 coders (6 pairs)'],
      ];
      for (const [key, input, note] of cases) {
        const result = await service.run('agreement.compute', input);
        const ms = await medianMs(() => service.run('agreement.compute', input));
        report.figure(`agreement.${key}_ms`, ms, 'ms', `${note}: ${describe(result)}`);
        report.figure(`agreement.${key}_ratio`, ms / bareMs, 'x', 'over the bare read');
      }

      const disagreements = await service.run('agreement.disagreements', { coders });
      report.figure(
        'agreement.disagreements_ms',
        await medianMs(() => service.run('agreement.disagreements', { coders })),
        'ms',
        `every place the 4 coders differ: ${formatCount(disagreements.disagreements.length)} places (${Object.entries(disagreements.counts).map(([kind, n]) => `${formatCount(n)} ${kind}`).join(', ')}), with ids and quotes`,
      );

      // The review queue rests on the same places plus decisions, comments and excerpts.
      const queue = await service.run('review.queue', { coders });
      report.figure(
        'review.queue_ms',
        await medianMs(() => service.run('review.queue', { coders })),
        'ms',
        `the whole review queue of the 4 coders: ${formatCount(queue.places.length)} places, each with its excerpt and every coder's segments`,
      );
      report.figure('review.queue_ratio', (await medianMs(() => service.run('review.queue', { coders }))) / bareMs, 'x', 'over the bare read');
      const firstDocument = queue.places[0]?.documentId;
      if (firstDocument) {
        const input = { coders, documents: [firstDocument], status: ['unreviewed' as const] };
        report.figure('review.queue_one_document_ms', await medianMs(() => service.run('review.queue', input)), 'ms', 'the unreviewed places of one document, as the review view loads them');
      }
      const started = performance.now();
      const agreed = await service.run('review.agreeAll', { coders: pair, reviewer: 'Bench reviewer' });
      report.figure('review.agree_all_ms', performance.now() - started, 'ms', `accept every agreement of ${pair.join(' and ')} into the consensus (${formatCount(agreed.agreed)} places: the generated codings are random, so agreements are rare), one undoable step; run once`);
      const place = (await service.run('review.queue', { coders: pair, documents: firstDocument ? [firstDocument] : [], limit: 1 })).places[0];
      if (place) {
        const decide = (): unknown =>
          service.run('review.decide', { coders: pair, document: place.documentId, place: place.key, choice: 'merge', reviewer: 'Bench reviewer', reason: 'bench' });
        report.figure('review.decide_ms', await medianMs(decide), 'ms', `one decision (merge) on a ${place.kind} place: the places of its document recomputed, the consensus there replaced, logged`);
      }
    } finally {
      db.close();
      service.close();
    }
  },
};
