/**
 * A figure of agreement that may be undefined. An undefined coefficient (kappa when the expected
 * agreement is 1, alpha with no pairable values) is `{ value: null, reason }`, never 0 or 1: a
 * reader must see that the data cannot answer the question, not a number that looks like an answer.
 */
export type Statistic = { value: number; reason?: undefined } | { value: null; reason: string };

export function defined(value: number): Statistic {
  return { value };
}

export function undefinedBecause(reason: string): Statistic {
  return { value: null, reason };
}

/**
 * Expected agreement this close to 1 is 1: the chance term of a chance-corrected coefficient
 * is computed from counts, so "every unit in one category" gives exactly 1, and anything
 * further from 1 than this is a real, if extreme, value (1e8 characters give 1 - 1e-8).
 */
const ONE = 1 - 1e-12;

/**
 * (observed − expected) / (1 − expected): the form shared by Cohen's kappa, Scott's pi, Fleiss'
 * kappa and the free-marginal kappas. Undefined when the expected agreement is 1.
 */
export function chanceCorrected(observed: number, expected: number, whyExpectedIsOne: string): Statistic {
  if (expected >= ONE) return undefinedBecause(whyExpectedIsOne);
  return defined((observed - expected) / (1 - expected));
}
