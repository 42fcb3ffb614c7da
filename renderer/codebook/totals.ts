import type { CodeView } from '../../app/service/views.js';

/** A parent code's figures with all its sub-codes: what the codebook shows as "Σ". */
export interface SubtreeTotals {
  segments: number;
  /** Documents holding a segment of the code or any sub-code; null when not known. */
  documents: number | null;
}

type WithTotals = CodeView & { totalSegments?: number; totalDocuments?: number };

/**
 * Totals for every code that has sub-codes. The service's `totalSegments`/`totalDocuments` are
 * used when the view carries them; otherwise segments are summed here over the tree (documents
 * cannot be: a document may hold several of the sub-codes, so it stays unknown).
 */
export function subtreeTotals(codes: CodeView[]): Map<string, SubtreeTotals> {
  const children = new Map<string, CodeView[]>();
  for (const code of codes) if (code.parentId !== null) children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
  const summed = new Map<string, number>();
  const sum = (code: CodeView): number => {
    const known = summed.get(code.id);
    if (known !== undefined) return known;
    const total = code.segments + (children.get(code.id) ?? []).reduce((acc, child) => acc + sum(child), 0);
    summed.set(code.id, total);
    return total;
  };
  const totals = new Map<string, SubtreeTotals>();
  for (const code of codes as WithTotals[]) {
    if (!children.has(code.id)) continue;
    totals.set(code.id, { segments: code.totalSegments ?? sum(code), documents: code.totalDocuments ?? null });
  }
  return totals;
}
