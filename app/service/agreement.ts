/**
 * Team review: how far chosen coders agree, per code and overall, and every place where they
 * differ. The coefficients are defined in app/domain/agreement/; this file picks the scope
 * (coders, codes, documents), reads the codings once and shapes the results.
 *
 * Scope, by default: the documents in which every chosen coder coded something (a document one
 * coder has not worked on yet would otherwise count as "found nothing to code" and deflate the
 * figures; such documents are listed as skipped), and the codes any chosen coder used there.
 * Named documents are taken as they are: a coder without codings in them counts as coding
 * nothing.
 */
import { addCoverage, coverageUnits, coveredByCoder, mergeOverlapping, type CoverageHistogram, type Span } from '../domain/agreement/characters.js';
import { findDisagreements, type CodedSpan, type DisagreementKind } from '../domain/agreement/disagreements.js';
import { matchSegments, maxqdaKappa, segmentPercentAgreement, type SegmentTable } from '../domain/agreement/segments.js';
import { undefinedBecause, type Statistic } from '../domain/agreement/statistic.js';
import { nominalSummary } from '../domain/agreement/summary.js';
import { unitizingAlpha2004, unitizingAlphas2016, type ContinuumUnit } from '../domain/agreement/unitizing.js';
import { GlossError } from '../domain/errors.js';
import { agreementCodings, agreementDocuments, codersByDocument, codingQuotes, disagreementSpans, type AgreementDocumentRow } from '../store/agreementQueries.js';
import { listCodes, type CodeRow } from '../store/codeQueries.js';
import { findCoderByName, listCoders, type CoderRow } from '../store/coderQueries.js';
import type { Db } from '../store/projectFile.js';
import type {
  AgreementResult,
  CharacterAgreement,
  CharacterCodeAgreement,
  DisagreementsResult,
  DisagreementView,
  SegmentAgreement,
  SegmentCodeAgreement,
  SegmentPairView,
  SkippedDocumentView,
} from './agreementViews.js';
import { characterConvention, segmentConvention } from './agreementConvention.js';
import { codePathStrings } from './codeTree.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { resolveCode, resolveDocument } from './resolve.js';

export const DEFAULT_SEGMENT_OVERLAP = 0.8;

export interface Scope {
  coders: CoderRow[];
  documents: AgreementDocumentRow[];
  skipped: SkippedDocumentView[];
  notes: string[];
  /** Codes named by the user, or null for "every code used in scope". */
  namedCodes: CodeRow[] | null;
  codes: Map<number, CodeRow>;
  paths: Map<number, string>;
  /** Code ids in the order of their paths, as a reader looks them up. */
  byPath: (a: number, b: number) => number;
}

function resolveCoders(db: Db, names: readonly string[]): CoderRow[] {
  const rows: CoderRow[] = [];
  for (const name of names) {
    const row = findCoderByName(db, name);
    if (!row) {
      const known = listCoders(db).map((coder) => `"${coder.name}"`);
      const listed = known.length > 0 ? `The coders are ${known.join(', ')}.` : 'The project has no coders yet: a coder is created the first time they code.';
      throw new GlossError('not_found', `No coder "${name}" in this project. ${listed} Choose coders from that list.`, { cliHint: 'Name coders as `gloss coders PROJECT` lists them.' });
    }
    if (rows.some((other) => other.id === row.id)) throw new GlossError('invalid_input', `The coder "${row.name}" is named twice; name each coder once.`);
    rows.push(row);
  }
  return rows;
}

/** A few titles for a note, the rest counted: a large project's note stays one line. */
function titleList(titles: readonly string[], shown = 3): string {
  const named = titles.slice(0, shown).map((title) => `“${title}”`).join(', ');
  return titles.length > shown ? `${named} and ${titles.length - shown} more` : named;
}

