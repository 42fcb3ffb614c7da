import { listMemos, type MemoListRow } from '../store/memoQueries.js';
import { listCodes } from '../store/codeQueries.js';
import { codePathStrings } from './codeTree.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import { ensureCoder, resolveCode, resolveCoding, resolveDocument, resolveMemo } from './resolve.js';
import type { MemoTarget, MemoView } from './views.js';

function toMemoView(row: MemoListRow, codePaths: Map<number, string>): MemoView {
  let target: MemoTarget = { kind: 'project' };
  if (row.document_id !== null) target = { kind: 'document', id: row.document_uuid!, title: row.document_title! };
  else if (row.code_id !== null) target = { kind: 'code', id: row.code_uuid!, path: codePaths.get(row.code_id)! };
  else if (row.coding_id !== null) target = { kind: 'coding', id: row.coding_uuid! };
  return { id: row.uuid, target, title: row.title, body: row.body, author: row.coder_name, createdAt: row.created_at, updatedAt: row.updated_at };
}

function memoViews(context: Context): MemoView[] {
  const paths = codePathStrings(listCodes(context.db));
  return listMemos(context.db).map((row) => toMemoView(row, paths));
}

function memoView(context: Context, uuid: string): MemoView {
  return memoViews(context).find((memo) => memo.id === uuid)!;
}

export const memoHandlers = {
  'memos.list': (context) => memoViews(context),

  'memos.create': (context, input) =>
    context.mutate('memos.create', (recorder) => {
      const target: Record<string, number> = {};
      if (input.target.kind === 'document') target.document_id = resolveDocument(context.db, input.target.document).id;
      if (input.target.kind === 'code') target.code_id = resolveCode(context.db, input.target.code).id;
      if (input.target.kind === 'coding') target.coding_id = resolveCoding(context.db, input.target.coding).id;
      const coder = input.coder === undefined ? undefined : ensureCoder(context.db, recorder, input.coder, context.now(), context.newUuid());
      const now = context.now();
      const row = recorder.insert('memos', {
        uuid: context.newUuid(),
        ...target,
        coder_id: coder?.id ?? null,
        title: input.title ?? '',
        body: input.body,
        created_at: now,
        updated_at: now,
      });
      return { result: memoView(context, row.uuid as string), summary: `Write a memo on the ${input.target.kind}`, ...(coder ? { coderId: coder.id } : {}) };
    }),

  'memos.update': (context, input) =>
    context.mutate('memos.update', (recorder) => {
      const memo = resolveMemo(context.db, input.memo);
      const patch: Record<string, unknown> = {};
      if (input.title !== undefined) patch.title = input.title;
      if (input.body !== undefined) patch.body = input.body;
      if (Object.keys(patch).length > 0) patch.updated_at = context.now();
      recorder.update('memos', memo.id, patch);
      return { result: memoView(context, memo.uuid), summary: 'Edit a memo' };
    }),

  'memos.delete': (context, input) =>
    context.mutate('memos.delete', (recorder) => {
      const memo = resolveMemo(context.db, input.memo);
      recorder.delete('memos', memo.id);
      return { result: { id: memo.uuid }, summary: 'Delete a memo' };
    }),
} satisfies Partial<Handlers>;
