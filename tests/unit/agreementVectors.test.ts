/**
 * Every published inter-coder agreement example in ../shared/reference/irr/published-vectors.json
 * reproduced within its stated tolerance. Each vector has a handler here that computes the
 * figures its `expected` names; a vector without one must be listed in NOT_FITTING with the
 * reason, so that a vector added to the file is never silently left out. The test names give
 * each vector's source.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCoverage, coverageUnits, type CoverageHistogram } from '../../app/domain/agreement/characters.js';
import { krippendorffAlpha, type MeasurementLevel } from '../../app/domain/agreement/krippendorff.js';
import {
  agreementTable,
  brennanPrediger,
  cohenExpectedAgreement,
  cohenKappa,
  fleissKappa,
  freeMarginalKappa,
  observedAgreement,
  percentAgreement,
  ratingRows,
  scottPi,
  type AgreementTable,
  type Value,
  type WeightedUnit,
} from '../../app/domain/agreement/nominal.js';
import type { Statistic } from '../../app/domain/agreement/statistic.js';
import { nominalSummary } from '../../app/domain/agreement/summary.js';
import { unitizingAlpha2004 } from '../../app/domain/agreement/unitizing.js';
import { sharedDir } from '../support/paths.js';

interface Vector {
  id: string;
  function: string;
  input: Record<string, unknown>;
  expected: Record<string, number | null>;
  tolerance: number;
  expected_from: string;
  source: string;
  notes?: string;
}

const VECTORS_FILE = path.join(sharedDir, 'reference', 'irr', 'published-vectors.json');
const hasVectors = existsSync(VECTORS_FILE);
if (!hasVectors) console.warn(`tests/unit/agreementVectors.test.ts skipped: ${VECTORS_FILE} is absent (../shared sits beside the repo in development and CI, not in a user's clone); tests/unit/agreementStatistics.test.ts covers the same code without it`);
const vectors: Vector[] = hasVectors ? (JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as { vectors: Vector[] }).vectors : [];

/** Vectors that fit no statistic Gloss computes, with the reason. (None do, today.) */
const NOT_FITTING: Record<string, string> = {};

type Figures = Record<string, Statistic | number>;

const unitsFromCodersByUnits = (data: (Value | null)[][]): WeightedUnit[] => data[0]!.map((_, u) => ({ values: data.map((coder) => coder[u] ?? null) }));
const unitsFromPairs = (a: readonly Value[], b: readonly Value[]): WeightedUnit[] => a.map((value, i) => ({ values: [value, b[i]!] }));

/** "[0]*40+[1]*60", as scikit-learn's tests write label vectors. */
function pythonList(expression: string): number[] {
  return expression.split('+').flatMap((part) => {
    const match = /^\[(-?\d+)\]\*(\d+)$/.exec(part.trim());
    if (!match) throw new Error(`cannot read ${part}`);
    return new Array<number>(Number(match[2])).fill(Number(match[1]));
  });
}

function tableOf(rows: number[][]): AgreementTable {
  return { categories: rows.map((_, i) => i), counts: rows };
}

function alphaFigures(units: WeightedUnit[], level: MeasurementLevel, expected: Vector['expected']): Figures {
  const figures: Figures = {};
  const at = (l: MeasurementLevel) => krippendorffAlpha(units, l);
  for (const key of Object.keys(expected)) {
    if (key === 'alpha') figures[key] = at(level).alpha;
    else if (key === 'Do') figures[key] = at(level).observed!;
    else if (key === 'De') figures[key] = at(level).expected!;
    else if (key === 'Do_nominal') figures[key] = at('nominal').observed!;
    else if (key === 'De_nominal') figures[key] = at('nominal').expected!;
    else if (key === 'percent_agreement' || key === 'percent') figures[key] = percentAgreement(units);
    else if (['nominal', 'ordinal', 'interval', 'ratio'].includes(key)) figures[key] = at(key as MeasurementLevel).alpha;
  }
  return figures;
}

function tableFigures(table: AgreementTable, q: number | undefined): Figures {
  return {
    percent: observedAgreement(table),
    po: observedAgreement(table),
    pe: cohenExpectedAgreement(table),
    bennett_s: brennanPrediger(table, q),
    scott_pi: scottPi(table),
    cohen_kappa: cohenKappa(table),
    unweighted: cohenKappa(table),
    linear: cohenKappa(table, 'linear'),
    quadratic: cohenKappa(table, 'quadratic'),
    linear_equal: cohenKappa(table, 'linear'),
    quadratic_squared: cohenKappa(table, 'quadratic'),
  };
}

function ratingFigures(rows: ReturnType<typeof ratingRows>['rows'], q?: number): Figures {
  const fleiss = fleissKappa(rows);
  const figures: Figures = { fleiss_kappa: fleiss.kappa, pbar: fleiss.observed!, pe: fleiss.expected!, randolph_kappa: freeMarginalKappa(rows, q) };
  fleiss.categories.forEach((kappa, j) => (figures[`cat${j + 1}`] = kappa));
  return figures;
}

