import { describe, expect, it } from 'vitest';
import { fileSlug, formatMeasure, heatStyle, shortCodeLabel, trimLeft, trimRight } from '../../renderer/analysis/heat.js';

describe('analysis view helpers', () => {
  it('colour cells from paper to the accent, with legible text', () => {
    expect(heatStyle(0, 10).background).toBe('transparent');
    expect(heatStyle(3, 0).background).toBe('transparent');
    expect(heatStyle(10, 10)).toEqual({ background: 'rgb(51 85 204)', color: '#ffffff' });
    expect(heatStyle(1, 100).color).toBe('#1f2328');
    const low = heatStyle(1, 10).background;
    const high = heatStyle(5, 10).background;
    expect(low).not.toBe(high);
  });

  it('print each measure as a researcher reads it', () => {
    expect(formatMeasure('count', 7)).toBe('7');
    expect(formatMeasure('coverage', 0.1234)).toBe('12');
    expect(formatMeasure('coverage', 0.0123)).toBe('1.2');
    expect(formatMeasure('coverage', 0.0000123)).toBe('<0.1');
    expect(formatMeasure('per1000', 2.345)).toBe('2.35');
    expect(formatMeasure('per1000', null)).toBe('–');
    expect(formatMeasure('per1000', 0)).toBe('0');
  });

  it('trim contexts at words', () => {
    expect(trimLeft('short', 10)).toBe('short');
    expect(trimLeft('the quick brown fox jumps', 12)).toBe('…fox jumps');
    expect(trimRight('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(shortCodeLabel('Russian policy/balancing')).toBe('balancing');
    expect(fileSlug('Łódź — Karabakh 2021!')).toBe('łodz-karabakh-2021');
  });
});
