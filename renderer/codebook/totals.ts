import type { CodeView, Segment } from '../../app/service/views.js';

/** A parent code's figures with all its sub-codes: what the codebook shows as "Σ". */
export interface SubtreeTotals {
  segments: number;
  /** Distinct documents holding a segment of the code or any sub-code. */
  documents: number;
}

/** The service's aggregates (`totalSegments`, `totalDocuments`) of every code that has sub-codes. */
export function subtreeTotals(codes: CodeView[]): Map<string, SubtreeTotals> {
  const parents = new Set(codes.map((code) => code.parentId));
  const totals = new Map<string, SubtreeTotals>();
  for (const code of codes) if (parents.has(code.id)) totals.set(code.id, { segments: code.totalSegments, documents: code.totalDocuments });
  return totals;
}

/**
 * The aggregates recounted over some segments only (blind coding shows a coder their own
 * codings, so the Σ must count only those too): each segment counts for its code and every
 * ancestor, each document once per code.
 */
export function totalsOver(codes: CodeView[], segments: Segment[]): CodeView[] {
  const parentOf = new Map(codes.map((code) => [code.id, code.parentId]));
  const counts = new Map<string, number>();
  const documents = new Map<string, Set<string>>();
  for (const segment of segments) {
    for (let id: string | null | undefined = segment.codeId; id !== null && id !== undefined; id = parentOf.get(id)) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      const set = documents.get(id) ?? new Set<string>();
      set.add(segment.documentId);
      documents.set(id, set);
    }
  }
  return codes.map((code) => ({ ...code, totalSegments: counts.get(code.id) ?? 0, totalDocuments: documents.get(code.id)?.size ?? 0 }));
}
