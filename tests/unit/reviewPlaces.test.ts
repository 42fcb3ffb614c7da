/**
 * The review's places (findPlaces: disagreements plus agreement clusters), the consensus a
 * decision makes (app/domain/review/outcome.ts) and place keys (app/domain/review/placeKey.ts).
 */
import { describe, expect, it } from 'vitest';
import { findDisagreements, findPlaces, type CodedSpan } from '../../app/domain/agreement/disagreements.js';
import { acceptedOutcome, agreedOutcome, mergedByCode } from '../../app/domain/review/outcome.js';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { placeKeyText } from '../../app/domain/review/placeKey.js';
import { EXCERPT_CONTEXT, excerptOf } from '../../app/service/reviewPlaces.js';

let next = 0;
function span(coder: number, code: number, start: number, end: number): CodedSpan<string> {
  return { ref: `s${next++}`, coder, code, start, end };
}

function shape(places: ReturnType<typeof findPlaces<string>>): string[] {
  return places.map((place) => `${place.kind} ${place.codes.join('+')} [${place.start},${place.end}) ${place.spans.length}`);
}

describe('findPlaces', () => {
  it('lists clusters where every coder has the same coverage as agreement places', () => {
    const spans = [span(0, 1, 0, 10), span(1, 1, 0, 10), span(0, 2, 20, 30), span(1, 2, 20, 25), span(1, 2, 25, 30)];
    // Code 2: coder 1's two touching segments cover what coder 0's one does: agreement.
    expect(shape(findPlaces(spans, 2))).toEqual(['agreement 1 [0,10) 2', 'agreement 2 [20,30) 3']);
    expect(findDisagreements(spans, 2)).toEqual([]);
  });

  it('finds each kind of disagreement beside the agreements, every span in exactly one place', () => {
    const spans = [
      span(0, 1, 0, 10),
      span(1, 1, 0, 10), // agreement
      span(0, 2, 20, 30),
      span(1, 2, 22, 30), // different boundaries
      span(0, 3, 40, 50),
      span(1, 4, 40, 55), // different codes
      span(0, 5, 60, 70), // one-coded
    ];
    const places = findPlaces(spans, 2);
    expect(shape(places)).toEqual(['agreement 1 [0,10) 2', 'different-boundaries 2 [20,30) 2', 'different-codes 3+4 [40,55) 2', 'one-coded 5 [60,70) 1']);
    expect(places.flatMap((place) => place.spans.map((s) => s.ref)).sort()).toEqual(spans.map((s) => s.ref).sort());
    expect(shape(findDisagreements(spans, 2))).toEqual(shape(places).slice(1));
  });

  it('with three coders, an agreement needs all three', () => {
    const spans = [span(0, 1, 0, 5), span(1, 1, 0, 5), span(2, 1, 0, 5), span(0, 2, 10, 15), span(1, 2, 10, 15)];
    expect(shape(findPlaces(spans, 3))).toEqual(['agreement 1 [0,5) 3', 'one-coded 2 [10,15) 2']);
  });
});

describe('decision outcomes', () => {
  const spans = [span(0, 1, 10, 20), span(1, 1, 15, 30), span(1, 1, 30, 35), span(0, 2, 12, 14), span(0, 1, 10, 20)];

  it('merge joins every coder\'s segments per code, touching ones too', () => {
    expect(mergedByCode(spans)).toEqual([
      { code: 1, start: 10, end: 35 },
      { code: 2, start: 12, end: 14 },
    ]);
  });

  it('accept takes one coder\'s segments as they are, duplicates once, none for a coder who did not code', () => {
    expect(acceptedOutcome(spans, 0)).toEqual([
      { code: 1, start: 10, end: 20 },
      { code: 2, start: 12, end: 14 },
    ]);
    expect(acceptedOutcome(spans, 1)).toEqual([
      { code: 1, start: 15, end: 30 },
      { code: 1, start: 30, end: 35 },
    ]);
    expect(acceptedOutcome(spans, 2)).toEqual([]);
  });

  it('agree takes the shared coverage', () => {
    expect(agreedOutcome([span(0, 3, 0, 5), span(0, 3, 5, 9), span(1, 3, 0, 9)])).toEqual([{ code: 3, start: 0, end: 9 }]);
    expect(agreedOutcome([])).toEqual([]);
  });
});

describe('place keys', () => {
  const a = { uuid: 'a', code: 'c1', start: 0, end: 5 };
  const b = { uuid: 'b', code: 'c1', start: 0, end: 6 };

  it('do not depend on the order of the codings', () => {
    expect(placeKeyText([a, b])).toBe(placeKeyText([b, a]));
  });

  it('change when a coding is moved, recoded, added or removed', () => {
    const base = placeKeyText([a, b]);
    expect(placeKeyText([a, { ...b, end: 7 }])).not.toBe(base);
    expect(placeKeyText([a, { ...b, code: 'c2' }])).not.toBe(base);
    expect(placeKeyText([a])).not.toBe(base);
    expect(placeKeyText([a, b, { uuid: 'c', code: 'c1', start: 1, end: 2 }])).not.toBe(base);
  });
});

describe('excerpts', () => {
  it('widen to whole sentences inside a long block, capped on each side', () => {
    const sentence = 'Baku and Yerevan talked. ';
    const text = `${'word '.repeat(1_000)}${sentence}${'Another one here. '.repeat(100)}`;
    const index = new CodePointIndex(text);
    const block = [{ kind: 'paragraph' as const, start: 0, end: index.length }];
    const at = text.indexOf('Yerevan');
    const excerpt = excerptOf(index, block, at, at + 7);
    // The text before is one 5,000-character sentence: the excerpt stops EXCERPT_CONTEXT before
    // the place (less the space it trims), and ends where the place's sentence ends.
    expect(at - excerpt.start).toBeLessThanOrEqual(EXCERPT_CONTEXT);
    expect(at - excerpt.start).toBeGreaterThan(EXCERPT_CONTEXT - 5);
    expect(excerpt.text).toBe(index.slice(excerpt.start, at + 'Yerevan talked.'.length));
  });

  it('is the whole sentence when it is short', () => {
    const text = 'First one. Baku and Yerevan talked. Last one.';
    const index = new CodePointIndex(text);
    const at = text.indexOf('Yerevan');
    expect(excerptOf(index, [{ kind: 'paragraph', start: 0, end: index.length }], at, at + 7)).toEqual({ start: text.indexOf('Baku'), text: 'Baku and Yerevan talked.' });
  });
});
