import { describe, expect, it } from 'vitest';
import { countingText } from '../../renderer/analysis/counting.js';
import { oneOf, optionKey, stringList } from '../../renderer/analysis/optionKeys.js';

describe('which coders an analysis view counts', () => {
  const coders = ['Ani', 'Bob', 'Consensus'];
  it('names every coder but the consensus coder when all are counted', () => {
    expect(countingText({ coders, chosen: [], consensusCoder: 'Consensus', blindCoder: null })).toBe('Counting: Ani, Bob · all coders except Consensus');
    expect(countingText({ coders: ['Ani', 'Bob'], chosen: [], consensusCoder: null, blindCoder: null })).toBe('Counting: Ani, Bob · all coders');
    // A consensus coder named in the settings but with no row yet changes nothing.
    expect(countingText({ coders: ['Ani', 'Bob'], chosen: [], consensusCoder: 'Consensus', blindCoder: null })).toBe('Counting: Ani, Bob · all coders');
  });
  it('names the chosen coders, the consensus coder too when chosen', () => {
    expect(countingText({ coders, chosen: ['Consensus'], consensusCoder: 'Consensus', blindCoder: null })).toBe('Counting: Consensus');
    expect(countingText({ coders, chosen: ['Bob', 'Ani'], consensusCoder: 'Consensus', blindCoder: null })).toBe('Counting: Bob, Ani');
  });
  it('shortens a long list and says so under blind coding', () => {
    expect(countingText({ coders: ['A', 'B', 'C', 'D', 'E', 'F'], chosen: [], consensusCoder: null, blindCoder: null })).toBe('Counting: A, B, C, D and 2 more · all coders');
    expect(countingText({ coders, chosen: [], consensusCoder: 'Consensus', blindCoder: 'Ani' })).toBe('Counting: Ani only (blind coding)');
    expect(countingText({ coders: [], chosen: [], consensusCoder: null, blindCoder: null })).toBe('Counting: all coders (none yet)');
  });
});

describe('kept analysis options', () => {
  it('are stored per project and view, and only once the project is known', () => {
    expect(optionKey({ projectId: 'p1', view: 'matrix' }, 'rows')).toBe('gloss.option.p1.matrix.rows');
    expect(optionKey({ projectId: 'p2', view: 'matrix' }, 'rows')).not.toBe(optionKey({ projectId: 'p1', view: 'matrix' }, 'rows'));
    expect(optionKey({ projectId: undefined, view: 'matrix' }, 'rows')).toBeNull();
  });
  it('accept only values of the expected shape', () => {
    const measure = oneOf('count', 'coverage', 'per1000');
    expect(measure('coverage')).toBe(true);
    expect(measure('words')).toBe(false);
    expect(measure(3)).toBe(false);
    expect(stringList(['a', 'b'])).toBe(true);
    expect(stringList(['a', 2])).toBe(false);
    expect(stringList('a')).toBe(false);
  });
});
