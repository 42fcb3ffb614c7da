import { GlossError } from './errors.js';

/** Colours are stored as "#RRGGBB", upper case. */
export function normalizeColor(color: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw new GlossError('invalid_input', `"${color}" is not a colour Gloss understands. Write it as #RRGGBB, for example #1F77B4.`);
  }
  return color.toUpperCase();
}

/**
 * Default code colours: 12 well-separated hues at three lightness steps, so that 36 codes in a
 * row stay distinguishable and 60+ still differ in hue or lightness from their neighbours.
 */
const BASE_HUES = [212, 28, 138, 0, 270, 45, 180, 330, 95, 240, 15, 160];
const LIGHTNESS = [45, 33, 58];

export function defaultColor(index: number): string {
  const hue = BASE_HUES[index % BASE_HUES.length]!;
  const lightness = LIGHTNESS[Math.floor(index / BASE_HUES.length) % LIGHTNESS.length]!;
  return hslToHex(hue, 62, lightness);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number): string => {
    const k = (n + hue / 30) % 12;
    const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`.toUpperCase();
}
