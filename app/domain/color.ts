import { GlossError } from './errors.js';
import { paletteColor } from './palette.js';

/** Colours are stored as "#RRGGBB", upper case. */
export function normalizeColor(color: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw new GlossError('invalid_input', `"${color}" is not a colour Gloss understands. Write it as #RRGGBB, for example #1F77B4.`);
  }
  return color.toUpperCase();
}

/**
 * Default code colours: the perceptually spread palette (app/domain/palette.ts), so that 60+
 * codes in a row stay distinguishable as tints and as margin stripes.
 */
export function defaultColor(index: number): string {
  return paletteColor(index).toUpperCase();
}
