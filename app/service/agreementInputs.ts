/**
 * Input schemas of the agreement operations (Team review), kept beside the contract so that
 * contract.ts lists each operation on one line. Zod only: no service code.
 */
import { z } from 'zod';
import { MAX_CODERS } from '../domain/agreement/characters.js';

const reference = z.string().trim().min(1);

const scope = {
  /** Coder names; at least two. */
  coders: z.array(reference).min(2, 'name at least two coders to compare').max(MAX_CODERS, `compare at most ${MAX_CODERS} coders at once`),
  /** Code paths or ids; default every code a chosen coder used in the documents. */
  codes: z.array(reference).max(100_000).optional(),
  /** Document ids, id prefixes or titles; default the documents every chosen coder coded in. */
  documents: z.array(reference).max(100_000).optional(),
};

export const agreementInput = z
  .object({
    ...scope,
    /** 'char' (default): every character a unit. 'segment': coded segments matched by overlap. */
    unit: z.enum(['char', 'segment']).optional(),
    /** Segment level: the share two segments must overlap by (intersection / union); default 0.8. */
    overlap: z.number().gt(0, 'overlap must be more than 0').lte(1, 'overlap must be at most 1').optional(),
    /** Character level: count the characters no chosen coder coded with the code; default false. */
    includeUncoded: z.boolean().optional(),
  })
  .refine((input) => input.overlap === undefined || input.unit === 'segment', { message: 'overlap applies to unit "segment" only', path: ['overlap'] })
  .refine((input) => input.includeUncoded === undefined || input.unit !== 'segment', { message: 'includeUncoded applies to unit "char" only', path: ['includeUncoded'] });

export const disagreementsInput = z.object(scope);
