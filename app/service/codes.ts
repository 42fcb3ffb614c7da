import { formatCodePath, normalizeCodeName, parseCodePath } from '../domain/codePath.js';
import { plural } from '../domain/plural.js';
import { normalizeColor } from '../domain/color.js';
import { GlossError } from '../domain/errors.js';
import {
  childCodeIds,
  codingCountsByCodeAndDocument,
  findCodeByUuid,
  getCodeRow,
  findChildCode,
  listCodes,
  nextCodePosition,
  type CodeRow,
} from '../store/codeQueries.js';
import { codingIdsOfCode, codingsOfCode, hasSameCoding, recentCodeIds } from '../store/codingQueries.js';
import { findCoderByName } from '../store/coderQueries.js';
import { memoIdsOn } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import { addCodePath } from './codeCreation.js';
import { importCodebookCsv } from './codebookCsvImport.js';
import { codeNamePaths, withDescendants } from './codeTree.js';
import type { Context } from './context.js';
import { countedCoders } from './countedCoders.js';
import type { Handlers } from './handlers.js';
import { resolveCode } from './resolve.js';
import type { CodeView } from './views.js';

interface CodeCounts {
  segments: number;
  documents: number;
  totalSegments: number;
  totalDocuments: number;
}

function toCodeView(row: CodeRow, names: string[], parentUuid: string | null, counts: CodeCounts): CodeView {
  return {
    id: row.uuid,
    path: formatCodePath(names),
    name: row.name,
    parentId: parentUuid,
    depth: names.length - 1,
    color: row.color,
    description: row.description,
    definition: row.definition,
    whenToUse: row.when_to_use,
    whenNotToUse: row.when_not_to_use,
    example: row.example,
    ...counts,
  };
}

/**
 * Each code's own counts and its totals with every sub-code (distinct documents across the
 * subtree), over the coders "all coders" counts (app/service/countedCoders.ts).
 */
function codeCountsOf(context: Context, codes: readonly CodeRow[], codeIds?: readonly number[]): (codeId: number) => CodeCounts {
  const { excludedCoderId } = countedCoders(context.db);
  const own = new Map<number, Map<number, number>>();
  for (const [codeId, documentId, codings] of codingCountsByCodeAndDocument(context.db, excludedCoderId, codeIds)) {
    let documents = own.get(codeId);
    if (!documents) own.set(codeId, (documents = new Map()));
    documents.set(documentId, codings);
  }
  const children = new Map<number, number[]>();
  for (const code of codes) {
    if (code.parent_id === null) continue;
    const siblings = children.get(code.parent_id);
    if (siblings) siblings.push(code.id);
    else children.set(code.parent_id, [code.id]);
  }
  // Totals bottom-up, each subtree once: its codings, and the documents they fall in.
  const totals = new Map<number, { segments: number; documents: Set<number> }>();
  const totalOf = (codeId: number): { segments: number; documents: Set<number> } => {
    const known = totals.get(codeId);
    if (known) return known;
    const documents = new Set<number>();
    let segments = 0;
    for (const [documentId, codings] of own.get(codeId) ?? []) {
      segments += codings;
      documents.add(documentId);
    }
    for (const childId of children.get(codeId) ?? []) {
      const child = totalOf(childId);
      segments += child.segments;
      for (const documentId of child.documents) documents.add(documentId);
    }
    const total = { segments, documents };
    totals.set(codeId, total);
    return total;
  };
  return (codeId) => {
    const documents = own.get(codeId);
    let segments = 0;
    for (const codings of documents?.values() ?? []) segments += codings;
    const total = totalOf(codeId);
    return { segments, documents: documents?.size ?? 0, totalSegments: total.segments, totalDocuments: total.documents.size };
  };
}

