import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { trimRange, wordStep, type CodingEdge, type WordStepDirection } from '../../app/domain/wordStep.js';

/** The coded text after one step on `part` of `text` (code points throughout), or null. */
function step(text: string, part: string, edge: CodingEdge, direction: WordStepDirection, from = 0): string | null {
  const index = new CodePointIndex(text);
  const at = text.indexOf(part, from);
  if (at < 0) throw new Error(`no ${part}`);
  const start = [...text.slice(0, at)].length;
  const range = wordStep(index, { start, end: start + [...part].length }, edge, direction);
  return range === null ? null : index.slice(range.start, range.end);
}

const TEXT = 'Russia chose  pivotal\tcontainment, then  waited.';

describe('wordStep', () => {
  it('widens and narrows by one word at either end, never leaving white space at an end', () => {
    expect(step(TEXT, 'pivotal', 'start', 'widen')).toBe('chose  pivotal');
    expect(step(TEXT, 'pivotal', 'end', 'widen')).toBe('pivotal\tcontainment,');
    expect(step(TEXT, 'chose  pivotal\tcontainment,', 'start', 'narrow')).toBe('pivotal\tcontainment,');
    expect(step(TEXT, 'chose  pivotal\tcontainment,', 'end', 'narrow')).toBe('chose  pivotal');
    expect(step(TEXT, 'containment, then', 'end', 'widen')).toBe('containment, then  waited.');
  });

  it('completes a word cut in the middle when widening, and gives it up whole when narrowing', () => {
    expect(step(TEXT, 'otal', 'start', 'widen')).toBe('pivotal');
    expect(step(TEXT, 'piv', 'end', 'widen')).toBe('pivotal');
    expect(step(TEXT, 'otal\tcontain', 'start', 'narrow')).toBe('contain');
    expect(step(TEXT, 'otal\tcontain', 'end', 'narrow')).toBe('otal');
  });

  it('trims a range that had white space at its ends', () => {
    expect(step(TEXT, '  pivotal\t', 'start', 'widen')).toBe('chose  pivotal');
    expect(step(TEXT, '  pivotal\tcontainment, ', 'end', 'narrow')).toBe('pivotal');
    const index = new CodePointIndex(TEXT);
    expect(trimRange(index, { start: 12, end: 22 })).toEqual({ start: 14, end: 21 });
  });

  it('says when there is no step: at the text ends, or narrowing the last word away', () => {
    expect(step(TEXT, 'Russia', 'start', 'widen')).toBeNull();
    expect(step(TEXT, 'waited.', 'end', 'widen')).toBeNull();
    expect(step(`${TEXT}  \n`, 'waited.', 'end', 'widen')).toBeNull();
    expect(step(`  \n${TEXT}`, 'Russia', 'start', 'widen')).toBeNull();
    expect(step(TEXT, 'pivotal', 'start', 'narrow')).toBeNull();
    expect(step(TEXT, 'pivotal', 'end', 'narrow')).toBeNull();
    expect(step(TEXT, '  ', 'end', 'widen')).toBeNull();
  });

  it('counts code points: astral letters, emoji and flags are one character each, never split', () => {
    const text = '𝑥 and 😀 met 🇦🇲 in 𝒜𝓇𝓂ℯ𝓃𝒾𝒶 today';
    const index = new CodePointIndex(text);
    const codePoints = [...text];
    const start = codePoints.indexOf('😀');
    // "😀 met" widened at the start takes in "and"; at the end, the flag (two code points).
    const widened = wordStep(index, { start, end: start + 5 }, 'start', 'widen')!;
    expect(index.slice(widened.start, widened.end)).toBe('and 😀 met');
    expect(widened).toEqual({ start: 2, end: start + 5 });
    const flag = wordStep(index, { start, end: start + 5 }, 'end', 'widen')!;
    expect(index.slice(flag.start, flag.end)).toBe('😀 met 🇦🇲');
    expect(flag.end - flag.start).toBe(8);
    expect(step(text, '𝑥', 'end', 'widen')).toBe('𝑥 and');
    expect(step(text, 'in 𝒜𝓇𝓂ℯ𝓃𝒾𝒶', 'start', 'narrow')).toBe('𝒜𝓇𝓂ℯ𝓃𝒾𝒶');
    expect(step(text, '🇦🇲 in 𝒜𝓇𝓂ℯ𝓃𝒾𝒶', 'end', 'narrow')).toBe('🇦🇲 in');
    expect(step(text, '𝓂ℯ𝓃', 'start', 'widen')).toBe('𝒜𝓇𝓂ℯ𝓃');
  });

  it('treats line breaks and no-break spaces as white space', () => {
    expect(step('one\ntwo\u00a0three', 'two', 'end', 'widen')).toBe('two\u00a0three');
    expect(step('one\ntwo\u00a0three', 'two', 'start', 'widen')).toBe('one\ntwo');
    expect(step('one\n\ntwo three', 'one\n\ntwo', 'start', 'narrow')).toBe('two');
  });
});
