/**
 * The review's places: where the compared coders' codings meet in each document of the scope
 * (app/domain/agreement/disagreements.ts `findPlaces`), each keyed by its codings
 * (app/domain/review/placeKey.ts), and shown with every coder's segments, the consensus there,
 * the newest decision and the comments. A queue reads the codings, the consensus, the decisions
 * and the comments once each for all its documents, never once per place.
 */
import { createHash } from 'node:crypto';
import { findPlaces, type Place } from '../domain/agreement/disagreements.js';
import type { Block } from '../domain/blocks.js';
import { CodePointIndex } from '../domain/codepoints.js';
import { GlossError } from '../domain/errors.js';
import { PLACE_KEY_LENGTH, placeKeyText, type KeyedCoding } from '../domain/review/placeKey.js';
import { blocksTouched, widenToUnit } from '../domain/textUnits.js';
import { codingQuotes, type AgreementDocumentRow } from '../store/agreementQueries.js';
import type { Db } from '../store/projectFile.js';
import { coderCodingsIn, commentRows, decisionRows, reviewSettings, type CommentRow, type ConsensusCodingRow, type DecisionRow, type ReviewSettingsRow } from '../store/reviewQueries.js';
import { documentTextAndBlocks } from '../store/searchQueries.js';
import { spansByDocument, type Scope, type SpanRef } from './agreement.js';
import type { DecisionView, LoggedSegment, PlaceKind, ReviewChoice, ReviewCommentView, ReviewPlaceView, ReviewSegmentView, ReviewStatus } from './reviewViews.js';

/** How much text an excerpt shows at most on each side of its place (code points). */
export const EXCERPT_CONTEXT = 400;

export interface ComputedPlace {
  document: AgreementDocumentRow;
  key: string;
  place: Place<SpanRef>;
}

export function placeKey(codings: readonly KeyedCoding[]): string {
  return createHash('sha256').update(placeKeyText(codings)).digest('hex').slice(0, PLACE_KEY_LENGTH);
}

/** The review settings, refusing a scope that compares the consensus coder with the others. */
export function settingsForScope(db: Db, scope: Scope): ReviewSettingsRow {
  const settings = reviewSettings(db);
  const consensus = scope.coders.find((coder) => coder.id === settings.consensus_coder_id);
  if (consensus) {
    throw new GlossError(
      'invalid_input',
      `"${consensus.name}" holds the consensus (the review's outcome), so it cannot be one of the coders compared in the review. Compare the coders who coded independently.`,
      { cliHint: 'Name them with --coders.' },
    );
  }
  return settings;
}

/** Every place in the given documents (the scope's, by default), by document then position. */
export function computePlaces(db: Db, scope: Scope, documents: readonly AgreementDocumentRow[] = scope.documents): ComputedPlace[] {
  if (documents.length === 0) return [];
  const byDocument = spansByDocument(db, scope, documents);
  const keyOf = (place: Place<SpanRef>): string =>
    placeKey(place.spans.map((span) => ({ uuid: span.ref.uuid, code: scope.codes.get(span.code)!.uuid, start: span.start, end: span.end })));
  return documents.flatMap((document) => findPlaces(byDocument.get(document.id) ?? [], scope.coders.length).map((place) => ({ document, key: keyOf(place), place })));
}

function placeId(documentId: number, key: string): string {
  return `${documentId}:${key}`;
}

/** The newest decision per place (document and key) among the given documents'. */
export function newestDecisions(db: Db, documentIds: readonly number[]): Map<string, DecisionRow> {
  const newest = new Map<string, DecisionRow>();
  if (documentIds.length === 0) return newest;
  // Oldest first: a later row overwrites an earlier one.
  for (const row of decisionRows(db, documentIds)) newest.set(placeId(row.document_id, row.place_key), row);
  return newest;
}

export function decisionOf(decisions: ReadonlyMap<string, DecisionRow>, place: ComputedPlace): DecisionRow | undefined {
  return decisions.get(placeId(place.document.id, place.key));
}

export function statusOf(decision: DecisionRow | undefined): ReviewStatus {
  return decision ? (decision.status as ReviewStatus) : 'unreviewed';
}

export function decisionView(row: DecisionRow): DecisionView {
  return {
    id: row.uuid,
    at: row.created_at,
    reviewer: row.reviewer_name,
    choice: row.choice as ReviewChoice,
    status: row.status as DecisionView['status'],
    acceptedCoder: row.accepted_name,
    reason: row.reason,
    documentId: row.document_uuid,
    documentTitle: row.document_title,
    placeKey: row.place_key,
    kind: row.kind as PlaceKind,
    start: row.start,
    end: row.end,
    coders: JSON.parse(row.coders) as string[],
    versions: JSON.parse(row.versions) as DecisionView['versions'],
    outcome: JSON.parse(row.outcome) as LoggedSegment[],
  };
}

