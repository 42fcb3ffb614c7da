/**
 * What the team-review operations return: the review queue (every place where the compared
 * coders' codings meet, with its status), decisions (the log), comments and settings.
 */
import type { PLACE_KINDS, REVIEW_CHOICES, REVIEW_STATUSES } from './reviewInputs.js';
import type { AgreementDocumentView, SkippedDocumentView } from './agreementViews.js';

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** 'agreement': every coder coded the place alike; the rest are the kinds of disagreement. */
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type ReviewChoice = (typeof REVIEW_CHOICES)[number];

export interface ReviewSettings {
  /** Blind coding: each coder's workbench shows only their own codings until review. */
  blind: boolean;
  /** The coder whose codings are the consensus, once the first decision has made one. */
  consensusCoder: string | null;
}

export interface ReviewSegmentView {
  /** The coding's id. */
  id: string;
  code: string;
  codeId: string;
  start: number;
  end: number;
  text: string;
}

/** A segment as the log keeps it: code path and offsets as they were. */
export interface LoggedSegment {
  code: string;
  start: number;
  end: number;
}

export interface DecisionView {
  id: string;
  at: string;
  reviewer: string;
  choice: ReviewChoice;
  status: Exclude<ReviewStatus, 'unreviewed'>;
  /** With 'accept': whose version was taken. */
  acceptedCoder: string | null;
  reason: string;
  documentId: string;
  documentTitle: string;
  placeKey: string;
  kind: PlaceKind;
  start: number;
  end: number;
  /** The compared coders, and each one's version of the place as the reviewer saw it. */
  coders: string[];
  versions: { coder: string; segments: LoggedSegment[] }[];
  /** What the consensus holds in the place after the decision. */
  outcome: LoggedSegment[];
}

export interface ReviewCommentView {
  id: string;
  at: string;
  coder: string;
  body: string;
  documentId: string;
  placeKey: string;
}

export interface ReviewPlaceView {
  /** Stable while the place's codings stay as they are; decisions and comments hang on it. */
  key: string;
  kind: PlaceKind;
  status: ReviewStatus;
  documentId: string;
  documentTitle: string;
  /** The stretch the place covers: its first segment's start to its last segment's end. */
  start: number;
  end: number;
  codes: string[];
  /** The text around the place (whole sentences), for showing every coder's boundaries on it. */
  excerpt: { start: number; text: string };
  /** Every compared coder, in order, with their segments here (none for one who did not code it). */
  coders: { coder: string; segments: ReviewSegmentView[] }[];
  /** What the consensus layer holds in this stretch now. */
  consensus: ReviewSegmentView[];
  /** The newest decision on this place, if any. */
  decision: DecisionView | null;
  comments: ReviewCommentView[];
}

export interface ReviewQueue {
  coders: string[];
  consensusCoder: string | null;
  documents: AgreementDocumentView[];
  skippedDocuments: SkippedDocumentView[];
  notes: string[];
  /** Places per status and per kind, over the whole scope (before the status and kind filters). */
  counts: Record<ReviewStatus, number>;
  kinds: Record<PlaceKind, number>;
  /** The places the filters select, by document then position. */
  places: ReviewPlaceView[];
  /** Places the filters select, before `limit`. */
  total: number;
}

export interface AgreeAllResult {
  /** Agreement places accepted into the consensus now. */
  agreed: number;
  /** Agreement places that already had a decision, left as they were. */
  alreadyDecided: number;
  consensusCoder: string;
}
