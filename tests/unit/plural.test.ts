import { describe, expect, it } from 'vitest';
import { plural } from '../../app/domain/plural.js';

describe('plural', () => {
  it('says one thing in the singular and every other count in the plural, with thousands separated', () => {
    expect(plural(1, 'coding')).toBe('1 coding');
    expect(plural(0, 'coding')).toBe('0 codings');
    expect(plural(2, 'coding')).toBe('2 codings');
    expect(plural(12_345, 'passage')).toBe('12,345 passages');
    expect(plural(1, 'attribute value')).toBe('1 attribute value');
    expect(plural(3, 'analysis', 'analyses')).toBe('3 analyses');
  });
});
