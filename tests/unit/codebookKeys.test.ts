import { describe, expect, it } from 'vitest';
import type { CodeView, Segment } from '../../app/service/views.js';
import { codesByKey } from '../../renderer/codebook/codeKeys.js';
import { subtreeTotals, totalsOver } from '../../renderer/codebook/totals.js';

function code(id: string, parentId: string | null = null): CodeView {
  return {
    id,
    path: id,
    name: id,
    parentId,
    depth: parentId ? 1 : 0,
    color: '#000000',
    description: '',
    definition: '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
    segments: 0,
    documents: 0,
    totalSegments: 0,
    totalDocuments: 0,
  };
}

const segment = (codeId: string, documentId: string): Segment => ({ codeId, documentId }) as Segment;

describe('codesByKey: what keys 1–9 apply', () => {
  const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => code(id)) as [CodeView, CodeView, CodeView, CodeView];
  const codes = [a, b, c, d];

  it('gives pinned codes their number and the free numbers the recent codes, in order, without repeating a pinned one', () => {
    const keys = codesByKey(new Map([[1, 'c']]), [a, c, b], codes);
    expect(keys.map((k) => k?.id ?? null)).toEqual(['c', 'a', 'b', null, null, null, null, null, null]);
  });

  it('keeps a pin on a high key and fills the keys before it with recent codes', () => {
    const keys = codesByKey(new Map([[3, 'd']]), [a, b, c], codes);
    expect(keys.slice(0, 4).map((k) => k?.id ?? null)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('lets a recent code take the key of a pinned code that was deleted', () => {
    const keys = codesByKey(new Map([[1, 'gone']]), [a, b], codes);
    expect(keys.slice(0, 3).map((k) => k?.id ?? null)).toEqual(['a', 'b', null]);
  });
});

describe('totals with sub-codes', () => {
  const codes = [code('p'), code('x', 'p'), code('y', 'p'), code('leaf')];

  it('recounts each segment for its code and every ancestor, each document once', () => {
    const counted = totalsOver(codes, [segment('x', 'd1'), segment('x', 'd2'), segment('y', 'd1'), segment('p', 'd1'), segment('leaf', 'd3')]);
    expect(counted.map((c) => [c.id, c.totalSegments, c.totalDocuments])).toEqual([
      ['p', 4, 2],
      ['x', 2, 2],
      ['y', 1, 1],
      ['leaf', 1, 1],
    ]);
  });

  it('marks only codes with sub-codes as aggregates', () => {
    const totals = subtreeTotals(totalsOver(codes, [segment('x', 'd1')]));
    expect([...totals]).toEqual([['p', { segments: 1, documents: 1 }]]);
  });
});
