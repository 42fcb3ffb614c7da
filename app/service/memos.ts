import { findTargetMemo, listMemos, type MemoListRow, type MemoTargetColumn } from '../store/memoQueries.js';
import { listCodes } from '../store/codeQueries.js';
import { codePathStrings } from './codeTree.js';
import type { Context } from './context.js';
import type { Handlers } from './handlers.js';
import { ensureCoder, resolveCode, resolveCoding, resolveDocument, resolveMemo } from './resolve.js';
import type { MemoTarget, MemoView } from './views.js';

function targetKey(row: MemoListRow): string {
  const target = row.document_id !== null ? `d${row.document_id}` : row.code_id !== null ? `k${row.code_id}` : row.coding_id !== null ? `c${row.coding_id}` : 'p';
  return `${target}\u0000${row.title}`;
}

function toMemoView(row: MemoListRow, codePaths: Map<number, string>, duplicateOf: string | null): MemoView {
  let target: MemoTarget = { kind: 'project' };
  if (row.document_id !== null) target = { kind: 'document', id: row.document_uuid!, title: row.document_title! };
  else if (row.code_id !== null) target = { kind: 'code', id: row.code_uuid!, path: codePaths.get(row.code_id)! };
  else if (row.coding_id !== null) target = { kind: 'coding', id: row.coding_uuid! };
  return { id: row.uuid, target, title: row.title, body: row.body, author: row.coder_name, createdAt: row.created_at, updatedAt: row.updated_at, duplicateOf };
}

function memoViews(context: Context): MemoView[] {
  const paths = codePathStrings(listCodes(context.db));
  // Newest first: the first memo seen on a target (and title) is the one its field shows; an
  // older one beside it is a copy from before one memo per target, kept (it is someone's text)
  // and marked, so the researcher can keep what they need and delete it.
  const first = new Map<string, string>();
  return listMemos(context.db).map((row) => {
    const key = targetKey(row);
    const primary = first.get(key);
    if (primary === undefined) first.set(key, row.uuid);
    return toMemoView(row, paths, primary ?? null);
  });
}

function memoView(context: Context, uuid: string): MemoView {
  return memoViews(context).find((memo) => memo.id === uuid)!;
}

export const memoHandlers = {
  'memos.list': (context) => memoViews(context),

  'memos.create': (context, input) =>
    context.mutate(
      'memos.create',
      (recorder) => {
        let target: { column: MemoTargetColumn; id: number } | null = null;
        if (input.target.kind === 'document') target = { column: 'document_id', id: resolveDocument(context.db, input.target.document).id };
        if (input.target.kind === 'code') target = { column: 'code_id', id: resolveCode(context.db, input.target.code).id };
        if (input.target.kind === 'coding') target = { column: 'coding_id', id: resolveCoding(context.db, input.target.coding).id };
        const title = input.title ?? '';
        const now = context.now();
        // One memo per target (and title): a second create, such as a save racing the first
        // while someone types fast, writes into the memo that is there. Read and write share
        // this transaction, so two creates can never both insert.
        const existing = findTargetMemo(context.db, target, title);
        if (existing) {
          recorder.update('memos', existing.id, { body: input.body, updated_at: now });
          return { result: memoView(context, existing.uuid), summary: 'Edit a memo' };
        }
        const coder = input.coder === undefined ? undefined : ensureCoder(context.db, recorder, input.coder, now, context.newUuid());
        const row = recorder.insert('memos', {
          uuid: context.newUuid(),
          ...(target ? { [target.column]: target.id } : {}),
          coder_id: coder?.id ?? null,
          title,
          body: input.body,
          created_at: now,
          updated_at: now,
        });
        return { result: memoView(context, row.uuid as string), summary: `Write a memo on the ${input.target.kind}`, ...(coder ? { coderId: coder.id } : {}) };
      },
      { step: input.step },
    ),

  'memos.update': (context, input) =>
    context.mutate('memos.update', (recorder) => {
      const memo = resolveMemo(context.db, input.memo);
      const patch: Record<string, unknown> = {};
      if (input.title !== undefined) patch.title = input.title;
      if (input.body !== undefined) patch.body = input.body;
      if (Object.keys(patch).length > 0) patch.updated_at = context.now();
      recorder.update('memos', memo.id, patch);
      return { result: memoView(context, memo.uuid), summary: 'Edit a memo' };
    }, { step: input.step }),

  'memos.delete': (context, input) =>
    context.mutate('memos.delete', (recorder) => {
      const memo = resolveMemo(context.db, input.memo);
      recorder.delete('memos', memo.id);
      return { result: { id: memo.uuid }, summary: 'Delete a memo' };
    }),
} satisfies Partial<Handlers>;
