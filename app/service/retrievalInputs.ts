/**
 * Input schema and result types of the retrieval operations (app/service/retrieval.ts), kept
 * beside the contract so that contract.ts lists each operation on one line. Zod and types only.
 */
import { z } from 'zod';
import { attributeCondition } from './analysisInputs.js';
import { reviewStatus, REVIEW_STATUSES } from './reviewInputs.js';
import type { ReviewStatus } from './reviewViews.js';
import type { Segment } from './views.js';

const reference = z.string().trim().min(1);

export const retrievalInput = z.object({
  /** Only this code's segments (path or id). */
  code: reference.optional(),
  /** With `code`: its sub-codes' segments too. */
  includeSubcodes: z.boolean().optional(),
  /** Only these documents (ids, id prefixes or titles). */
  documents: z.array(reference).max(100_000).optional(),
  /** Only these coders' segments (names). */
  coders: z.array(reference).max(1_000).optional(),
  /** Only documents meeting every condition. */
  where: z.array(attributeCondition).max(50).optional(),
  /** Only segments whose review status is one of these (the newest decision on them; else unreviewed). */
  status: z.array(reviewStatus).max(REVIEW_STATUSES.length).optional(),
  /** Only these codings (ids), e.g. a matrix cell's. */
  ids: z.array(reference).max(200_000).optional(),
  /** At most this many segments (default 2,000); `total` still counts all. */
  limit: z.number().int().positive().max(200_000).optional(),
});

export type RetrievalInput = z.infer<typeof retrievalInput>;

/** An export's filter: the same, without a page size (it writes every segment the filter selects). */
export const retrievalExportInput = retrievalInput.omit({ limit: true });

export interface RetrievedSegment extends Segment {
  /** The rest of the sentence(s) around the segment: before it, and after it. */
  before: string;
  after: string;
  /** The review status: that of the newest review decision on the segment, else 'unreviewed'. */
  status: ReviewStatus;
}

export interface RetrievalResult {
  segments: RetrievedSegment[];
  /** Segments the filter selects, before `limit`. */
  total: number;
  truncated: boolean;
  /** With no coders or ids chosen: the coder left out of "all coders" (the review's consensus coder), or null. */
  excludedCoder: string | null;
}

