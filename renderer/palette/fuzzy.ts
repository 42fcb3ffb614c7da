/**
 * Fuzzy matching for the command palette: every query character must appear in order; runs
 * of consecutive characters and matches at word starts score higher, as in editors' palettes.
 */
export interface FuzzyMatch {
  score: number;
  /** Indexes of the matched characters in the candidate, for highlighting. */
  positions: number[];
}

export function fuzzyMatch(query: string, candidate: string): FuzzyMatch | null {
  const q = query.toLowerCase();
  const c = candidate.toLowerCase();
  if (q.length === 0) return { score: 0, positions: [] };
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (const char of q) {
    if (char === ' ') continue;
    const at = c.indexOf(char, from);
    if (at < 0) return null;
    const previous = positions[positions.length - 1];
    if (previous !== undefined && at === previous + 1) score += 5;
    if (at === 0 || /[\s/\-_]/.test(c[at - 1]!)) score += 8;
    score -= Math.min(at - from, 10) * 0.5;
    positions.push(at);
    from = at + 1;
  }
  // Prefer shorter candidates and exact substrings.
  if (c.includes(q)) score += 20;
  score -= candidate.length * 0.05;
  return { score, positions };
}

export function rankByFuzzy<T>(query: string, items: readonly T[], text: (item: T) => string, limit = 50): { item: T; match: FuzzyMatch }[] {
  const ranked: { item: T; match: FuzzyMatch }[] = [];
  for (const item of items) {
    const match = fuzzyMatch(query, text(item));
    if (match) ranked.push({ item, match });
  }
  ranked.sort((a, b) => b.match.score - a.match.score);
  return ranked.slice(0, limit);
}
