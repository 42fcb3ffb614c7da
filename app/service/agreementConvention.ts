/**
 * Which convention an agreement figure was computed under, in words a researcher can put in a
 * methods section. Every agreement output (the table, the CSV, the printed report) carries it,
 * because the same codings give very different figures under the two character-level
 * conventions (κ = 0.000 with uncoded text left out, 0.836 with it counted, on one project).
 */
import type { AgreementConvention } from './agreementViews.js';

export function characterConvention(includeUncoded: boolean): AgreementConvention {
  return includeUncoded
    ? {
        id: 'uncoded-included',
        label: 'Uncoded text counted',
        explanation:
          'Every character of the compared documents counts, so text that both coders left uncoded counts as agreement; with sparse coding this lifts percent agreement and κ, and it is how most tools that report κ for text count (NVivo’s coding comparison among them).',
      }
    : {
        id: 'uncoded-excluded',
        label: 'Uncoded text left out',
        explanation:
          'Only characters that at least one coder coded with the code count, so there is no “neither coder coded it” cell: percent agreement is the share of that text both coders coded alike, and with two coders κ and π cannot rise above 0 (nor α, but by a hair) whatever that share, so κ = 0.000 at 72 % agreement is what this convention gives, not an error; count uncoded text to compare with figures that do.',
      };
}

export function segmentConvention(overlap: number): AgreementConvention {
  const percent = Math.round(overlap * 1000) / 10;
  return {
    id: 'segment-overlap',
    label: `Segments matched at ${percent} % overlap`,
    explanation: `Each coder’s coded segments are units: two segments of one code agree when they overlap by at least ${percent} % of the stretch they cover together, and uncoded text plays no part, so only percent agreement and MAXQDA’s kappa are defined.`,
  };
}
