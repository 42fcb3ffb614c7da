import { useCallback, useRef } from 'react';
import type { Input } from '../../app/service/contract.js';
import type { MemoView } from '../../app/service/views.js';
import type { Workbench } from '../app/useWorkbench.js';

export type MemoTargetInput = Input<'memos.create'>['target'];

function targetKey(target: MemoTargetInput): string {
  switch (target.kind) {
    case 'project':
      return 'project';
    case 'document':
      return `document:${target.document}`;
    case 'code':
      return `code:${target.code}`;
    case 'coding':
      return `coding:${target.coding}`;
  }
}

function existingMemo(memos: MemoView[], target: MemoTargetInput): MemoView | undefined {
  return memos.find((memo) => {
    if (memo.target.kind !== target.kind) return false;
    if (target.kind === 'project') return true;
    const id = target.kind === 'document' ? target.document : target.kind === 'code' ? target.code : target.coding;
    return 'id' in memo.target && memo.target.id === id;
  });
}

export interface MemoSaver {
  /** Save the memo on `target` (creating it the first time); `step` is the field's editing spell. */
  saveMemo(target: MemoTargetInput, body: string, step: string): Promise<void>;
  /** Save a coding's memo. */
  saveCodingMemo(coding: string, memo: string, step: string): Promise<void>;
}

/**
 * Memo saves, one queue per memo: a save waits for the one before it on the same memo, so saves
 * arrive in the order they were typed and each sees the memo the one before it made.
 */
export function useMemoSaver(wb: Workbench, coder: string | null): MemoSaver {
  const queues = useRef(new Map<string, Promise<void>>());
  const latest = useRef(wb);
  latest.current = wb;

  const enqueue = useCallback((key: string, job: () => Promise<void>): Promise<void> => {
    const previous = queues.current.get(key) ?? Promise.resolve();
    const next = previous.then(job, job);
    queues.current.set(key, next);
    void next.finally(() => {
      if (queues.current.get(key) === next) queues.current.delete(key);
    });
    return next;
  }, []);

  const saveMemo = useCallback(
    (target: MemoTargetInput, body: string, step: string): Promise<void> => {
      const key = targetKey(target);
      return enqueue(key, async () => {
        const current = latest.current;
        const id = existingMemo(current.memos, target)?.id;
        if (id) await current.mutate('memos.update', { memo: id, body, step });
        // The service keeps one memo per target: a create that finds one (the list here may not
        // show it yet) updates it.
        else if (body.trim()) await current.mutate('memos.create', { target, body, step, ...(coder ? { coder } : {}) });
      });
    },
    [enqueue, coder],
  );

  const saveCodingMemo = useCallback(
    (coding: string, memo: string, step: string): Promise<void> =>
      enqueue(`coding:${coding}`, async () => {
        await latest.current.mutate('codings.setMemo', { coding, memo, step, ...(coder ? { coder } : {}) });
      }),
    [enqueue, coder],
  );

  return { saveMemo, saveCodingMemo };
}
