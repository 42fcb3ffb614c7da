/** Hand-made agreement results and decisions for the review report formatters' tests. */
import type { CharacterAgreement, SegmentAgreement, Statistic } from '../../app/service/agreementViews.js';
import type { DecisionView } from '../../app/service/reviewViews.js';
import { characterConvention, segmentConvention } from '../../app/service/agreementConvention.js';

const value = (v: number): Statistic => ({ value: v });
const none = (reason: string): Statistic => ({ value: null, reason });

const nominal = (base: number) => ({
  percentAgreement: value(base),
  cohenKappa: value(base - 0.1),
  scottPi: value(base - 0.11),
  fleissKappa: value(base - 0.11),
  brennanPrediger: value(base - 0.05),
  krippendorffAlpha: none('no pairable values'),
});

export const CHARACTER: CharacterAgreement = {
  unit: 'char',
  includeUncoded: false,
  convention: characterConvention(false),
  coders: ['Ani', 'Ben'],
  documents: [{ id: 'd1', title: 'Paper', characters: 120 }],
  skippedDocuments: [],
  notes: [],
  codes: [
    { code: 'Actors/Russia', codeId: 'c1', units: 29, coded: [17, 29], ...nominal(17 / 29), unitizingAlpha: value(0.123456789), unitizingAlpha2004: none('one coder marked nothing') },
    { code: '=Evil/Code', codeId: 'c2', units: 4, coded: [4, 4], ...nominal(1), unitizingAlpha: value(1), unitizingAlpha2004: value(1) },
  ],
  overall: {
    units: 33,
    ...nominal(0.6),
    unitizingAlpha: value(0.5),
    binaryUnitizingAlpha: value(0.25),
    cuAlpha: none("Ani's codes overlap"),
    unitizingAlpha2004: value(0.75),
  },
};

export const SEGMENT: SegmentAgreement = {
  unit: 'segment',
  overlap: 0.8,
  convention: segmentConvention(0.8),
  coders: ['Ani', 'Ben', 'Cem'],
  documents: [{ id: 'd1', title: 'Paper', characters: 120 }],
  skippedDocuments: [],
  notes: [],
  codes: [
    {
      code: 'Actors/Russia', codeId: 'c1', segments: [2, 3, 1], matched: 3, onlyFirst: 1, onlySecond: 2, pairs: [],
      percentAgreement: value(0.5), cohenKappa: none('no chance term at segment level'), scottPi: none('no chance term'), fleissKappa: none('no chance term'), brennanPrediger: none('no chance term'), krippendorffAlpha: none('no chance term'),
    },
  ],
  overall: { matched: 3, onlyFirst: 1, onlySecond: 2, codesInTable: 1, percentAgreement: value(0.5), maxqdaKappa: none('with one code q = 1') },
};

export const DECISIONS: DecisionView[] = [
  {
    id: 'dec-1', at: '2024-05-01T10:00:00.000Z', reviewer: 'Rita', choice: 'accept', status: 'resolved', acceptedCoder: 'Ben', reason: 'Ben saw the, whole "clause"',
    documentId: 'd1', documentTitle: 'Paper', placeKey: '0123456789abcdef', kind: 'different-boundaries', start: 19, end: 51,
    coders: ['Ani', 'Ben'],
    versions: [{ coder: 'Ani', segments: [{ code: 'Actors/Russia', start: 19, end: 40 }] }, { coder: 'Ben', segments: [{ code: 'Actors/Russia', start: 19, end: 51 }] }],
    outcome: [{ code: 'Actors/Russia', start: 19, end: 51 }],
  },
  {
    id: 'dec-2', at: '2024-05-01T10:05:00.000Z', reviewer: 'Rita', choice: 'discuss', status: 'disputed', acceptedCoder: null, reason: '=HYPERLINK("x")\nsecond line',
    documentId: 'd1', documentTitle: 'Paper', placeKey: 'fedcba9876543210', kind: 'one-coded', start: 52, end: 78,
    coders: ['Ani', 'Ben'],
    versions: [{ coder: 'Ani', segments: [{ code: 'Actors/Turkey', start: 52, end: 78 }, { code: 'Actors/Iran', start: 60, end: 70 }] }, { coder: 'Ben', segments: [] }],
    outcome: [],
  },
];
