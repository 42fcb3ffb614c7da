/**
 * Team review: blind coding, the review queue (every place where the compared coders' codings
 * meet), decisions that build the consensus layer (a coder of its own), comments and the
 * decision log. Places are worked out in reviewPlaces.ts, decisions recorded in
 * reviewDecisions.ts; docs/review.md tells the whole story.
 */
import { CodePointIndex } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import type { OutcomeSegment } from '../domain/review/outcome.js';
import type { AgreementDocumentRow } from '../store/agreementQueries.js';
import { getDocumentRow, listDocuments } from '../store/documentQueries.js';
import { commentRow, commentRows, decidedSourceUuids, decisionRows, reviewSettings } from '../store/reviewQueries.js';
import { resolveScope, scopeView, type Scope } from './agreement.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { checkReviewer, freeConsensusName, recordDecision } from './reviewDecisions.js';
import { commentView, computePlaces, decisionOf, decisionView, newestDecisions, placeViews, settingsForScope, statusOf, type ComputedPlace } from './reviewPlaces.js';
import type { AgreeAllResult, DecisionView, PlaceKind, ReviewCommentView, ReviewPlaceView, ReviewQueue, ReviewSettings, ReviewStatus } from './reviewViews.js';
import { ensureCoder, resolveCode, resolveDocument } from './resolve.js';

function settingsView(context: Context): ReviewSettings {
  const settings = reviewSettings(context.db);
  return { blind: settings.blind === 1, consensusCoder: settings.consensus_name };
}

/** The decision log, oldest first: every decision, or those on places in one document. */
export function listDecisions(context: Context, input: Input<'review.log'>): DecisionView[] {
  const documentIds = input.document !== undefined ? [resolveDocument(context.db, input.document).id] : null;
  return decisionRows(context.db, documentIds).map(decisionView);
}

/** Every comment of every place's discussion, oldest first: in the project, or in one document. */
export function listComments(context: Context, input: Input<'review.log'>): ReviewCommentView[] {
  const documentIds = input.document !== undefined ? [resolveDocument(context.db, input.document).id] : listDocuments(context.db).map((document) => document.id);
  return commentRows(context.db, documentIds).map(commentView);
}

/** Every place in the scope with its status, filtered by status and kind; counts over all. */
export function reviewQueue(context: Context, input: Input<'review.queue'>): ReviewQueue {
  const db = context.db;
  const scope = resolveScope(db, input);
  const settings = settingsForScope(db, scope);
  const places = computePlaces(db, scope);
  const decisions = newestDecisions(
    db,
    scope.documents.map((document) => document.id),
  );
  const counts: Record<ReviewStatus, number> = { unreviewed: 0, agreed: 0, disputed: 0, resolved: 0 };
  const kinds: Record<PlaceKind, number> = { agreement: 0, 'one-coded': 0, 'different-codes': 0, 'different-boundaries': 0 };
  const statuses = new Set(input.status ?? []);
  const wantedKinds = new Set(input.kinds ?? []);
  const selected: ComputedPlace[] = [];
  for (const place of places) {
    const status = statusOf(decisionOf(decisions, place));
    counts[status]++;
    kinds[place.place.kind]++;
    if (input.status !== undefined && !statuses.has(status)) continue;
    if (input.kinds !== undefined && !wantedKinds.has(place.place.kind)) continue;
    selected.push(place);
  }
  const { coders, documents, skippedDocuments, notes } = scopeView(scope);
  return {
    coders,
    consensusCoder: settings.consensus_name,
    documents,
    skippedDocuments,
    notes,
    counts,
    kinds,
    // Excerpts and views are the costly part: build them for the places shown only.
    places: placeViews(db, scope, input.limit === undefined ? selected : selected.slice(0, input.limit), settings, decisions),
    total: selected.length,
  };
}

/** How a place's coders differ, in words (its kind is an id). */
const DIFFERENCE: Record<PlaceKind, string> = {
  agreement: 'they agree',
  'one-coded': 'only some of them coded it',
  'different-codes': 'they chose different codes',
  'different-boundaries': 'their passages start or end at different places',
};

const STALE_PLACE = 'This place has changed since the queue was loaded (a coding in it was changed or removed); reload the review queue.';

function acceptedIndex(scope: Scope, name: string): number {
  const wanted = name.trim().toLocaleLowerCase();
  const index = scope.coders.findIndex((coder) => coder.name.toLocaleLowerCase() === wanted);
  if (index < 0) {
    throw new GlossError('invalid_input', `"${name}" is not one of the compared coders (${scope.coders.map((coder) => coder.name).join(', ')}); accept the version of one of them.`);
  }
  return index;
}

