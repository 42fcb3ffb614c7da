/**
 * The one typed map of every operation Gloss performs: name -> input schema -> output type.
 * The service implements it, and the CLI, the browser host, Electron's IPC and the renderer's
 * client are all checked against it. Inputs are validated with these schemas at every door.
 */
import { retrievalExportInput, retrievalInput, type RetrievalResult } from './retrievalInputs.js';
import { z } from 'zod';
import { undoStep } from './undoStep.js';
import { agreementInput, disagreementsInput } from './agreementInputs.js';
import type { AgreementResult, DisagreementsResult } from './agreementViews.js';
import { reviewAgreeAllInput, reviewCommentInput, reviewDecideInput, reviewLogInput, reviewQueueInput } from './reviewInputs.js';
import type { AgreeAllResult, DecisionView, ReviewCommentView, ReviewPlaceView, ReviewQueue, ReviewSettings } from './reviewViews.js';
import type { ErrorInfo } from '../domain/errors.js';
import type {
  CodebookImportResult,
  CodeView,
  CoderView,
  DocumentContent,
  DocumentDeletePreview,
  DocumentSummary,
  HistoryEntry,
  HistoryStep,
  ImportResult,
  MemoView,
  ProjectInfo,
  Segment,
} from './views.js';
import {
  attributeCondition,
  attributeDefineInput,
  attributeImportInput,
  attributeSetInput,
  autocodeInput,
  cooccurrenceInput,
  matrixCsvInput,
  matrixInput,
  searchInput,
} from './analysisInputs.js';
import type {
  AttributeImportResult,
  AttributeSetResult,
  AttributeView,
  AutocodePreview,
  AutocodeResult,
  CodeMatrix,
  CooccurrenceMatrix,
  DocumentAttributesView,
  DocumentRef,
  SearchResult,
} from './analysisViews.js';
import type {
  AnnotationsExport,
  ExchangeImportSummary,
  ExchangeWarning,
  QdcExport,
  QdpxExport,
} from './refiViews.js';

const reference = z.string().trim().min(1);
const offset = z.number().int().nonnegative();
const optionalText = z.string().max(100_000).optional();
/** A file the user picked: its name (for its kind) and its bytes. */
const fileBytes = z.object({ fileName: z.string().min(1), data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file\'s bytes') });

const segmentFilter = z.object({
  code: reference.optional(),
  /** With `code`: include the codings of its sub-codes too. */
  includeSubcodes: z.boolean().optional(),
  document: reference.optional(),
  coder: reference.optional(),
});

const step = undoStep;

const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  z.object({ kind: z.literal('document'), document: reference }),
  z.object({ kind: z.literal('code'), code: reference }),
  z.object({ kind: z.literal('coding'), coding: reference }),
]);

