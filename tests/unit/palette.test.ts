import { describe, expect, it } from 'vitest';
import { PALETTE, PALETTE_LAB, PALETTE_SIZE, paletteColor, paletteDistance } from '../../app/domain/palette.js';

function minDistance(count: number): number {
  let min = Infinity;
  for (let i = 0; i < count; i++) for (let j = 0; j < i; j++) min = Math.min(min, paletteDistance(PALETTE_LAB[i]!, PALETTE_LAB[j]!));
  return min;
}

describe('palette', () => {
  it('has 96 distinct #RRGGBB colours', () => {
    expect(PALETTE).toHaveLength(PALETTE_SIZE);
    expect(new Set(PALETTE).size).toBe(PALETTE_SIZE);
    for (const color of PALETTE) expect(color).toMatch(/^#[0-9A-F]{6}$/);
  });

  it('keeps every prefix well spread (OKLab distance; about 0.02 is just noticeable)', () => {
    expect(minDistance(8)).toBeGreaterThan(0.14);
    expect(minDistance(16)).toBeGreaterThan(0.09);
    expect(minDistance(32)).toBeGreaterThan(0.065);
    expect(minDistance(64)).toBeGreaterThan(0.05);
    expect(minDistance(96)).toBeGreaterThan(0.04);
  });

  it('is deterministic and cycles past its size', () => {
    expect(paletteColor(0)).toBe('#407BC5');
    expect(paletteColor(PALETTE_SIZE + 3)).toBe(paletteColor(3));
    expect(paletteColor(-1)).toBe(paletteColor(PALETTE_SIZE - 1));
  });
});
