/**
 * What the agreement operations return (Team review). Every coefficient is a Statistic:
 * `{ value: number }`, or `{ value: null, reason }` when the data leave it undefined — never 0 or 1
 * in its place. Definitions: app/domain/agreement/ and the README's "Agreement" section.
 */
import type { DisagreementKind } from '../domain/agreement/disagreements.js';
import type { Statistic } from '../domain/agreement/statistic.js';
import type { NominalSummary } from '../domain/agreement/summary.js';

export type { Statistic };

export interface AgreementDocumentView {
  id: string;
  title: string;
  /** Length in code points. */
  characters: number;
}

/** A document left out of the default scope: not every chosen coder coded in it. */
export interface SkippedDocumentView {
  id: string;
  title: string;
  /** The chosen coders who did code in it. */
  codedBy: string[];
}

/**
 * How the figures were counted, stated beside every agreement output: which convention is in
 * force and what it means, in one sentence a researcher can read (app/service/agreementConvention.ts).
 */
export interface AgreementConvention {
  id: 'uncoded-excluded' | 'uncoded-included' | 'segment-overlap';
  /** A few words, e.g. "Uncoded text left out". */
  label: string;
  /** One plain-language sentence: what counts, and what that does to the figures. */
  explanation: string;
}

interface Scope {
  /** The coders compared, in the order of every per-coder array below. */
  coders: string[];
  documents: AgreementDocumentView[];
  skippedDocuments: SkippedDocumentView[];
  /** What a reader should know about the scope (coders without codings, documents left out). */
  notes: string[];
}

/** The six nominal coefficients (app/domain/agreement/summary.ts); q = 2 at character level. */
export type NominalStatistics = NominalSummary;

export interface CharacterCodeAgreement extends NominalStatistics {
  code: string;
  codeId: string;
  /** Characters counted as units for this code. */
  units: number;
  /** Characters each coder coded with this code (overlaps counted once), in the order of `coders`. */
  coded: number[];
  /** Krippendorff, Mathet, Bouvry & Widlöcher (2016) uα of this code against the gaps, over the whole documents. */
  unitizingAlpha: Statistic;
  /** Krippendorff (1995, 2004) uα of this code as a category. */
  unitizingAlpha2004: Statistic;
}

export interface CharacterOverall extends NominalStatistics {
  /** (code, character) units pooled over the codes. */
  units: number;
  /** 2016 uα with the codes as categories (needs each coder's codes not to overlap). */
  unitizingAlpha: Statistic;
  /** 2016 |uα: text coded with any of the codes against text coded with none. */
  binaryUnitizingAlpha: Statistic;
  /** 2016 cuα: agreement on the codes of text both coders coded (needs each coder's codes not to overlap). */
  cuAlpha: Statistic;
  /** Krippendorff (1995, 2004) uα over all the codes as categories. */
  unitizingAlpha2004: Statistic;
}

export interface CharacterAgreement extends Scope {
  unit: 'char';
  includeUncoded: boolean;
  convention: AgreementConvention;
  codes: CharacterCodeAgreement[];
  overall: CharacterOverall;
}

export interface SegmentTableView {
  /** Pairs of segments that overlap by at least the threshold. */
  matched: number;
  /** Segments of the first coder without a match. */
  onlyFirst: number;
  onlySecond: number;
}

export interface SegmentPairView extends SegmentTableView {
  coders: [string, string];
}

export interface SegmentCodeAgreement extends NominalStatistics, SegmentTableView {
  code: string;
  codeId: string;
  /** Segments of this code per coder, in the order of `coders`. */
  segments: number[];
  /** One table per pair of coders; the counts above are their sums. */
  pairs: SegmentPairView[];
}

export interface SegmentOverall extends SegmentTableView {
  percentAgreement: Statistic;
  /** MAXQDA's kappa: (P_o − 1/q) / (1 − 1/q) over all codes, q = `codesInTable`. */
  maxqdaKappa: Statistic;
  /** Codes with at least one segment of a chosen coder. */
  codesInTable: number;
}

export interface SegmentAgreement extends Scope {
  unit: 'segment';
  overlap: number;
  convention: AgreementConvention;
  codes: SegmentCodeAgreement[];
  overall: SegmentOverall;
}

export type AgreementResult = CharacterAgreement | SegmentAgreement;

export interface DisagreementSegmentView {
  /** The coding's id. */
  id: string;
  code: string;
  start: number;
  end: number;
  text: string;
}

export interface DisagreementView {
  kind: DisagreementKind;
  documentId: string;
  documentTitle: string;
  /** The stretch the place covers, from its first segment's start to its last segment's end. */
  start: number;
  end: number;
  codes: string[];
  /** Every chosen coder, in order, with their segments here (none for a coder who did not code it). */
  coders: { coder: string; segments: DisagreementSegmentView[] }[];
}

export interface DisagreementsResult extends Scope {
  counts: Record<DisagreementKind, number>;
  disagreements: DisagreementView[];
}
