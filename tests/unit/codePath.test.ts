import { describe, expect, it } from 'vitest';
import { formatCodePath, normalizeCodeName, parseCodePath } from '../../app/domain/codePath.js';
import { defaultColor, normalizeColor } from '../../app/domain/color.js';

describe('code paths', () => {
  it('splits on slashes and trims names', () => {
    expect(parseCodePath('Russian policy / pivotal containment')).toEqual(['Russian policy', 'pivotal containment']);
  });

  it('round-trips escaped slashes and backslashes', () => {
    const names = ['EU/NATO', 'a\\b', 'plain'];
    expect(parseCodePath(formatCodePath(names))).toEqual(names);
    expect(formatCodePath(names)).toBe('EU\\/NATO/a\\\\b/plain');
  });

  it('refuses empty parts', () => {
    for (const bad of ['', 'a//b', '/a', 'a/', ' / ']) expect(() => parseCodePath(bad)).toThrow(/empty part/);
  });

  it('refuses control characters in names', () => {
    expect(() => normalizeCodeName('a\tb')).toThrow(/control character/);
  });
});

describe('colours', () => {
  it('accepts #RRGGBB in any case and stores upper case', () => {
    expect(normalizeColor('#1f77b4')).toBe('#1F77B4');
  });

  it('refuses anything else', () => {
    for (const bad of ['red', '#123', '1F77B4', '#1F77B4FF', '#GGGGGG']) expect(() => normalizeColor(bad)).toThrow(/#RRGGBB/);
  });

  it('gives 64 distinct default colours', () => {
    const colours = new Set(Array.from({ length: 64 }, (_, i) => defaultColor(i)));
    expect(colours.size).toBe(64);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9A-F]{6}$/);
  });
});