export function commentView(row: CommentRow): ReviewCommentView {
  return { id: row.uuid, at: row.created_at, coder: row.coder_name, body: row.body, documentId: row.document_uuid, placeKey: row.place_key };
}

/** Each compared coder's segments in a place as the log keeps them (code paths, offsets). */
export function loggedVersions(scope: Scope, place: Place<SpanRef>): { coder: string; segments: LoggedSegment[] }[] {
  return scope.coders.map((coder, i) => ({
    coder: coder.name,
    segments: place.spans.filter((span) => span.coder === i).map((span) => ({ code: scope.paths.get(span.code)!, start: span.start, end: span.end })),
  }));
}

interface DocumentText {
  index: CodePointIndex;
  blocks: Block[];
}

/**
 * The whole sentences around [start, end), at most EXCERPT_CONTEXT code points on each side.
 * Sentences are looked for only in that window (the blocks clipped to it): a long block, such as
 * a PDF page without paragraph breaks, would otherwise be split into sentences once per place.
 */
export function excerptOf(index: CodePointIndex, blocks: readonly Block[], start: number, end: number): { start: number; text: string } {
  const low = Math.max(0, start - EXCERPT_CONTEXT);
  const high = Math.min(index.length, end + EXCERPT_CONTEXT);
  const touched = blocksTouched(blocks, low, high);
  const window = touched ? blocks.slice(touched[0], touched[1] + 1).map((block) => ({ ...block, start: Math.max(block.start, low), end: Math.min(block.end, high) })) : [];
  const sentence = widenToUnit(index, window, start, end, 'sentence');
  const from = Math.max(Math.min(sentence.start, start), low);
  const to = Math.min(Math.max(sentence.end, end), high);
  return { start: from, text: index.slice(from, to) };
}

/**
 * The views of the given places. `decisions` are the newest per place, as newestDecisions reads
 * them for the same documents.
 */
export function placeViews(db: Db, scope: Scope, places: readonly ComputedPlace[], settings: ReviewSettingsRow, decisions: ReadonlyMap<string, DecisionRow>): ReviewPlaceView[] {
  if (places.length === 0) return [];
  const documentIds = [...new Set(places.map(({ document }) => document.id))];
  const quotes = codingQuotes(db, places.flatMap(({ place }) => place.spans.map((span) => span.ref.id)));

  const consensus = new Map<number, ConsensusCodingRow[]>();
  if (settings.consensus_coder_id !== null) {
    for (const row of coderCodingsIn(db, settings.consensus_coder_id, documentIds)) {
      const list = consensus.get(row.document_id);
      if (list) list.push(row);
      else consensus.set(row.document_id, [row]);
    }
  }
  const comments = new Map<string, ReviewCommentView[]>();
  for (const row of commentRows(db, documentIds)) {
    const id = placeId(row.document_id, row.place_key);
    const list = comments.get(id);
    if (list) list.push(commentView(row));
    else comments.set(id, [commentView(row)]);
  }
  const texts = new Map<number, DocumentText>();
  const textOf = (documentId: number): DocumentText => {
    let text = texts.get(documentId);
    if (!text) {
      const row = documentTextAndBlocks(db, documentId);
      text = { index: new CodePointIndex(row.text), blocks: JSON.parse(row.blocks) as Block[] };
      texts.set(documentId, text);
    }
    return text;
  };
  const codeUuid = (id: number): string => scope.codes.get(id)!.uuid;

  return places.map(({ document, key, place }): ReviewPlaceView => {
    const { index, blocks } = textOf(document.id);
    const segments: ReviewSegmentView[][] = scope.coders.map(() => []);
    for (const span of place.spans) {
      segments[span.coder]!.push({ id: span.ref.uuid, code: scope.paths.get(span.code)!, codeId: codeUuid(span.code), start: span.start, end: span.end, text: quotes.get(span.ref.id)! });
    }
    const decision = decisions.get(placeId(document.id, key));
    return {
      key,
      kind: place.kind,
      status: statusOf(decision),
      documentId: document.uuid,
      documentTitle: document.title,
      start: place.start,
      end: place.end,
      codes: [...place.codes].sort(scope.byPath).map((id) => scope.paths.get(id)!),
      excerpt: excerptOf(index, blocks, place.start, place.end),
      coders: scope.coders.map((coder, i) => ({ coder: coder.name, segments: segments[i]! })),
      consensus: (consensus.get(document.id) ?? [])
        .filter((row) => row.start < place.end && row.end > place.start)
        .map((row) => ({ id: row.uuid, code: scope.paths.get(row.code_id)!, codeId: codeUuid(row.code_id), start: row.start, end: row.end, text: row.quote })),
      decision: decision ? decisionView(decision) : null,
      comments: comments.get(placeId(document.id, key)) ?? [],
    };
  });
}