export const operations = {
  'project.info': { kind: 'query', input: z.object({}) },
  'project.rename': { kind: 'mutation', input: z.object({ name: z.string().trim().min(1).max(500) }) },

  'documents.import': { kind: 'mutation', input: fileBytes },
  'documents.list': { kind: 'query', input: z.object({}) },
  'documents.get': { kind: 'query', input: z.object({ document: reference }) },
  /** A new display title (the source file's name is kept); titles are unique, whatever their case. */
  'documents.rename': { kind: 'mutation', input: z.object({ document: reference, title: z.string().max(10_000) }) },
  /** What deleting the document would take with it (codings, memos, attribute values, review rows). */
  'documents.deletePreview': { kind: 'query', input: z.object({ document: reference }) },
  /** Delete the document with its codings, memos, attribute values and review rows: one undoable step. */
  'documents.delete': { kind: 'mutation', input: z.object({ document: reference }) },

  'codes.add': {
    kind: 'mutation',
    input: z.object({ path: z.string(), color: z.string().optional(), description: optionalText, step }),
  },
  'codes.list': { kind: 'query', input: z.object({}) },
  'codes.update': {
    kind: 'mutation',
    input: z.object({
      code: reference,
      name: z.string().optional(),
      color: z.string().optional(),
      description: optionalText,
      definition: optionalText,
      whenToUse: optionalText,
      whenNotToUse: optionalText,
      example: optionalText,
    }),
  },
  'codes.move': { kind: 'mutation', input: z.object({ code: reference, parent: reference.nullable() }) },
  'codes.delete': { kind: 'mutation', input: z.object({ code: reference }) },
  /** Move every coding, memo and sub-code of `source` to `target`, then remove `source`. */
  'codes.merge': { kind: 'mutation', input: z.object({ source: reference, target: reference }) },
  /** The codes most recently applied (newest first), for the 1–9 keys. */
  'codes.recent': { kind: 'query', input: z.object({ limit: z.number().int().positive().max(50).optional(), coder: reference.optional() }) },
  'codes.importCsv': { kind: 'mutation', input: z.object({ csv: z.string() }) },

  'codings.apply': {
    kind: 'mutation',
    input: z
      .object({
        document: reference,
        code: reference,
        coder: reference,
        start: offset.optional(),
        end: offset.optional(),
        quote: z.string().min(1).optional(),
        occurrence: z.number().int().positive().optional(),
        memo: optionalText,
        step,
      })
      .refine((input) => (input.quote !== undefined) !== (input.start !== undefined || input.end !== undefined), {
        message: 'give either a quote or a start and an end',
      }),
  },
  'codings.list': { kind: 'query', input: segmentFilter },
  'codings.delete': { kind: 'mutation', input: z.object({ coding: reference }) },
  'codings.update': {
    kind: 'mutation',
    input: z.object({ coding: reference, code: reference.optional(), start: offset.optional(), end: offset.optional() }),
  },
  'codings.setMemo': { kind: 'mutation', input: z.object({ coding: reference, memo: z.string().max(100_000), coder: reference.optional(), step }) },

  'coders.list': { kind: 'query', input: z.object({}) },
  'coders.add': { kind: 'mutation', input: z.object({ name: z.string().trim().min(1).max(200) }) },

  'memos.list': { kind: 'query', input: z.object({}) },
  'memos.create': {
    kind: 'mutation',
    input: z.object({ target: memoTarget, title: z.string().max(500).optional(), body: z.string().max(1_000_000), coder: reference.optional(), step }),
  },
  'memos.update': {
    kind: 'mutation',
    input: z.object({ memo: reference, title: z.string().max(500).optional(), body: z.string().max(1_000_000).optional(), step }),
  },
  'memos.delete': { kind: 'mutation', input: z.object({ memo: reference }) },

  'history.undo': { kind: 'history', input: z.object({}) },
  'history.redo': { kind: 'history', input: z.object({}) },
  'history.list': { kind: 'query', input: z.object({ limit: z.number().int().positive().max(10_000).optional() }) },

  'export.codebookCsv': { kind: 'query', input: z.object({}) },
  'export.segmentsCsv': { kind: 'query', input: segmentFilter },

  // Analysis (compare coding across papers)
  /** Code × document matrix: rows are documents, or groups of documents by an attribute's value. */
  'analysis.matrix': { kind: 'query', input: matrixInput },
  'analysis.matrixCsv': { kind: 'query', input: matrixCsvInput },
  /** Code × code co-occurrence: overlapping segments, or segments in the same paragraph. */
  'analysis.cooccurrence': { kind: 'query', input: cooccurrenceInput },
  'analysis.cooccurrenceCsv': { kind: 'query', input: cooccurrenceInput },
  /** Full-text search (words, "phrases", prefix*, NEAR(a b, 5), AND/OR/NOT) in keyword-in-context form. */
  'search.query': { kind: 'query', input: searchInput },
  /** What auto-coding would code: every hit widened to its word, sentence or paragraph. */
  'search.autocodePreview': { kind: 'query', input: autocodeInput },
  /** Code what the preview shows, as one undoable action. */
  'search.autocodeApply': { kind: 'mutation', input: autocodeInput },
  'attributes.list': { kind: 'query', input: z.object({}) },
  /** Every document with its attribute values: the attributes grid. */
  'attributes.values': { kind: 'query', input: z.object({}) },
  /** The documents meeting every condition. */
  'attributes.filterDocuments': { kind: 'query', input: z.object({ where: z.array(attributeCondition).max(50), documents: z.array(reference).optional() }) },
  /** Create an attribute, or change its type (every value must fit the new type). */
  'attributes.define': { kind: 'mutation', input: attributeDefineInput },
  'attributes.set': { kind: 'mutation', input: attributeSetInput },
  'attributes.unset': { kind: 'mutation', input: z.object({ document: reference, attribute: reference }) },
  'attributes.delete': { kind: 'mutation', input: z.object({ attribute: reference }) },
  /** A CSV keyed by document title: column 1 "title" (or "document"), one column per attribute. */
  'attributes.importCsv': { kind: 'mutation', input: attributeImportInput },
  // Exchange (REFI-QDA, Web Annotation)
  /** What a format cannot carry of this project: to tell the user before writing. */
  'exchange.exportWarnings': { kind: 'query', input: z.object({ format: z.enum(['qdpx', 'qdc', 'jsonld']) }) },
  /** The project as a REFI-QDA .qdpx archive, with what it could not carry. */
  'exchange.exportQdpx': { kind: 'query', input: z.object({}) },
  /** The codebook as a REFI-QDA .qdc file. */
  'exchange.exportQdc': { kind: 'query', input: z.object({}) },
  /** Every coding as a W3C Web Annotation (JSON-LD). */
  'exchange.exportAnnotations': { kind: 'query', input: z.object({}) },
  /** What importing a .qdpx / .qde / .qdc would bring and skip; writes nothing. */
  'exchange.previewImport': { kind: 'query', input: fileBytes },
  /** Import a .qdpx / .qde / .qdc: a new project when this one is empty, else a merge. One undoable step. */
  'exchange.import': { kind: 'mutation', input: fileBytes },
  // Retrieval
  /** Coded segments a filter selects, each with its surrounding sentence. */
  'retrieval.segments': { kind: 'query', input: retrievalInput },
  /** The same segments as CSV, every one the filter selects (the view shows a page of them); `rows` counts them. */
  'retrieval.segmentsCsv': { kind: 'query', input: retrievalExportInput },
  // Team review (agreement)
  /** Inter-coder agreement per code and overall, at character level (default) or segment level. */
  'agreement.compute': { kind: 'query', input: agreementInput },
  /** Every place the coders differ: one coded and another not, different codes, different boundaries. */
  'agreement.disagreements': { kind: 'query', input: disagreementsInput },
  /** Merge another coder's copy: a Gloss project file (.gloss) or a .qdpx, as one undoable step. */
  'exchange.mergeProject': { kind: 'mutation', input: fileBytes },
  // Team review (disagreement review and consensus)
  'review.settings': { kind: 'query', input: z.object({}) },
  /** Blind coding on or off (off opens every coder's codings for review). */
  'review.setBlind': { kind: 'mutation', input: z.object({ blind: z.boolean() }) },
  /** Every place where the compared coders' codings meet, with its review status. */
  'review.queue': { kind: 'query', input: reviewQueueInput },
  /** Decide one place: agree, accept a coder's version, merge, adjust, reject, or mark for discussion. */
  'review.decide': { kind: 'mutation', input: reviewDecideInput },
  /** Accept every undecided place where the coders agree into the consensus. */
  'review.agreeAll': { kind: 'mutation', input: reviewAgreeAllInput },
  'review.comment': { kind: 'mutation', input: reviewCommentInput },
  /** The decision log, oldest first. */
  'review.log': { kind: 'query', input: reviewLogInput },
  'review.logCsv': { kind: 'query', input: reviewLogInput },
  /** The agreement tables (per code and overall) as CSV, undefined values with their reasons. */
  'review.agreementCsv': { kind: 'query', input: agreementInput },
  /** A printable HTML report: scope, agreement tables, review progress and the decision log. */
  'review.report': { kind: 'query', input: agreementInput },
} as const satisfies Record<string, { kind: 'query' | 'mutation' | 'history'; input: z.ZodType }>;

