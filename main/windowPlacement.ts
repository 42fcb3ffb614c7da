/** Where a window opens: the remembered bounds if they are still on a screen, else a default. */
import type { WindowState } from './appState.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
const CASCADE = 28;
/** How much of a window must be on a screen to put it back where it was. */
const MIN_VISIBLE = 100;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Bounds for a new window. `cascadeIndex` > 0 shifts it down and right from the remembered
 * place, so a second project window does not hide the first one exactly.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[], cascadeIndex = 0): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const size = { width: saved.width, height: saved.height };
  if (saved.x === undefined || saved.y === undefined) return size;
  const rect = { x: saved.x + cascadeIndex * CASCADE, y: saved.y + cascadeIndex * CASCADE, ...size };
  const visible = workAreas.some((area) => {
    const { width, height } = overlap(rect, area);
    return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
  });
  return visible ? rect : size;
}