export function listCodeViews(context: Context): CodeView[] {
  const rows = listCodes(context.db);
  const countsOf = codeCountsOf(context, rows);
  const paths = codeNamePaths(rows);
  const uuids = new Map(rows.map((row) => [row.id, row.uuid]));
  // Rows come sorted by position among siblings; list them depth-first, as a tree is read.
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) {
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row);
    else children.set(row.parent_id, [row]);
  }
  const views: CodeView[] = [];
  const visit = (parentId: number | null): void => {
    for (const row of children.get(parentId) ?? []) {
      views.push(toCodeView(row, paths.get(row.id)!, row.parent_id === null ? null : uuids.get(row.parent_id)!, countsOf(row.id)));
      visit(row.id);
    }
  };
  visit(null);
  return views;
}

/** One code's view, without listing the whole codebook. */
export function codeView(context: Context, uuid: string): CodeView {
  const row = findCodeByUuid(context.db, uuid)!;
  const names = [row.name];
  let parentUuid: string | null = null;
  for (let parentId = row.parent_id; parentId !== null; ) {
    const parent = getCodeRow(context.db, parentId);
    parentUuid ??= parent.uuid;
    names.unshift(parent.name);
    parentId = parent.parent_id;
  }
  const codes = listCodes(context.db);
  return toCodeView(row, names, parentUuid, codeCountsOf(context, codes, withDescendants(codes, row.id))(row.id));
}

function assertNameFree(context: Context, parentId: number | null, name: string, selfId: number): void {
  const clash = findChildCode(context.db, parentId, name);
  if (clash && clash.id !== selfId) {
    throw new GlossError('exists', `A code named "${name}" already exists at that level. Choose another name, or merge the two codes.`);
  }
}

export const codeHandlers = {
  'codes.add': (context, input) =>
    context.mutate('codes.add', (recorder) => {
      const names = parseCodePath(input.path);
      if (input.color !== undefined) normalizeColor(input.color);
      const code = addCodePath(context, recorder, names, input);
      return { result: codeView(context, code.uuid), summary: `Add code "${formatCodePath(names)}"` };
    }, { step: input.step }),

  'codes.list': (context) => listCodeViews(context),

  'codes.update': (context, input) =>
    context.mutate('codes.update', (recorder) => {
      const code = resolveCode(context.db, input.code);
      const patch: Record<string, unknown> = {};
      if (input.name !== undefined) {
        const name = normalizeCodeName(input.name);
        assertNameFree(context, code.parent_id, name, code.id);
        patch.name = name;
      }
      if (input.color !== undefined) patch.color = normalizeColor(input.color);
      if (input.description !== undefined) patch.description = input.description;
      if (input.definition !== undefined) patch.definition = input.definition;
      if (input.whenToUse !== undefined) patch.when_to_use = input.whenToUse;
      if (input.whenNotToUse !== undefined) patch.when_not_to_use = input.whenNotToUse;
      if (input.example !== undefined) patch.example = input.example;
      if (Object.keys(patch).length > 0) patch.updated_at = context.now();
      recorder.update('codes', code.id, patch);
      return { result: codeView(context, code.uuid), summary: `Change code "${code.name}"` };
    }),

  'codes.move': (context, input) =>
    context.mutate('codes.move', (recorder) => {
      const code = resolveCode(context.db, input.code);
      const parent = input.parent === null ? null : resolveCode(context.db, input.parent);
      if (parent && withDescendants(listCodes(context.db), code.id).includes(parent.id)) {
        throw new GlossError('invalid_input', `"${code.name}" cannot move under itself or one of its sub-codes.`);
      }
      const parentId = parent?.id ?? null;
      if (parentId !== code.parent_id) {
        assertNameFree(context, parentId, code.name, code.id);
        recorder.update('codes', code.id, { parent_id: parentId, position: nextCodePosition(context.db, parentId), updated_at: context.now() });
      }
      return { result: codeView(context, code.uuid), summary: `Move code "${code.name}" under "${parent?.name ?? 'the top level'}"` };
    }),

  'codes.delete': (context, input) =>
    context.mutate('codes.delete', (recorder) => {
      const code = resolveCode(context.db, input.code);
      const removed = deleteCodeTree(context, recorder, code.id);
      return { result: { id: code.uuid, codings: removed }, summary: `Delete code "${code.name}" and ${plural(removed, 'coding')}` };
    }),

  'codes.merge': (context, input) =>
    context.mutate('codes.merge', (recorder) => {
      const source = resolveCode(context.db, input.source);
      const target = resolveCode(context.db, input.target);
      if (source.id === target.id) throw new GlossError('invalid_input', 'A code cannot be merged into itself.');
      if (withDescendants(listCodes(context.db), source.id).includes(target.id)) {
        throw new GlossError('invalid_input', `"${source.name}" cannot be merged into one of its own sub-codes; move that sub-code out first.`);
      }
      const moved = mergeCodeInto(context, recorder, source.id, target.id);
      return { result: codeView(context, target.uuid), summary: `Merge code "${source.name}" into "${target.name}" (${plural(moved, 'coding')})` };
    }),

  'codes.recent': (context, input) => {
    const coderId = input.coder === undefined ? undefined : findCoderByName(context.db, input.coder)?.id;
    // At most nine codes: view each one, rather than the whole codebook with its counts.
    return recentCodeIds(context.db, input.limit ?? 9, coderId).map((id) => codeView(context, getCodeRow(context.db, id).uuid));
  },

  'codes.importCsv': (context, input) =>
    context.mutate('codes.importCsv', (recorder) => {
      const result = importCodebookCsv(context, recorder, input.csv);
      return { result, summary: `Import a codebook: ${plural(result.created, 'code')} added, ${result.updated} changed` };
    }),
} satisfies Partial<Handlers>;