export interface Outputs {
  'project.info': ProjectInfo;
  'project.rename': ProjectInfo;
  'documents.import': ImportResult;
  'documents.list': DocumentSummary[];
  'documents.get': DocumentContent;
  'documents.rename': DocumentSummary;
  'documents.deletePreview': DocumentDeletePreview;
  'documents.delete': { id: string };
  'codes.add': CodeView;
  'codes.list': CodeView[];
  'codes.update': CodeView;
  'codes.move': CodeView;
  'codes.delete': { id: string; codings: number };
  'codes.merge': CodeView;
  'codes.recent': CodeView[];
  'codes.importCsv': CodebookImportResult;
  'codings.apply': Segment;
  'codings.list': Segment[];
  'codings.delete': { id: string };
  'codings.update': Segment;
  'codings.setMemo': Segment;
  'coders.list': CoderView[];
  'coders.add': CoderView;
  'memos.list': MemoView[];
  'memos.create': MemoView;
  'memos.update': MemoView;
  'memos.delete': { id: string };
  'history.undo': HistoryStep;
  'history.redo': HistoryStep;
  'history.list': HistoryEntry[];
  'export.codebookCsv': { csv: string };
  'export.segmentsCsv': { csv: string };
  // Analysis (compare coding across papers)
  'analysis.matrix': CodeMatrix;
  'analysis.matrixCsv': { csv: string };
  'analysis.cooccurrence': CooccurrenceMatrix;
  'analysis.cooccurrenceCsv': { csv: string };
  'search.query': SearchResult;
  'search.autocodePreview': AutocodePreview;
  'search.autocodeApply': AutocodeResult;
  'attributes.list': AttributeView[];
  'attributes.values': DocumentAttributesView[];
  'attributes.filterDocuments': DocumentRef[];
  'attributes.define': AttributeView;
  'attributes.set': AttributeSetResult;
  'attributes.unset': AttributeSetResult;
  'attributes.delete': { id: string; values: number };
  'attributes.importCsv': AttributeImportResult;
  // Exchange (REFI-QDA, Web Annotation)
  'exchange.exportWarnings': ExchangeWarning[];
  'exchange.exportQdpx': QdpxExport;
  'exchange.exportQdc': QdcExport;
  'exchange.exportAnnotations': AnnotationsExport;
  'exchange.previewImport': ExchangeImportSummary;
  'exchange.import': ExchangeImportSummary;
  // Retrieval
  'retrieval.segments': RetrievalResult;
  'retrieval.segmentsCsv': { csv: string; rows: number };
  // Team review (agreement)
  'agreement.compute': AgreementResult;
  'agreement.disagreements': DisagreementsResult;
  'exchange.mergeProject': ExchangeImportSummary;
  // Team review (disagreement review and consensus)
  'review.settings': ReviewSettings;
  'review.setBlind': ReviewSettings;
  'review.queue': ReviewQueue;
  'review.decide': ReviewPlaceView;
  'review.agreeAll': AgreeAllResult;
  'review.comment': ReviewCommentView;
  'review.log': DecisionView[];
  'review.logCsv': { csv: string };
  'review.agreementCsv': { csv: string };
  'review.report': { html: string };
}

export type OperationName = keyof typeof operations;
export type Input<K extends OperationName> = z.infer<(typeof operations)[K]['input']>;
export type Output<K extends OperationName> = Outputs[K];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What every door (CLI, HTTP host, Electron IPC, renderer client) offers. */
export interface GlossApi {
  call<K extends OperationName>(name: K, input: Input<K>): Promise<Result<Output<K>>>;
}