/** The coders, documents and codes an agreement or review covers (see the file's comment). */
export function resolveScope(db: Db, input: Input<'agreement.disagreements'>): Scope {
  const coders = resolveCoders(db, input.coders);
  const coderIds = coders.map((coder) => coder.id);
  const codeRows = listCodes(db);
  const codes = new Map(codeRows.map((row) => [row.id, row]));
  const paths = codePathStrings(codeRows);
  let namedCodes: CodeRow[] | null = null;
  if (input.codes !== undefined) {
    namedCodes = [];
    for (const reference of input.codes) {
      const code = resolveCode(db, reference);
      if (namedCodes.some((other) => other.id === code.id)) throw new GlossError('invalid_input', `The code "${paths.get(code.id)}" is named twice; name each code once.`);
      namedCodes.push(code);
    }
  }

  const all = agreementDocuments(db);
  const notes: string[] = [];
  const skipped: SkippedDocumentView[] = [];
  let documents: AgreementDocumentRow[];
  const byDocument = codersByDocument(db, coderIds);
  if (input.documents !== undefined) {
    const wanted = new Set(input.documents.map((reference) => resolveDocument(db, reference).id));
    documents = all.filter((document) => wanted.has(document.id));
    for (const coder of coders) {
      if (!documents.some((document) => byDocument.get(document.id)?.has(coder.id))) {
        notes.push(`${coder.name} has no codings in these documents, so every unit counts as not coded by ${coder.name}.`);
      }
    }
  } else {
    documents = [];
    for (const document of all) {
      const codedBy = byDocument.get(document.id);
      if (!codedBy) continue;
      if (codedBy.size === coders.length) documents.push(document);
      else skipped.push({ id: document.uuid, title: document.title, codedBy: coders.filter((coder) => codedBy.has(coder.id)).map((coder) => coder.name) });
    }
    if (documents.length === 0) {
      notes.push(`No document has codings by every one of ${coders.map((coder) => coder.name).join(', ')}; choose the documents to compare them in anyway.`);
    }
    if (skipped.length > 0) {
      notes.push(
        `${skipped.length} document${skipped.length === 1 ? ' was' : 's were'} left out because not every chosen coder coded in ${skipped.length === 1 ? 'it' : 'them'} (${titleList(skipped.map((document) => document.title))}); choose documents to include them anyway.`,
      );
    }
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const rank = new Map([...paths].sort((a, b) => collator.compare(a[1], b[1]) || a[0] - b[0]).map(([id], i) => [id, i]));
  return { coders, documents, skipped, notes, namedCodes, codes, paths, byPath: (a, b) => rank.get(a)! - rank.get(b)! };
}

/** Per code, per document, per coder (in the order of the chosen coders): the segments. */
type CodeSegments = Map<number, Map<number, Span[][]>>;

function readSegments(db: Db, scope: Scope): CodeSegments {
  const coderIndex = new Map(scope.coders.map((coder, i) => [coder.id, i]));
  const byCode: CodeSegments = new Map();
  const rows = agreementCodings(db, {
    coderIds: scope.coders.map((coder) => coder.id),
    ...(scope.namedCodes ? { codeIds: scope.namedCodes.map((code) => code.id) } : {}),
    documentIds: scope.documents.map((document) => document.id),
  });
  for (const row of rows.values()) {
    for (let i = 0; i < row.codes.length; i++) {
      let byDocument = byCode.get(row.codes[i]!);
      if (!byDocument) byCode.set(row.codes[i]!, (byDocument = new Map()));
      let byCoder = byDocument.get(row.document);
      if (!byCoder) byDocument.set(row.document, (byCoder = scope.coders.map(() => [])));
      byCoder[coderIndex.get(row.coders[i]!)!]!.push({ start: row.starts[i]!, end: row.ends[i]! });
    }
  }
  return byCode;
}

/** The codes to report: the named ones, or every code with segments in scope, by path. */
function reportedCodes(scope: Scope, segments: CodeSegments): CodeRow[] {
  if (scope.namedCodes) return scope.namedCodes;
  return [...segments.keys()].sort(scope.byPath).map((id) => scope.codes.get(id)!);
}

export function scopeView(scope: Scope): Pick<CharacterAgreement, 'coders' | 'documents' | 'skippedDocuments' | 'notes'> {
  return {
    coders: scope.coders.map((coder) => coder.name),
    documents: scope.documents.map((document) => ({ id: document.uuid, title: document.title, characters: document.length })),
    skippedDocuments: scope.skipped,
    notes: scope.notes,
  };
}

// -------------------------------------------------------------------------------------------
// Character level

function characterAgreement(db: Db, scope: Scope, includeUncoded: boolean): CharacterAgreement {
  const segments = readSegments(db, scope);
  const codes = reportedCodes(scope, segments);
  const m = scope.coders.length;
  // The unitizing alphas see the chosen documents as one continuum, one after another by title.
  const offsets = new Map<number, number>();
  let total = 0;
  for (const document of scope.documents) {
    offsets.set(document.id, total);
    total += document.length;
  }
  const lengths = new Map(scope.documents.map((document) => [document.id, document.length]));

  const pooled: CoverageHistogram = new Map();
  const perCode = codes.map((code) => {
    const histogram: CoverageHistogram = new Map();
    const units: ContinuumUnit[] = [];
    let seen = 0;
    for (const [documentId, byCoder] of segments.get(code.id) ?? []) {
      const length = lengths.get(documentId)!;
      addCoverage(histogram, length, byCoder);
      seen += length;
      const offset = offsets.get(documentId)!;
      byCoder.forEach((spans, coder) => {
        for (const span of mergeOverlapping(spans)) {
          const end = Math.min(span.end, length);
          if (end > span.start) units.push({ coder, category: code.id, begin: offset + span.start, length: end - span.start });
        }
      });
    }
    // Documents without a segment of this code: all of their text is uncoded.
    histogram.set(0, (histogram.get(0) ?? 0) + total - seen);
    for (const [mask, count] of histogram) pooled.set(mask, (pooled.get(mask) ?? 0) + count);
    return { histogram, units };
  });
  const allUnits = perCode.flatMap((code) => code.units);
  const by2004 = unitizingAlpha2004({ begin: 0, length: total, coders: m, units: allUnits });
  const perCategory = new Map(by2004.categories.map((category) => [category.category, category.alpha]));
  const rows = codes.map((code, i): CharacterCodeAgreement => {
    const { histogram, units } = perCode[i]!;
    const weighted = coverageUnits(histogram, m, includeUncoded);
    return {
      code: scope.paths.get(code.id)!,
      codeId: code.uuid,
      units: weighted.reduce((sum, unit) => sum + unit.weight!, 0),
      coded: coveredByCoder(histogram, m),
      ...nominalSummary(weighted, m, [0, 1]),
      unitizingAlpha: unitizingAlphas2016({ begin: 0, length: total, coders: m, units }).uAlpha,
      unitizingAlpha2004: perCategory.get(code.id) ?? undefinedBecause('no coder marked a unit of this code, so there is nothing to agree or disagree on'),
    };
  });
  const by2016 = unitizingAlphas2016({ begin: 0, length: total, coders: m, units: allUnits });
  const overlapReason = (statistic: Statistic): Statistic => {
    if (!by2016.overlap) return statistic;
    const { coder, at } = by2016.overlap;
    const document = [...scope.documents].reverse().find((d) => offsets.get(d.id)! <= at)!;
    return undefinedBecause(
      `${scope.coders[coder]!.name} coded two of these codes on overlapping text (first in "${document.title}" at ${at - offsets.get(document.id)!}); ` +
        "uα with codes as categories and cuα need each coder's codes to exclude one another (as ATLAS.ti's semantic domains do); choose such codes to get them",
    );
  };
  const pooledUnits = coverageUnits(pooled, m, includeUncoded);
  const noCodes = codes.length === 0 ? undefinedBecause('no code is in scope: no chosen coder coded anything in these documents') : null;
  return {
    unit: 'char',
    includeUncoded,
    convention: characterConvention(includeUncoded),
    ...scopeView(scope),
    codes: rows,
    overall: {
      units: pooledUnits.reduce((sum, unit) => sum + unit.weight!, 0),
      ...nominalSummary(pooledUnits, m, [0, 1]),
      unitizingAlpha: noCodes ?? overlapReason(by2016.uAlpha),
      binaryUnitizingAlpha: noCodes ?? by2016.binaryUAlpha,
      cuAlpha: noCodes ?? overlapReason(by2016.cuAlpha),
      unitizingAlpha2004: noCodes ?? by2004.alpha,
    },
  };
}

// -------------------------------------------------------------------------------------------
// Segment level

const NO_CHANCE_TERM =
  'at segment level no unit is left uncoded by both coders (there is no "neither" cell), so this coefficient has no chance term; see MAXQDA’s kappa in the overall figures, or count characters instead';

function segmentAgreement(db: Db, scope: Scope, overlap: number): SegmentAgreement {
  const segments = readSegments(db, scope);
  const codes = reportedCodes(scope, segments);
  const m = scope.coders.length;
  const pairIndices: [number, number][] = [];
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) pairIndices.push([i, j]);
  const pooled: SegmentTable = { matched: 0, onlyFirst: 0, onlySecond: 0 };
  let codesInTable = 0;
  const rows = codes.map((code): SegmentCodeAgreement => {
    const pairs: SegmentPairView[] = pairIndices.map(([i, j]) => ({ coders: [scope.coders[i]!.name, scope.coders[j]!.name], matched: 0, onlyFirst: 0, onlySecond: 0 }));
    const counts = new Array<number>(m).fill(0);
    for (const byCoder of (segments.get(code.id) ?? new Map<number, Span[][]>()).values()) {
      byCoder.forEach((spans, coder) => (counts[coder]! += spans.length));
      pairIndices.forEach(([i, j], p) => {
        const match = matchSegments(byCoder[i]!, byCoder[j]!, overlap);
        pairs[p]!.matched += match.matched.length;
        pairs[p]!.onlyFirst += match.onlyFirst.length;
        pairs[p]!.onlySecond += match.onlySecond.length;
      });
    }
    const table: SegmentTable = {
      matched: pairs.reduce((sum, pair) => sum + pair.matched, 0),
      onlyFirst: pairs.reduce((sum, pair) => sum + pair.onlyFirst, 0),
      onlySecond: pairs.reduce((sum, pair) => sum + pair.onlySecond, 0),
    };
    pooled.matched += table.matched;
    pooled.onlyFirst += table.onlyFirst;
    pooled.onlySecond += table.onlySecond;
    if (counts.some((count) => count > 0)) codesInTable++;
    const none = undefinedBecause(NO_CHANCE_TERM);
    return {
      code: scope.paths.get(code.id)!,
      codeId: code.uuid,
      segments: counts,
      ...table,
      pairs,
      percentAgreement: segmentPercentAgreement(table),
      cohenKappa: none,
      scottPi: none,
      fleissKappa: none,
      brennanPrediger: none,
      krippendorffAlpha: none,
    };
  });
  return {
    unit: 'segment',
    overlap,
    convention: segmentConvention(overlap),
    ...scopeView(scope),
    codes: rows,
    overall: { ...pooled, percentAgreement: segmentPercentAgreement(pooled), maxqdaKappa: maxqdaKappa(pooled, codesInTable), codesInTable },
  };
}

