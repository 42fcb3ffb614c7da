import { describe, expect, it } from 'vitest';
import { placePopover } from '../../renderer/coding/popoverPlacement.js';

const WINDOW = { width: 1280, height: 800 };
const SIZE = { width: 370, height: 300 };

describe('placePopover', () => {
  it('goes below the line when it fits, never over the line', () => {
    const line = { top: 200, bottom: 224, left: 500 };
    const box = placePopover(line, SIZE, WINDOW);
    expect(box.top).toBeGreaterThanOrEqual(line.bottom);
    expect(box.left).toBe(500);
  });

  it('goes above a line near the bottom of the window, and its bottom stays above the line', () => {
    const line = { top: 700, bottom: 724, left: 100 };
    const box = placePopover(line, SIZE, WINDOW);
    expect(box.top + Math.min(SIZE.height, box.maxHeight)).toBeLessThanOrEqual(line.top);
    expect(box.top).toBeGreaterThanOrEqual(0);
  });

  it('stays inside the window on the right', () => {
    const box = placePopover({ top: 100, bottom: 120, left: 1200 }, SIZE, WINDOW);
    expect(box.left + SIZE.width).toBeLessThanOrEqual(WINDOW.width);
  });

  it('scrolls rather than leaving the window when it is taller than the room on either side', () => {
    const line = { top: 390, bottom: 410, left: 10 };
    const box = placePopover(line, { width: 370, height: 900 }, WINDOW);
    expect(box.top).toBeGreaterThanOrEqual(line.bottom);
    expect(box.top + box.maxHeight).toBeLessThanOrEqual(WINDOW.height);
  });
});
