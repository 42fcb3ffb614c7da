/**
 * Which coders an analysis view counts, in words: "Counting: Ani, Bob · all coders except
 * Consensus". The service leaves the consensus coder out of "all coders" unless it is chosen;
 * the views say so, so that no figure silently includes (or leaves out) anyone.
 */

export interface CountingFacts {
  /** Every coder's name in the project. */
  coders: readonly string[];
  /** The coders the view's filter names; empty means all. */
  chosen: readonly string[];
  /** The review's consensus coder, if there is one. */
  consensusCoder: string | null;
  /** Blind coding: the views count only this coder. */
  blindCoder: string | null;
}

const SHOWN = 4;

function names(list: readonly string[]): string {
  if (list.length <= SHOWN) return list.join(', ');
  return `${list.slice(0, SHOWN).join(', ')} and ${list.length - SHOWN} more`;
}

export function countingText({ coders, chosen, consensusCoder, blindCoder }: CountingFacts): string {
  if (blindCoder) return `Counting: ${blindCoder} only (blind coding)`;
  if (chosen.length > 0) return `Counting: ${names(chosen)}`;
  const consensus = consensusCoder && coders.includes(consensusCoder) ? consensusCoder : null;
  const counted = coders.filter((name) => name !== consensus);
  if (counted.length === 0) return consensus ? `Counting: no coder yet (all coders except ${consensus})` : 'Counting: all coders (none yet)';
  return consensus ? `Counting: ${names(counted)} · all coders except ${consensus}` : `Counting: ${names(counted)} · all coders`;
}
