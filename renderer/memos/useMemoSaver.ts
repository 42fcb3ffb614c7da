import { useCallback, useRef } from 'react';
import type { Workbench } from '../app/useWorkbench.js';
import { memoOn, targetId, type MemoTargetRef } from './memoOn.js';

function targetKey(target: MemoTargetRef): string {
  return `${target.kind}:${targetId(target) ?? ''}`;
}

export interface MemoSaver {
  /** Save the memo on `target` (creating it the first time); `step` is the field's editing spell. */
  saveMemo(target: MemoTargetRef, body: string, step: string): Promise<void>;
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
    (target: MemoTargetRef, body: string, step: string): Promise<void> => {
      const key = targetKey(target);
      return enqueue(key, async () => {
        const current = latest.current;
        const id = memoOn(current.memos, target)?.id;
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
