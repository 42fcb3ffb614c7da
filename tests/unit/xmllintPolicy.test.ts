import { describe, expect, it } from 'vitest';
import { xmllintPolicy } from '../support/xmllint.js';

describe('XSD validation where xmllint is missing', () => {
  it('runs where xmllint is installed, fails in CI without it, and skips (saying why) elsewhere', () => {
    expect(xmllintPolicy(true, undefined)).toBe('run');
    expect(xmllintPolicy(true, 'true')).toBe('run');
    expect(xmllintPolicy(false, 'true')).toBe('fail');
    expect(xmllintPolicy(false, '1')).toBe('fail');
    expect(xmllintPolicy(false, undefined)).toBe('skip');
    expect(xmllintPolicy(false, 'false')).toBe('skip');
    expect(xmllintPolicy(false, '')).toBe('skip');
  });
});