// -------------------------------------------------------------------------------------------
// Disagreements

/** A compared coder's segment as places carry it: the coding's row id and uuid. */
export interface SpanRef {
  id: number;
  uuid: string;
}

/** The compared coders' segments in the given documents, per document id, in one read. */
export function spansByDocument(db: Db, scope: Scope, documents: readonly AgreementDocumentRow[]): Map<number, CodedSpan<SpanRef>[]> {
  const coderIndex = new Map(scope.coders.map((coder, i) => [coder.id, i]));
  const rows = disagreementSpans(db, {
    coderIds: scope.coders.map((coder) => coder.id),
    ...(scope.namedCodes ? { codeIds: scope.namedCodes.map((code) => code.id) } : {}),
    documentIds: documents.map((document) => document.id),
  });
  const byDocument = new Map<number, CodedSpan<SpanRef>[]>();
  for (const [id, uuid, documentId, code, coder, start, end] of rows) {
    const span: CodedSpan<SpanRef> = { ref: { id, uuid }, coder: coderIndex.get(coder)!, code, start, end };
    const list = byDocument.get(documentId);
    if (list) list.push(span);
    else byDocument.set(documentId, [span]);
  }
  return byDocument;
}

function disagreements(db: Db, scope: Scope): DisagreementsResult {
  const byDocument = spansByDocument(db, scope, scope.documents);
  const places = scope.documents.flatMap((document) => findDisagreements(byDocument.get(document.id) ?? [], scope.coders.length).map((place) => ({ document, place })));
  const quotes = codingQuotes(db, places.flatMap(({ place }) => place.spans.map((span) => span.ref.id)));
  const counts: Record<DisagreementKind, number> = { 'one-coded': 0, 'different-codes': 0, 'different-boundaries': 0 };
  const views = places.map(({ document, place }): DisagreementView => {
    counts[place.kind]++;
    const segments: DisagreementView['coders'][number]['segments'][] = scope.coders.map(() => []);
    for (const span of place.spans) {
      segments[span.coder]!.push({ id: span.ref.uuid, code: scope.paths.get(span.code)!, start: span.start, end: span.end, text: quotes.get(span.ref.id)! });
    }
    return {
      kind: place.kind,
      documentId: document.uuid,
      documentTitle: document.title,
      start: place.start,
      end: place.end,
      codes: [...place.codes].sort(scope.byPath).map((id) => scope.paths.get(id)!),
      coders: scope.coders.map((coder, i) => ({ coder: coder.name, segments: segments[i]! })),
    };
  });
  return { ...scopeView(scope), counts, disagreements: views };
}

export function computeAgreement(context: Context, input: Input<'agreement.compute'>): AgreementResult {
  const scope = resolveScope(context.db, input);
  if (input.unit === 'segment') return segmentAgreement(context.db, scope, input.overlap ?? DEFAULT_SEGMENT_OVERLAP);
  return characterAgreement(context.db, scope, input.includeUncoded ?? false);
}

export const agreementHandlers = {
  'agreement.compute': (context, input) => computeAgreement(context, input),
  'agreement.disagreements': (context, input) => disagreements(context.db, resolveScope(context.db, input)),
} satisfies Partial<Handlers>;
