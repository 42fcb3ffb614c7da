/**
 * The one typed map of every operation Gloss performs: name -> input schema -> output type.
 * The service implements it, and the CLI, the browser host, Electron's IPC and the renderer's
 * client are all checked against it. Inputs are validated with these schemas at every door.
 */
import { z } from 'zod';
import type { ErrorInfo } from '../domain/errors.js';
import type {
  CodebookImportResult,
  CodeView,
  CoderView,
  DocumentContent,
  DocumentSummary,
  HistoryEntry,
  HistoryStep,
  ImportResult,
  MemoView,
  ProjectInfo,
  Segment,
} from './views.js';

const reference = z.string().trim().min(1);
const offset = z.number().int().nonnegative();
const optionalText = z.string().max(100_000).optional();

const segmentFilter = z.object({
  code: reference.optional(),
  /** With `code`: include the codings of its sub-codes too. */
  includeSubcodes: z.boolean().optional(),
  document: reference.optional(),
  coder: reference.optional(),
});

const memoTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('project') }),
  z.object({ kind: z.literal('document'), document: reference }),
  z.object({ kind: z.literal('code'), code: reference }),
  z.object({ kind: z.literal('coding'), coding: reference }),
]);

export const operations = {
  'project.info': { kind: 'query', input: z.object({}) },
  'project.rename': { kind: 'mutation', input: z.object({ name: z.string().trim().min(1).max(500) }) },

  'documents.import': {
    kind: 'mutation',
    input: z.object({ fileName: z.string().min(1), data: z.instanceof(Uint8Array) }),
  },
  'documents.list': { kind: 'query', input: z.object({}) },
  'documents.get': { kind: 'query', input: z.object({ document: reference }) },
  'documents.rename': { kind: 'mutation', input: z.object({ document: reference, title: z.string().trim().min(1).max(500) }) },
  'documents.delete': { kind: 'mutation', input: z.object({ document: reference }) },

  'codes.add': {
    kind: 'mutation',
    input: z.object({ path: z.string(), color: z.string().optional(), description: optionalText }),
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
  'codings.setMemo': { kind: 'mutation', input: z.object({ coding: reference, memo: z.string().max(100_000), coder: reference.optional() }) },

  'coders.list': { kind: 'query', input: z.object({}) },
  'coders.add': { kind: 'mutation', input: z.object({ name: z.string().trim().min(1).max(200) }) },

  'memos.list': { kind: 'query', input: z.object({}) },
  'memos.create': {
    kind: 'mutation',
    input: z.object({ target: memoTarget, title: z.string().max(500).optional(), body: z.string().max(1_000_000), coder: reference.optional() }),
  },
  'memos.update': {
    kind: 'mutation',
    input: z.object({ memo: reference, title: z.string().max(500).optional(), body: z.string().max(1_000_000).optional() }),
  },
  'memos.delete': { kind: 'mutation', input: z.object({ memo: reference }) },

  'history.undo': { kind: 'history', input: z.object({}) },
  'history.redo': { kind: 'history', input: z.object({}) },
  'history.list': { kind: 'query', input: z.object({ limit: z.number().int().positive().max(10_000).optional() }) },

  'export.codebookCsv': { kind: 'query', input: z.object({}) },
  'export.segmentsCsv': { kind: 'query', input: segmentFilter },
} as const satisfies Record<string, { kind: 'query' | 'mutation' | 'history'; input: z.ZodType }>;

export interface Outputs {
  'project.info': ProjectInfo;
  'project.rename': ProjectInfo;
  'documents.import': ImportResult;
  'documents.list': DocumentSummary[];
  'documents.get': DocumentContent;
  'documents.rename': DocumentSummary;
  'documents.delete': { id: string };
  'codes.add': CodeView;
  'codes.list': CodeView[];
  'codes.update': CodeView;
  'codes.move': CodeView;
  'codes.delete': { id: string; codings: number };
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
}

export type OperationName = keyof typeof operations;
export type Input<K extends OperationName> = z.infer<(typeof operations)[K]['input']>;
export type Output<K extends OperationName> = Outputs[K];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** What every door (CLI, HTTP host, Electron IPC, renderer client) offers. */
export interface GlossApi {
  call<K extends OperationName>(name: K, input: Input<K>): Promise<Result<Output<K>>>;
}
