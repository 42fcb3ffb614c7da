import type { Input } from '../../app/service/contract.js';
import type { MemoView } from '../../app/service/views.js';

/** What a memo is written on, as the memo operations name it. */
export type MemoTargetRef = Input<'memos.create'>['target'];

/** The id of the thing a memo is on; null for the project. */
export function targetId(target: MemoTargetRef): string | null {
  return target.kind === 'project' ? null : target.kind === 'document' ? target.document : target.kind === 'code' ? target.code : target.coding;
}

/**
 * The memo a target's field shows: the untitled one (titled memos are a REFI-QDA import's own
 * notes) that is not an older copy left by an earlier version's duplicates.
 */
export function memoOn(memos: readonly MemoView[], target: MemoTargetRef): MemoView | undefined {
  const id = targetId(target);
  return memos.find((memo) => memo.target.kind === target.kind && memo.title === '' && memo.duplicateOf === null && (id === null || ('id' in memo.target && memo.target.id === id)));
}
