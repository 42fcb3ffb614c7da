import { useCallback, type RefObject } from 'react';
import { formatCodePath } from '../../app/domain/codePath.js';
import type { CodeView } from '../../app/service/views.js';
import { ApiError } from '../api/api.js';
import type { Workbench } from '../app/useWorkbench.js';
import type { Reader } from '../reader/index.js';

export interface CodingActions {
  /** Code the reader's selection with `code`; `step` joins it to the action before it for undo. */
  applyCode(code: CodeView, step?: string): Promise<void>;
  /** Create a code by path, and code the selection with it when `apply`. */
  createCode(path: string, apply: boolean): Promise<void>;
  /** A new (or the same-named top-level) code named by the selected words. */
  inVivo(): Promise<void>;
  history(direction: 'undo' | 'redo'): Promise<void>;
}

/** What the reader's selection can be coded with, and undo and redo. */
export function useCodingActions(wb: Workbench, coder: string | null, reader: RefObject<Reader | null>, askForCoder: () => void): CodingActions {
  const applyCode = useCallback(
    async (code: CodeView, step?: string): Promise<void> => {
      const current = reader.current?.getSelection() ?? null;
      if (!current || !wb.document) {
        wb.notify('info', 'Select a passage in the reader first.');
        return;
      }
      if (!coder) {
        askForCoder();
        return;
      }
      const result = await wb.mutate('codings.apply', { document: wb.document.id, code: code.id, coder, start: current.start, end: current.end, ...(step ? { step } : {}) });
      if (result) wb.notify('info', `Coded as “${code.path}”`);
    },
    [wb, coder, reader, askForCoder],
  );

  const createCode = useCallback(
    async (path: string, apply: boolean): Promise<void> => {
      // A new code and its first coding are one undo step: Ctrl+Z leaves no empty code behind.
      const step = crypto.randomUUID();
      const code = await wb.mutate('codes.add', { path, step });
      if (code && apply) await applyCode(code, step);
    },
    [wb, applyCode],
  );

  const inVivo = useCallback(async (): Promise<void> => {
    const current = reader.current?.getSelection() ?? null;
    if (!current) {
      wb.notify('info', 'Select the words to use as the code name first.');
      return;
    }
    const name = current.text.replace(/\s+/g, ' ').trim().slice(0, 80);
    if (!name) return;
    const existing = wb.codes.find((code) => code.depth === 0 && code.name.toLowerCase() === name.toLowerCase());
    if (existing) await applyCode(existing);
    else await createCode(formatCodePath([name]), true);
  }, [wb, reader, applyCode, createCode]);

  const history = useCallback(
    async (direction: 'undo' | 'redo'): Promise<void> => {
      try {
        const step = await wb.api.run(direction === 'undo' ? 'history.undo' : 'history.redo', {});
        await wb.reload();
        wb.notify('info', `${direction === 'undo' ? 'Undone' : 'Redone'}: ${step.summary}`);
      } catch (error) {
        wb.notify('info', error instanceof ApiError ? error.message : String(error));
      }
    },
    [wb],
  );

  return { applyCode, createCode, inVivo, history };
}
