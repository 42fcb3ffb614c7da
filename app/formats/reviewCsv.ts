/**
 * Team review as CSV: the agreement tables and the decision log, written with the project's one
 * CSV writer (csvTable.ts: BOM, CRLF, formula neutralisation, header cells included).
 *
 * Agreement CSV shape: one rectangular table, one row per code and a last row with code
 * "(overall)" (its codeId empty). The scope opens every row (unit, coders, documents, and
 * includeUncoded at character level or overlap at segment level, and the convention in force with
 * what it means in plain words), so a row read on its own, or
 * the file pasted next to another, still says what it measured. Each statistic has a column
 * with its value at full precision, and a "<statistic> reason" column beside it that holds the
 * reason when the value is undefined (value cell empty). A cell that is empty in both columns is
 * a figure that does not apply to that row (e.g. cuAlpha is computed overall only).
 */
import type { Statistic } from '../domain/agreement/statistic.js';
import type { AgreementResult, CharacterAgreement, SegmentAgreement } from '../service/agreementViews.js';
import type { DecisionView, LoggedSegment, ReviewCommentView } from '../service/reviewViews.js';
import { writeCsv, type CsvCell } from './csvTable.js';

/** The label of the row that pools every code. */
export const OVERALL_ROW = '(overall)';

/** The nominal coefficients, in the order the columns take. */
const NOMINAL = ['percentAgreement', 'cohenKappa', 'scottPi', 'fleissKappa', 'brennanPrediger', 'krippendorffAlpha'] as const;
const CHARACTER_STATISTICS = [...NOMINAL, 'unitizingAlpha', 'unitizingAlpha2004', 'binaryUnitizingAlpha', 'cuAlpha'] as const;
const SEGMENT_STATISTICS = [...NOMINAL, 'maxqdaKappa'] as const;

/** Coder names in one cell; a name with "; " in it stays readable, if not splittable. */
export function joinNames(names: readonly string[]): string {
  return names.join('; ');
}

function statisticHeader(names: readonly string[]): string[] {
  return names.flatMap((name) => [name, `${name} reason`]);
}

function statisticCells(row: object, names: readonly string[]): CsvCell[] {
  return names.flatMap((name): CsvCell[] => {
    const statistic = (row as Partial<Record<string, Statistic>>)[name];
    if (statistic === undefined) return [null, null];
    return statistic.value === null ? [null, statistic.reason] : [statistic.value, null];
  });
}

/** The convention in force and what it means, in the scope of every row (agreementConvention.ts). */
const CONVENTION_HEADER = ['convention', 'convention meaning'];

function conventionCells(result: AgreementResult): CsvCell[] {
  return [result.convention.label, result.convention.explanation];
}

function characterCsv(result: CharacterAgreement): string {
  const scope: CsvCell[] = ['char', joinNames(result.coders), result.documents.length, String(result.includeUncoded), ...conventionCells(result)];
  const header = ['unit', 'coders', 'documents', 'includeUncoded', ...CONVENTION_HEADER, 'code', 'codeId', 'units', ...result.coders.map((coder) => `coded by ${coder}`), ...statisticHeader(CHARACTER_STATISTICS)];
  const rows: CsvCell[][] = result.codes.map((code) => [...scope, code.code, code.codeId, code.units, ...code.coded, ...statisticCells(code, CHARACTER_STATISTICS)]);
  rows.push([...scope, OVERALL_ROW, null, result.overall.units, ...result.coders.map(() => null), ...statisticCells(result.overall, CHARACTER_STATISTICS)]);
  return writeCsv(header, rows);
}

function segmentCsv(result: SegmentAgreement): string {
  const scope: CsvCell[] = ['segment', joinNames(result.coders), result.documents.length, result.overlap, ...conventionCells(result)];
  const header = [
    'unit', 'coders', 'documents', 'overlap', ...CONVENTION_HEADER, 'code', 'codeId',
    ...result.coders.map((coder) => `segments by ${coder}`),
    'matched', 'onlyFirst', 'onlySecond', 'codesInTable',
    ...statisticHeader(SEGMENT_STATISTICS),
  ];
  const rows: CsvCell[][] = result.codes.map((code) => [...scope, code.code, code.codeId, ...code.segments, code.matched, code.onlyFirst, code.onlySecond, null, ...statisticCells(code, SEGMENT_STATISTICS)]);
  const o = result.overall;
  rows.push([...scope, OVERALL_ROW, null, ...result.coders.map(() => null), o.matched, o.onlyFirst, o.onlySecond, o.codesInTable, ...statisticCells(o, SEGMENT_STATISTICS)]);
  return writeCsv(header, rows);
}

/** The agreement tables (per code, then overall) as one CSV; see the file comment for its shape. */
export function agreementCsv(result: AgreementResult): string {
  return result.unit === 'char' ? characterCsv(result) : segmentCsv(result);
}

/** "Code/Path [120–180)": a segment as the log shows it. */
export function formatLoggedSegment(segment: LoggedSegment): string {
  return `${segment.code} [${segment.start}–${segment.end})`;
}

export function formatSegments(segments: readonly LoggedSegment[]): string {
  return segments.length === 0 ? '(nothing)' : segments.map(formatLoggedSegment).join(', ');
}

/** "Ani: A [1–5); Ben: (nothing)": every compared coder's version of the place. */
export function formatVersions(decision: DecisionView): string {
  return decision.versions.map((version) => `${version.coder}: ${formatSegments(version.segments)}`).join('; ');
}

/** The codes a decision touched: in any coder's version or in its outcome, sorted. */
export function decisionCodes(decision: DecisionView): string[] {
  const codes = new Set<string>();
  for (const version of decision.versions) for (const segment of version.segments) codes.add(segment.code);
  for (const segment of decision.outcome) codes.add(segment.code);
  return [...codes].sort((a, b) => a.localeCompare(b));
}

export const DECISION_LOG_HEADER = [
  'at', 'reviewer', 'document', 'start', 'end', 'kind', 'codes', 'choice', 'acceptedCoder', 'status', 'reason',
  'versions', 'outcome', 'discussion', 'coders', 'decisionId', 'placeKey', 'documentId',
] as const;

/** A place's comment thread in one cell: "2026-11-22 10:04 Ani: text", one comment a line. */
function discussionCell(comments: readonly ReviewCommentView[]): string {
  return comments.map((comment) => `${comment.at.slice(0, 10)} ${comment.at.slice(11, 16)} ${comment.coder}: ${comment.body}`).join('\n');
}

/**
 * The decision log, one row per decision in the order given (oldest first from review.log).
 * `comments` are the places' discussions: each row carries its place's whole thread.
 */
export function decisionLogCsv(decisions: readonly DecisionView[], comments: readonly ReviewCommentView[] = []): string {
  const threads = new Map<string, ReviewCommentView[]>();
  for (const comment of comments) {
    const key = `${comment.documentId} ${comment.placeKey}`;
    const thread = threads.get(key);
    if (thread) thread.push(comment);
    else threads.set(key, [comment]);
  }
  return writeCsv(
    DECISION_LOG_HEADER,
    decisions.map((d) => [
      d.at, d.reviewer, d.documentTitle, d.start, d.end, d.kind, decisionCodes(d).join('; '), d.choice, d.acceptedCoder, d.status, d.reason,
      formatVersions(d), formatSegments(d.outcome), discussionCell(threads.get(`${d.documentId} ${d.placeKey}`) ?? []), joinNames(d.coders), d.id, d.placeKey, d.documentId,
    ]),
  );
}
