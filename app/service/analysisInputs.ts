/**
 * Input schemas of the analysis operations (compare coding across papers), kept beside the
 * contract so that contract.ts lists each operation on one line. Zod only: no service code.
 */
import { z } from 'zod';
import { undoStep } from './undoStep.js';
import { ATTRIBUTE_TYPES, CONDITION_OPERATORS } from '../domain/attributeValues.js';

const reference = z.string().trim().min(1);

export const attributeType = z.enum(ATTRIBUTE_TYPES);

/** A filter on documents by one attribute, e.g. { attribute: 'year', op: '>=', value: '2021' }. */
export const attributeCondition = z
  .object({
    attribute: reference,
    /** Default '='. 'set' and 'unset' take no value. */
    op: z.enum(CONDITION_OPERATORS).optional(),
    value: z.string().max(10_000).optional(),
  })
  .refine((condition) => (condition.op === 'set' || condition.op === 'unset') === (condition.value === undefined), {
    message: "give a value, except with op 'set' or 'unset'",
  });

/** Which documents and codings an analysis reads. */
const scopeFields = {
  /** Only documents meeting every condition. */
  where: z.array(attributeCondition).max(50).optional(),
  /** Only these documents (ids, id prefixes or titles). */
  documents: z.array(reference).max(100_000).optional(),
  /** Only this coder's codings; default every coder's. */
  coder: reference.optional(),
  /** Only these codes as columns (paths or ids); default the whole codebook. */
  codes: z.array(reference).max(100_000).optional(),
};

export const matrixInput = z.object({
  ...scopeFields,
  /** Rows: 'document' (default), or the name of an attribute to group documents by its value. */
  rows: reference.optional(),
  /** A code's column also counts the segments of its sub-codes. Default: each code its own. */
  includeSubcodes: z.boolean().optional(),
  /** List each cell's segment ids (default true). */
  withSegments: z.boolean().optional(),
});

export const MATRIX_MEASURES = ['count', 'coverage', 'per1000'] as const;

export const matrixCsvInput = matrixInput.extend({
  /** The figure in each cell; default count. */
  measure: z.enum(MATRIX_MEASURES).optional(),
});

export const cooccurrenceInput = z.object({
  ...scopeFields,
  scope: z.enum(['overlap', 'paragraph']).optional(),
  /** List each cell's segment pairs (default true). */
  withSegments: z.boolean().optional(),
});

export const searchInput = z.object({
  query: z.string().min(1).max(2_000),
  /** At most this many hits (default 100); `documents` still counts every matching document. */
  limit: z.number().int().positive().max(100_000).optional(),
  /** Code points of context on each side (default 60). */
  context: z.number().int().nonnegative().max(2_000).optional(),
  where: scopeFields.where,
  documents: scopeFields.documents,
});

export const TEXT_UNITS = ['word', 'sentence', 'paragraph'] as const;

export const autocodeInput = z.object({
  query: z.string().min(1).max(2_000),
  code: reference,
  coder: reference,
  /** Widen every hit to its word (default), sentence or paragraph. */
  scope: z.enum(TEXT_UNITS).optional(),
  where: scopeFields.where,
  documents: scopeFields.documents,
  step: undoStep,
});

export const attributeDefineInput = z.object({ name: z.string().trim().min(1).max(200), type: attributeType });

export const attributeSetInput = z.object({
  document: reference,
  attribute: z.string().trim().min(1).max(200),
  value: z.string().max(10_000),
  /** The type, when this creates the attribute; default inferred from the value. */
  type: attributeType.optional(),
});

export const attributeImportInput = z.object({
  csv: z.string().max(50_000_000),
  /** Types of attributes the CSV creates, by column name; others are inferred from their values. */
  types: z.record(z.string(), attributeType).optional(),
});
