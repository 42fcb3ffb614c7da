/**
 * Team review reports: the agreement tables and the decision log as CSV, and a printable HTML
 * report; and merging another coder's copy (app/service/merge.ts). The formats themselves are
 * pure (app/formats/reviewCsv.ts, reviewReportHtml.ts); this file gathers their data.
 */
import path from 'node:path';
import { agreementCsv, decisionLogCsv } from '../formats/reviewCsv.js';
import { reviewReportHtml, type ReviewProgress } from '../formats/reviewReportHtml.js';
import { findCoderByName } from '../store/coderQueries.js';
import { getProjectRow } from '../store/projectQueries.js';
import { reviewSettings } from '../store/reviewQueries.js';
import { computeAgreement } from './agreement.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { mergeProject } from './merge.js';
import { listComments, listDecisions, reviewQueue } from './review.js';

/** The review's counts for the report's scope; none when the consensus coder is compared. */
function progressOf(context: Context, input: Input<'review.report'>): ReviewProgress | null {
  const consensusId = reviewSettings(context.db).consensus_coder_id;
  if (consensusId !== null && input.coders.some((name) => findCoderByName(context.db, name)?.id === consensusId)) return null;
  const queue = reviewQueue(context, { coders: input.coders, ...(input.codes ? { codes: input.codes } : {}), ...(input.documents ? { documents: input.documents } : {}) });
  return { counts: queue.counts, kinds: queue.kinds, consensusCoder: queue.consensusCoder };
}

function report(context: Context, input: Input<'review.report'>): { html: string } {
  const agreement = computeAgreement(context, input);
  const inScope = new Set(agreement.documents.map((document) => document.id));
  return {
    html: reviewReportHtml({
      projectName: getProjectRow(context.db)?.name ?? path.basename(context.file, '.gloss'),
      generatedAt: context.now(),
      agreement,
      progress: progressOf(context, input),
      decisions: listDecisions(context, {}).filter((decision) => inScope.has(decision.documentId)),
      comments: listComments(context, {}).filter((comment) => inScope.has(comment.documentId)),
    }),
  };
}

export const reviewReportHandlers = {
  'review.logCsv': (context, input) => ({ csv: decisionLogCsv(listDecisions(context, input), listComments(context, input)) }),
  'review.agreementCsv': (context, input) => ({ csv: agreementCsv(computeAgreement(context, input)) }),
  'review.report': (context, input) => report(context, input),
  'exchange.mergeProject': (context, input) => mergeProject(context, input),
} satisfies Partial<Handlers>;
