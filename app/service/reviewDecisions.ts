/**
 * Recording a review decision: what the consensus holds in the place afterwards, the consensus
 * codings that replace those earlier decisions on the place made, the decision row with its
 * snapshots, and the links from the decision to the codings it was made on and made. Called
 * inside one context.mutate, so a decision (or a whole agree-all) is one undo step.
 */
import { anchorByOffsets } from '../domain/anchor.js';
import type { CodePointIndex } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import { acceptedOutcome, agreedOutcome, mergedByCode, type OutcomeSegment } from '../domain/review/outcome.js';
import { findCoderByName, type CoderRow } from '../store/coderQueries.js';
import { memoIdsOn } from '../store/memoQueries.js';
import type { Db } from '../store/projectFile.js';
import type { Recorder } from '../store/recorder.js';
import { earlierResults, reviewSettings } from '../store/reviewQueries.js';
import type { Scope } from './agreement.js';
import type { Context } from './context.js';
import { loggedVersions, type ComputedPlace } from './reviewPlaces.js';
import type { ReviewChoice, ReviewStatus } from './reviewViews.js';

export const CONSENSUS_NAME = 'Consensus';

export const STATUS_OF_CHOICE: Record<ReviewChoice, Exclude<ReviewStatus, 'unreviewed'>> = {
  agree: 'agreed',
  accept: 'resolved',
  merge: 'resolved',
  adjust: 'resolved',
  reject: 'resolved',
  discuss: 'disputed',
};

/** The name a new consensus coder gets: "Consensus", or "Consensus 2", … if that is taken. */
export function freeConsensusName(db: Db): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? CONSENSUS_NAME : `${CONSENSUS_NAME} ${n}`;
    if (!findCoderByName(db, name)) return name;
  }
}

/** The consensus coder, made (and remembered in review_settings) the first time it is needed. */
export function ensureConsensusCoder(context: Context, recorder: Recorder): CoderRow {
  const settings = reviewSettings(context.db);
  if (settings.consensus_coder_id !== null) {
    return context.db.prepare('SELECT * FROM coders WHERE id = ?').get(settings.consensus_coder_id) as CoderRow;
  }
  const coder = recorder.insert('coders', { uuid: context.newUuid(), name: freeConsensusName(context.db), created_at: context.now() }) as unknown as CoderRow;
  recorder.update('review_settings', 1, { consensus_coder_id: coder.id });
  return coder;
}

/** The reviewer decides as a coder of their own; the consensus coder cannot review. */
export function checkReviewer(db: Db, reviewer: CoderRow): void {
  if (reviewer.id === reviewSettings(db).consensus_coder_id) {
    throw new GlossError('invalid_input', `"${reviewer.name}" is the consensus coder, which holds the review's outcome; name the person who decides as the reviewer.`);
  }
}

export interface DecisionRequest {
  scope: Scope;
  computed: ComputedPlace;
  index: CodePointIndex;
  choice: ReviewChoice;
  reviewer: CoderRow;
  /** With 'accept': the index of the accepted coder among the scope's coders. */
  accepted?: number;
  /** With 'adjust': the reviewer's segments (code ids). */
  segments?: OutcomeSegment<number>[];
  reason: string;
  /** True when the caller knows that no decision touched the place yet (agree-all): skips a query. */
  undecided?: boolean;
}

function outcomeOf(request: DecisionRequest): OutcomeSegment<number>[] | null {
  const spans = request.computed.place.spans;
  switch (request.choice) {
    case 'agree':
      return agreedOutcome(spans);
    case 'accept':
      return acceptedOutcome(spans, request.accepted!);
    case 'merge':
      return mergedByCode(spans);
    case 'adjust':
      return request.segments!;
    case 'reject':
      return [];
    case 'discuss':
      return null;
  }
}

/** Record one decision through the recorder; returns the decision row's id. */
export function recordDecision(context: Context, recorder: Recorder, request: DecisionRequest): number {
  const { scope, computed, choice } = request;
  const { document, key, place } = computed;
  const db = context.db;
  const outcome = outcomeOf(request);
  const settings = reviewSettings(db);
  const consensusId = outcome !== null && outcome.length > 0 ? ensureConsensusCoder(context, recorder).id : settings.consensus_coder_id;
  const sources = place.spans.map((span) => span.ref.uuid);
  const earlier = consensusId !== null && request.undecided !== true ? earlierResults(db, document.id, key, sources, consensusId) : [];

  const now = context.now();
  let results: { uuid: string; code: number; start: number; end: number }[];
  if (outcome === null) {
    // Discussion leaves the consensus as it is: what earlier decisions made still stands.
    results = earlier.map((row) => ({ uuid: row.uuid, code: row.code_id, start: row.start, end: row.end }));
  } else {
    for (const row of earlier) {
      for (const memoId of memoIdsOn(db, 'coding_id', row.id)) recorder.delete('memos', memoId);
      recorder.delete('codings', row.id);
    }
    results = outcome.map((segment) => {
      const anchor = anchorByOffsets(request.index, segment.start, segment.end);
      const uuid = context.newUuid();
      recorder.insert('codings', {
        uuid,
        document_id: document.id,
        code_id: segment.code,
        coder_id: consensusId!,
        start: anchor.start,
        end: anchor.end,
        quote: anchor.quote,
        created_at: now,
        updated_at: now,
      });
      return { uuid, code: segment.code, start: anchor.start, end: anchor.end };
    });
  }

  const decision = recorder.insert('review_decisions', {
    uuid: context.newUuid(),
    document_id: document.id,
    place_key: key,
    start: place.start,
    end: place.end,
    kind: place.kind,
    choice,
    status: STATUS_OF_CHOICE[choice],
    accepted_coder_id: request.accepted !== undefined ? scope.coders[request.accepted]!.id : null,
    reviewer_id: request.reviewer.id,
    coders: JSON.stringify(scope.coders.map((coder) => coder.name)),
    versions: JSON.stringify(loggedVersions(scope, place)),
    outcome: JSON.stringify(results.map((result) => ({ code: scope.paths.get(result.code)!, start: result.start, end: result.end }))),
    reason: request.reason,
    created_at: now,
  });
  for (const uuid of sources) recorder.insert('review_decision_codings', { decision_id: decision.id, coding_uuid: uuid, role: 'source' });
  for (const result of results) recorder.insert('review_decision_codings', { decision_id: decision.id, coding_uuid: result.uuid, role: 'result' });
  if (choice === 'discuss' && request.reason.trim().length > 0) {
    recorder.insert('review_comments', { uuid: context.newUuid(), document_id: document.id, place_key: key, coder_id: request.reviewer.id, body: request.reason.trim(), created_at: now });
  }
  return decision.id;
}