function characterFigures(input: Vector['input']): Figures {
  const lengths = input.doc_lengths as Record<string, number>;
  const histogram: CoverageHistogram = new Map();
  for (const [document, length] of Object.entries(lengths)) {
    const spans = (list: [string, number, number, string][]) => list.filter(([d]) => d === document).map(([, start, end]) => ({ start, end }));
    addCoverage(histogram, length, [spans(input.coder_a as never), spans(input.coder_b as never)]);
  }
  // The published figures count every position of the continuum, coded or not.
  const summary = nominalSummary(coverageUnits(histogram, 2, true), 2, [0, 1]);
  return { kappa: summary.cohenKappa, scott_pi: summary.scottPi, alpha: summary.krippendorffAlpha, percent: summary.percentAgreement };
}

function unitizingFigures(input: Vector['input']): Figures {
  const units = (input['units (begin, length, coder, category)'] as [number, number, number, string][]).map(([begin, length, coder, category]) => ({ begin, length, coder, category }));
  const result = unitizingAlpha2004({ begin: input.continuum_begin as number, length: input.continuum_length as number, coders: 2, units });
  const figures: Figures = { u_alpha_overall: result.alpha };
  for (const category of result.categories) {
    figures[`${category.category}_Do`] = category.observed;
    figures[`${category.category}_De`] = category.expected;
    figures[`${category.category}_alpha`] = category.alpha;
  }
  return figures;
}

function compute(vector: Vector): Figures {
  const input = vector.input;
  if (input.data_coders_by_units) {
    return alphaFigures(unitsFromCodersByUnits(input.data_coders_by_units as (Value | null)[][]), (input.level as MeasurementLevel | undefined) ?? 'nominal', vector.expected);
  }
  if (input.coder1) return alphaFigures(unitsFromPairs(input.coder1 as number[], input.coder2 as number[]), 'nominal', vector.expected);
  if (input.table_rows_coder1_cols_coder2) return tableFigures(tableOf(input.table_rows_coder1_cols_coder2 as number[][]), input.q as number | undefined);
  if (input.y1) return tableFigures(agreementTable(unitsFromPairs(pythonList(input.y1 as string), pythonList(input.y2 as string))), undefined);
  if (input.rater2) return tableFigures(agreementTable(unitsFromPairs(input.rater2 as number[], input.rater3 as number[])), undefined);
  if (input.counts_subjects_by_categories) return ratingFigures((input.counts_subjects_by_categories as number[][]).map((counts) => ({ counts })));
  if (input.ratings_subjects_by_raters) {
    const units = (input.ratings_subjects_by_raters as Value[][]).map((values) => ({ values }));
    return ratingFigures(ratingRows(units).rows, input.q as number | undefined);
  }
  if (input.doc_lengths) return characterFigures(input);
  if (input.continuum_length) return unitizingFigures(input);
  throw new Error(`no handler reads the input of ${vector.id}`);
}

function expectFigure(name: string, got: Statistic | number | undefined, expected: number | null, tolerance: number): void {
  expect(got, `${name} is computed`).toBeDefined();
  const value = typeof got === 'number' ? got : got!.value;
  if (expected === null) {
    expect(value, `${name} is undefined`).toBeNull();
    expect(typeof got === 'number' ? '' : got!.reason, `${name} says why it is undefined`).toMatch(/\w/);
    return;
  }
  expect(value, `${name}${typeof got !== 'number' && got!.reason ? ` (${got!.reason})` : ''}`).not.toBeNull();
  expect(Math.abs(value! - expected), `${name} = ${value}, published ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance + 1e-12);
}

/** "Krippendorff (2011) 'Computing…' / Content Analysis 2004 p.230" from a vector's source. */
function shortSource(vector: Vector): string {
  const head = vector.source.split(/: | via |; |, values from | \(proportions/)[0]!.trim();
  return head.length > 110 ? `${head.slice(0, 109)}…` : head;
}

describe.skipIf(!hasVectors)('published agreement vectors (../shared/reference/irr/published-vectors.json)', () => {
  it('every vector is reproduced below or listed as not fitting, with the reason', () => {
    for (const vector of vectors) {
      if (NOT_FITTING[vector.id]) continue;
      expect(() => compute(vector), vector.id).not.toThrow();
    }
  });

  for (const vector of vectors.filter((v) => !NOT_FITTING[v.id])) {
    it(`${vector.id} — ${shortSource(vector)} [${vector.expected_from}]`, () => {
      const figures = compute(vector);
      for (const [name, expected] of Object.entries(vector.expected)) expectFigure(`${vector.id}.${name}`, figures[name], expected, vector.tolerance);
    });
  }

  it("kripp_2004_p224_binary_atlasti_example: Cohen's kappa 0.0909 and Scott's pi 0.0476 from the notes (irr_ref.py's figures, not published)", () => {
    const vector = vectors.find((v) => v.id === 'kripp_2004_p224_binary_atlasti_example')!;
    const table = agreementTable(unitsFromPairs(vector.input.coder1 as number[], vector.input.coder2 as number[]));
    expectFigure('cohen_kappa', cohenKappa(table), 0.0909, 0.00005);
    expectFigure('scott_pi', scottPi(table), 0.0476, 0.00005);
  });
});
