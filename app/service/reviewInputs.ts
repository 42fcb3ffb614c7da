/**
 * Input schemas of the team-review operations (app/service/review.ts, reviewReport.ts), kept
 * beside the contract so that contract.ts lists each operation on one line. Zod only.
 */
import { z } from 'zod';
import { disagreementsInput } from './agreementInputs.js';

const reference = z.string().trim().min(1);
const offset = z.number().int().nonnegative();

export const REVIEW_STATUSES = ['unreviewed', 'agreed', 'disputed', 'resolved'] as const;
export const PLACE_KINDS = ['agreement', 'one-coded', 'different-codes', 'different-boundaries'] as const;
export const REVIEW_CHOICES = ['agree', 'accept', 'merge', 'adjust', 'reject', 'discuss'] as const;

export const reviewStatus = z.enum(REVIEW_STATUSES);

/** The review's scope: the compared coders (two or more), and optionally codes and documents. */
const scope = disagreementsInput;

export const reviewQueueInput = scope.extend({
  /** Only places with these statuses; default every place. */
  status: z.array(reviewStatus).max(REVIEW_STATUSES.length).optional(),
  /** Only places of these kinds; default every kind, agreements included. */
  kinds: z.array(z.enum(PLACE_KINDS)).max(PLACE_KINDS.length).optional(),
  /** At most this many places (the first by document and position); `total` still counts all. */
  limit: z.number().int().positive().max(1_000_000).optional(),
});

export const reviewDecideInput = scope
  .extend({
    /** The place's document and key, as the queue lists them. */
    document: reference,
    place: z.string().trim().min(1).max(200),
    choice: z.enum(REVIEW_CHOICES),
    /** The reviewer (a coder name; created if new). */
    reviewer: reference,
    /** With 'accept': whose version the consensus takes. */
    coder: reference.optional(),
    /** With 'adjust': the consensus segments the reviewer drew (offsets in code points). */
    segments: z
      .array(z.object({ code: reference, start: offset, end: offset }).refine((segment) => segment.end > segment.start, { message: 'a segment ends after it starts' }))
      .min(1, 'give at least one segment to adjust to')
      .max(1_000)
      .optional(),
    /** Why: the reviewer's reason, kept in the decision log. */
    reason: z.string().max(100_000).optional(),
  })
  .refine((input) => (input.coder !== undefined) === (input.choice === 'accept'), { message: "name the coder to accept (coder) with choice 'accept', and only then", path: ['coder'] })
  .refine((input) => (input.segments !== undefined) === (input.choice === 'adjust'), { message: "give the adjusted segments with choice 'adjust', and only then", path: ['segments'] });

/** Accept every place where the coders agree into the consensus, as one undoable step. */
export const reviewAgreeAllInput = scope.extend({ reviewer: reference });

export const reviewCommentInput = z.object({
  document: reference,
  place: z.string().trim().min(1).max(200),
  coder: reference,
  body: z.string().trim().min(1, 'write something to comment').max(100_000),
});

export const reviewLogInput = z.object({
  /** Only decisions on places in this document. */
  document: reference.optional(),
});
