/**
 * Code colours: 96 distinguishable colours, in an order where every prefix is as spread out as
 * it can be, so the first 8 codes differ as much as 8 colours can and the 60th still differs
 * visibly from the 59 before it.
 *
 * How: candidates are taken on a grid in OKLCH (a perceptual colour space: equal steps look
 * equal) restricted to what works both as a light highlight behind black text and as a solid
 * margin stripe: lightness 0.52–0.78, chroma 0.09–0.17, every 5° of hue, inside the sRGB gamut.
 * Starting from a calm blue, each next colour is the candidate farthest (in OKLab distance, hue
 * and chroma weighted above lightness, which highlights flatten) from all colours chosen so far:
 * greedy farthest-point sampling. Deterministic, computed once at load (under 1 ms).
 *
 * Pure: no DOM, no I/O.
 */

interface Lab {
  L: number;
  a: number;
  b: number;
}

const LIGHTNESS = [0.52, 0.58, 0.64, 0.71, 0.78];
const CHROMA = [0.09, 0.13, 0.17];
const HUE_STEP = 5;
/** Lightness counts for less: behind text at 16% tint, lightness differences mostly vanish. */
const LIGHTNESS_WEIGHT = 0.6;
export const PALETTE_SIZE = 96;

function oklabToLinearSrgb({ L, a, b }: Lab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

function toHex(lab: Lab): string | null {
  const channels = oklabToLinearSrgb(lab);
  let hex = '#';
  for (const linear of channels) {
    if (linear < -1e-4 || linear > 1 + 1e-4) return null; // outside sRGB
    const c = Math.min(1, Math.max(0, linear));
    const encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
    hex += Math.round(encoded * 255).toString(16).padStart(2, '0');
  }
  return hex.toUpperCase();
}

/** Distance between two colours as the palette weighs it. */
export function paletteDistance(x: Lab, y: Lab): number {
  return Math.hypot((x.L - y.L) * LIGHTNESS_WEIGHT, x.a - y.a, x.b - y.b);
}

function buildPalette(): { hex: string[]; lab: Lab[] } {
  const candidates: Array<{ hex: string; lab: Lab }> = [];
  for (const L of LIGHTNESS) {
    for (const C of CHROMA) {
      for (let h = 0; h < 360; h += HUE_STEP) {
        const rad = (h * Math.PI) / 180;
        const lab = { L, a: C * Math.cos(rad), b: C * Math.sin(rad) };
        const hex = toHex(lab);
        if (hex !== null) candidates.push({ hex, lab });
      }
    }
  }
  // Start from a calm mid blue (L 0.58, C 0.13, hue 255°).
  const seedRad = (255 * Math.PI) / 180;
  const seed = { L: 0.58, a: 0.13 * Math.cos(seedRad), b: 0.13 * Math.sin(seedRad) };
  let first = 0;
  candidates.forEach((candidate, i) => {
    if (paletteDistance(candidate.lab, seed) < paletteDistance(candidates[first]!.lab, seed)) first = i;
  });
  const nearest = candidates.map((candidate) => paletteDistance(candidate.lab, candidates[first]!.lab));
  const chosen = [first];
  while (chosen.length < PALETTE_SIZE && chosen.length < candidates.length) {
    let best = -1;
    for (let i = 0; i < candidates.length; i++) if (best < 0 || nearest[i]! > nearest[best]!) best = i;
    chosen.push(best);
    for (let i = 0; i < candidates.length; i++) nearest[i] = Math.min(nearest[i]!, paletteDistance(candidates[i]!.lab, candidates[best]!.lab));
  }
  return { hex: chosen.map((i) => candidates[i]!.hex), lab: chosen.map((i) => candidates[i]!.lab) };
}

const built = buildPalette();

/** The palette in order, "#RRGGBB" upper case. */
export const PALETTE: readonly string[] = built.hex;

/** OKLab coordinates of PALETTE's colours (for tests and tools). */
export const PALETTE_LAB: readonly Lab[] = built.lab;

/** Colour for the index-th code; past PALETTE_SIZE the palette repeats. */
export function paletteColor(index: number): string {
  const i = ((Math.floor(index) % PALETTE.length) + PALETTE.length) % PALETTE.length;
  return PALETTE[i]!;
}
