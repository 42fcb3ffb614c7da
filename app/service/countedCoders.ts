/**
 * Whose codings a count counts. The one rule, for every figure Gloss shows (codebook counts,
 * project and document counts, matrix, co-occurrence, the Segments view): "all coders" means
 * every coder but the review's consensus coder, whose codings repeat the coders' own passages as
 * the review's outcome and would count them twice. The consensus coder is counted only when it
 * is the coder chosen. Lists of coders (coders.list) and of codings (codings.list, exports of
 * segments) stay complete.
 */
import type { Db } from '../store/projectFile.js';
import { reviewSettings } from '../store/reviewQueries.js';

export interface CountedCoders {
  /** Only this coder's codings (a coder was chosen). */
  coderId: number | null;
  /** With no coder chosen: leave out this coder's codings (the consensus coder), if any. */
  excludedCoderId: number | null;
  /** The name of the coder left out, to say so beside the figures. */
  excludedCoder: string | null;
}

/** The consensus coder, who "all coders" leaves out. */
export function consensusCoder(db: Db): { id: number; name: string } | null {
  const settings = reviewSettings(db);
  return settings.consensus_coder_id === null ? null : { id: settings.consensus_coder_id, name: settings.consensus_name ?? '' };
}

/** The codings a count reads: the chosen coders' (any, the consensus coder too), or every coder's but the consensus coder's. */
export function countedCoders(db: Db, chosenCoderIds: readonly number[] = []): CountedCoders {
  if (chosenCoderIds.length === 1) return { coderId: chosenCoderIds[0]!, excludedCoderId: null, excludedCoder: null };
  if (chosenCoderIds.length > 1) return { coderId: null, excludedCoderId: null, excludedCoder: null };
  const consensus = consensusCoder(db);
  return { coderId: null, excludedCoderId: consensus?.id ?? null, excludedCoder: consensus?.name ?? null };
}
