import { formatCodePath, normalizeCodeName, parseCodePath } from '../domain/codePath.js';
import { normalizeColor } from '../domain/color.js';
import { GlossError } from '../domain/errors.js';
import {
  childCodeIds,
  findChildCode,
  listCodes,
  listCodesWithCounts,
  nextCodePosition,
} from '../store/codeQueries.js';
import { codingIdsOfCode } from '../store/codingQueries.js';
import { memoIdsOn } from '../store/memoQueries.js';
import type { Recorder } from '../store/recorder.js';
import { addCodePath } from './codeCreation.js';
import { importCodebookCsv } from './codebookCsvImport.js';
import { codeNamePaths, withDescendants } from './codeTree.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import { resolveCode } from './resolve.js';
import type { CodeView } from './views.js';

export function listCodeViews(context: Context): CodeView[] {
  const rows = listCodesWithCounts(context.db);
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
      const names = paths.get(row.id)!;
      views.push({
        id: row.uuid,
        path: formatCodePath(names),
        name: row.name,
        parentId: row.parent_id === null ? null : uuids.get(row.parent_id)!,
        depth: names.length - 1,
        color: row.color,
        description: row.description,
        definition: row.definition,
        whenToUse: row.when_to_use,
        whenNotToUse: row.when_not_to_use,
        example: row.example,
        segments: row.segment_count,
        documents: row.document_count,
      });
      visit(row.id);
    }
  };
  visit(null);
  return views;
}

export function codeView(context: Context, uuid: string): CodeView {
  return listCodeViews(context).find((view) => view.id === uuid)!;
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
    }),

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
      return { result: { id: code.uuid, codings: removed }, summary: `Delete code "${code.name}" and ${removed} codings` };
    }),

  'codes.importCsv': (context, input) =>
    context.mutate('codes.importCsv', (recorder) => {
      const result = importCodebookCsv(context, recorder, input.csv);
      return { result, summary: `Import a codebook: ${result.created} codes added, ${result.updated} changed` };
    }),
} satisfies Partial<Handlers>;

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