/**
 * Move `sourceId`'s codings, memos and sub-codes to `targetId` and delete it. A coding that
 * would duplicate one the target already has (same document, range and coder) is dropped.
 */
function mergeCodeInto(context: Context, recorder: Recorder, sourceId: number, targetId: number): number {
  const now = context.now();
  let moved = 0;
  for (const coding of codingsOfCode(context.db, sourceId)) {
    if (hasSameCoding(context.db, targetId, coding)) {
      for (const memoId of memoIdsOn(context.db, 'coding_id', coding.id)) recorder.delete('memos', memoId);
      recorder.delete('codings', coding.id);
    } else {
      recorder.update('codings', coding.id, { code_id: targetId, updated_at: now });
      moved++;
    }
  }
  for (const memoId of memoIdsOn(context.db, 'code_id', sourceId)) recorder.update('memos', memoId, { code_id: targetId, updated_at: now });
  for (const childId of childCodeIds(context.db, sourceId)) {
    const child = getCodeRow(context.db, childId);
    const clash = findChildCode(context.db, targetId, child.name);
    if (clash) moved += mergeCodeInto(context, recorder, childId, clash.id);
    else recorder.update('codes', childId, { parent_id: targetId, position: nextCodePosition(context.db, targetId), updated_at: now });
  }
  recorder.delete('codes', sourceId);
  return moved;
}

/** Delete a code, its sub-codes, their codings and memos; return how many codings went. */
function deleteCodeTree(context: Context, recorder: Recorder, codeId: number): number {
  let codings = 0;
  for (const childId of childCodeIds(context.db, codeId)) codings += deleteCodeTree(context, recorder, childId);
  for (const codingId of codingIdsOfCode(context.db, codeId)) {
    for (const memoId of memoIdsOn(context.db, 'coding_id', codingId)) recorder.delete('memos', memoId);
    recorder.delete('codings', codingId);
    codings++;
  }
  for (const memoId of memoIdsOn(context.db, 'code_id', codeId)) recorder.delete('memos', memoId);
  recorder.delete('codes', codeId);
  return codings;
}