function decide(context: Context, input: Input<'review.decide'>): ReviewPlaceView {
  const db = context.db;
  const scope = resolveScope(db, { coders: input.coders, ...(input.codes !== undefined ? { codes: input.codes } : {}) });
  settingsForScope(db, scope);
  const row = resolveDocument(db, input.document);
  const document: AgreementDocumentRow = { id: row.id, uuid: row.uuid, title: row.title, length: row.length };
  const computed = computePlaces(db, scope, [document]).find((place) => place.key === input.place);
  if (!computed) throw new GlossError('not_found', STALE_PLACE);
  const { place } = computed;
  if (input.choice === 'agree' && place.kind !== 'agreement') {
    throw new GlossError('invalid_input', `Agree is for places where every coder coded alike; here the coders differ (${DIFFERENCE[place.kind]}). Accept one coder's version, merge, adjust, reject, or discuss it.`);
  }
  const accepted = input.coder !== undefined ? acceptedIndex(scope, input.coder) : undefined;
  const index = new CodePointIndex(getDocumentRow(db, document.id).text);
  let segments: OutcomeSegment<number>[] | undefined;
  if (input.segments !== undefined) {
    segments = input.segments.map((segment) => {
      if (segment.end > index.length) {
        throw new GlossError('invalid_input', `The segment [${segment.start}, ${segment.end}) runs past the end of "${document.title}", which has ${index.length} characters (code points).`);
      }
      return { code: resolveCode(db, segment.code).id, start: segment.start, end: segment.end };
    });
  }

  context.mutate('review.decide', (recorder) => {
    const reviewer = ensureCoder(db, recorder, input.reviewer, context.now(), context.newUuid());
    checkReviewer(db, reviewer);
    recordDecision(context, recorder, {
      scope,
      computed,
      index,
      choice: input.choice,
      reviewer,
      ...(accepted !== undefined ? { accepted } : {}),
      ...(segments !== undefined ? { segments } : {}),
      reason: input.reason ?? '',
    });
    const what = input.choice === 'accept' ? `accept ${scope.coders[accepted!]!.name}'s version` : input.choice;
    return { result: undefined, coderId: reviewer.id, summary: `Review: ${what} at [${place.start}, ${place.end}) in "${document.title}"` };
  });
  const settings = reviewSettings(db);
  return placeViews(db, scope, [computed], settings, newestDecisions(db, [document.id]))[0]!;
}

function agreeAll(context: Context, input: Input<'review.agreeAll'>): AgreeAllResult {
  const db = context.db;
  const scope = resolveScope(db, input);
  settingsForScope(db, scope);
  const places = computePlaces(db, scope).filter(({ place }) => place.kind === 'agreement');
  const decisions = newestDecisions(
    db,
    scope.documents.map((document) => document.id),
  );
  const undecided = places.filter((place) => decisionOf(decisions, place) === undefined);
  const decidedSources = decidedSourceUuids(db);
  const agreed = context.mutate('review.agreeAll', (recorder) => {
    const reviewer = ensureCoder(db, recorder, input.reviewer, context.now(), context.newUuid());
    checkReviewer(db, reviewer);
    const indexes = new Map<number, CodePointIndex>();
    for (const computed of undecided) {
      let index = indexes.get(computed.document.id);
      if (!index) indexes.set(computed.document.id, (index = new CodePointIndex(getDocumentRow(db, computed.document.id).text)));
      recordDecision(context, recorder, { scope, computed, index, choice: 'agree', reviewer, reason: '', undecided: !computed.place.spans.some((span) => decidedSources.has(span.ref.uuid)) });
    }
    return {
      result: undecided.length,
      coderId: reviewer.id,
      summary: `Review: agree on ${undecided.length} place${undecided.length === 1 ? '' : 's'} where ${scope.coders.map((coder) => coder.name).join(', ')} coded alike`,
    };
  });
  return { agreed, alreadyDecided: places.length - undecided.length, consensusCoder: reviewSettings(db).consensus_name ?? freeConsensusName(db) };
}

export const reviewHandlers = {
  'review.settings': (context) => settingsView(context),

  'review.setBlind': (context, input) =>
    context.mutate('review.setBlind', (recorder) => {
      recorder.update('review_settings', 1, { blind: input.blind ? 1 : 0 });
      return { result: settingsView(context), summary: input.blind ? 'Turn blind coding on' : 'Turn blind coding off (open the review)' };
    }),

  'review.queue': (context, input) => reviewQueue(context, input),

  'review.decide': (context, input) => decide(context, input),

  'review.agreeAll': (context, input) => agreeAll(context, input),

  'review.comment': (context, input) =>
    context.mutate('review.comment', (recorder) => {
      const document = resolveDocument(context.db, input.document);
      const coder = ensureCoder(context.db, recorder, input.coder, context.now(), context.newUuid());
      const row = recorder.insert('review_comments', {
        uuid: context.newUuid(),
        document_id: document.id,
        place_key: input.place,
        coder_id: coder.id,
        body: input.body,
        created_at: context.now(),
      });
      return { result: commentView(commentRow(context.db, row.id)), coderId: coder.id, summary: `Comment on a review place in "${document.title}"` };
    }),

  'review.log': (context, input) => listDecisions(context, input),
} satisfies Partial<Handlers>;
