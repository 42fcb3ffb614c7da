/**
 * Every nominal coefficient Gloss reports, from one set of reliability data, so that each figure
 * in a row of the agreement table rests on the same units.
 */
import { krippendorffAlpha } from './krippendorff.js';
import { agreementTable, brennanPrediger, cohenKappa, fleissKappa, freeMarginalKappa, percentAgreement, ratingRows, scottPi, type Value, type WeightedUnit } from './nominal.js';
import { undefinedBecause, type Statistic } from './statistic.js';

export interface NominalSummary {
  /** Mean pairwise agreement over units (each unit weighted by its number of values). */
  percentAgreement: Statistic;
  /** Two coders only: chance term from each coder's own marginals. */
  cohenKappa: Statistic;
  /** Two coders only: chance term from the pooled marginals. */
  scottPi: Statistic;
  fleissKappa: Statistic;
  /** Brennan & Prediger's kappa for two coders; Randolph's free-marginal kappa for more. */
  brennanPrediger: Statistic;
  /** Nominal. */
  krippendorffAlpha: Statistic;
}

/**
 * `categories` are the values a unit could take (for the free-marginal kappas' q and for the
 * tables); by default the values observed.
 */
export function nominalSummary(units: readonly WeightedUnit[], coders: number, categories?: readonly Value[]): NominalSummary {
  const twoOnly = (name: string, instead: string): Statistic => undefinedBecause(`${name} compares exactly two coders; with ${coders} coders see ${instead}`);
  const table = coders === 2 ? agreementTable(units, 0, 1, categories) : null;
  const rows = ratingRows(units, categories);
  const q = categories?.length ?? rows.categories.length;
  return {
    percentAgreement: percentAgreement(units),
    cohenKappa: table ? cohenKappa(table) : twoOnly("Cohen's kappa", "Fleiss' kappa and Krippendorff's alpha"),
    scottPi: table ? scottPi(table) : twoOnly("Scott's pi", "Fleiss' kappa, its generalisation"),
    fleissKappa: fleissKappa(rows.rows).kappa,
    brennanPrediger: table ? brennanPrediger(table, q) : freeMarginalKappa(rows.rows, q),
    krippendorffAlpha: krippendorffAlpha(units, 'nominal').alpha,
  };
}
