/**
 * Pure helpers for the analysis views: heatmap colours, figures as the views print them, and
 * keyword-in-context trimming. No DOM, no React: unit-tested in tests/unit/analysisUi*.test.ts.
 */

/** The accent (#3355cc) mixed into paper white by `t` in 0..1. */
const PAPER: [number, number, number] = [251, 250, 247];
const ACCENT: [number, number, number] = [51, 85, 204];

export interface HeatStyle {
  background: string;
  color: string;
}

/** Cell colours for `value` on a 0..max scale: paper for 0, the accent at the top; text stays legible. */
export function heatStyle(value: number, max: number): HeatStyle {
  if (!(max > 0) || !(value > 0)) return { background: 'transparent', color: 'var(--muted)' };
  // A square root spreads the low end, where most cells sit.
  const t = 0.12 + 0.88 * Math.sqrt(Math.min(1, value / max));
  const mix = PAPER.map((paper, i) => Math.round(paper + (ACCENT[i]! - paper) * t));
  return { background: `rgb(${mix[0]} ${mix[1]} ${mix[2]})`, color: t > 0.55 ? '#ffffff' : '#1f2328' };
}

export type Measure = 'count' | 'coverage' | 'per1000';

export const MEASURE_LABELS: Record<Measure, string> = {
  count: 'Segments',
  coverage: 'Coverage %',
  per1000: 'Per 1,000 words',
};

/** A matrix figure as a cell shows it: counts whole, coverage as a percentage, rates to 0.01. */
export function formatMeasure(measure: Measure, value: number | null): string {
  if (value === null) return '–';
  if (value === 0) return '0';
  if (measure === 'count') return String(value);
  if (measure === 'coverage') {
    const percent = value * 100;
    return percent < 0.1 ? '<0.1' : percent < 10 ? percent.toFixed(1) : percent.toFixed(0);
  }
  return value < 0.01 ? '<0.01' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

/** The last `width` characters of a left context, cut at a word where possible, with an ellipsis. */
export function trimLeft(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(text.length - width);
  const space = cut.indexOf(' ');
  return `…${space >= 0 && space < width / 3 ? cut.slice(space + 1) : cut}`;
}

/** The first `width` characters of a right context, cut at a word where possible, with an ellipsis. */
export function trimRight(text: string, width: number): string {
  if (text.length <= width) return text;
  const cut = text.slice(0, width);
  const space = cut.lastIndexOf(' ');
  return `${space > (width * 2) / 3 ? cut.slice(0, space) : cut}…`;
}

/** A short label for a code path in a narrow column head: its last name, with the parent when short. */
export function shortCodeLabel(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] ?? path;
}

/** A safe file name from a title. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'gloss'
  );
}
