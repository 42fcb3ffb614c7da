import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Input, OperationName, Output } from '../../app/service/contract.js';
import type { ReviewSettings } from '../../app/service/reviewViews.js';
import type { CodeView, CoderView, DocumentContent, DocumentSummary, MemoView, ProjectInfo, Segment } from '../../app/service/views.js';
import { ApiError, type Api } from '../api/api.js';
import { totalsOver } from '../codebook/totals.js';

export interface WorkbenchData {
  project: ProjectInfo | null;
  documents: DocumentSummary[];
  codes: CodeView[];
  coders: CoderView[];
  memos: MemoView[];
  /** Most recently applied codes, newest first: the 1–9 keys. */
  recent: CodeView[];
  document: DocumentContent | null;
  /** Every coding of the open document, by every coder (only the current coder's while blind). */
  segments: Segment[];
  /** Blind coding and the consensus coder (review.settings). */
  review: ReviewSettings;
  /**
   * Blind coding is on and someone is coding: the workbench shows only `coder`'s codings, and
   * code counts are that coder's own.
   */
  blindCoder: string | null;
}

const NO_REVIEW: ReviewSettings = { blind: false, consensusCoder: null };
const EMPTY: WorkbenchData = { project: null, documents: [], codes: [], coders: [], memos: [], recent: [], document: null, segments: [], review: NO_REVIEW, blindCoder: null };

/** A code's segment and document counts over one coder's codings only. */
function ownCounts(codes: CodeView[], own: Segment[]): CodeView[] {
  const segments = new Map<string, number>();
  const documents = new Map<string, Set<string>>();
  for (const segment of own) {
    segments.set(segment.codeId, (segments.get(segment.codeId) ?? 0) + 1);
    const set = documents.get(segment.codeId) ?? new Set<string>();
    set.add(segment.documentId);
    documents.set(segment.codeId, set);
  }
  return codes.map((code) => ({ ...code, segments: segments.get(code.id) ?? 0, documents: documents.get(code.id)?.size ?? 0 }));
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface Workbench extends WorkbenchData {
  api: Api;
  notices: Notice[];
  dismiss(id: number): void;
  notify(kind: Notice['kind'], text: string): void;
  openDocument(id: string | null): Promise<void>;
  /** Run a mutation, then redraw from the store; failures become a notice. Returns undefined on failure. */
  mutate<K extends OperationName>(name: K, input: Input<K>): Promise<Output<K> | undefined>;
  reload(): Promise<void>;
}

/**
 * The workbench's state: everything is read back from the service after each change, so the
 * screen always shows what the project file holds (and undo simply reloads).
 */
export function useWorkbench(api: Api, coder: string | null): Workbench {
  const [data, setData] = useState<WorkbenchData>(EMPTY);
  const [notices, setNotices] = useState<Notice[]>([]);
  const documentId = useRef<string | null>(null);
  // The coder whose codings alone are shown while blind coding is on (read by openDocument).
  const blindCoder = useRef<string | null>(null);
  const nextNotice = useRef(1);

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = nextNotice.current++;
    // One line of news at a time over the centre of the window, never a stack over the panes: a
    // new notice replaces an older one of its kind (an error still waits to be dismissed).
    setNotices((current) => [...current.filter((notice) => notice.kind !== kind).slice(-1), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setNotices((current) => current.filter((notice) => notice.id !== id)), 4000);
  }, []);

  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);

  const reload = useCallback(async () => {
    const [project, documents, allCodes, coders, memos, recent, review] = await Promise.all([
      api.run('project.info', {}),
      api.run('documents.list', {}),
      api.run('codes.list', {}),
      api.run('coders.list', {}),
      api.run('memos.list', {}),
      api.run('codes.recent', coder ? { limit: 9, coder } : { limit: 9 }),
      // A project the review cannot read settings from is simply not blind.
      api.run('review.settings', {}).catch((): ReviewSettings => NO_REVIEW),
    ]);
    const blind = review.blind && coder !== null ? coder : null;
    blindCoder.current = blind;
    const own = blind ? await api.run('codings.list', { coder: blind }) : null;
    const codes = own ? totalsOver(ownCounts(allCodes, own), own) : allCodes;
    const id = documentId.current;
    const stillThere = id !== null && documents.some((document) => document.id === id);
    const segments = stillThere ? (own ? own.filter((segment) => segment.documentId === id) : await api.run('codings.list', { document: id })) : [];
    if (!stillThere) documentId.current = null;
    const shownProject = own ? { ...project, counts: { ...project.counts, codings: own.length } } : project;
    const ownPerDocument = new Map<string, number>();
    for (const segment of own ?? []) ownPerDocument.set(segment.documentId, (ownPerDocument.get(segment.documentId) ?? 0) + 1);
    const shownDocuments = own ? documents.map((document) => ({ ...document, codings: ownPerDocument.get(document.id) ?? 0 })) : documents;
    setData((current) => ({
      project: shownProject,
      documents: shownDocuments,
      codes,
      coders,
      memos,
      recent,
      document: stillThere ? current.document : null,
      segments,
      review,
      blindCoder: blind,
    }));
  }, [api, coder]);

  const openDocument = useCallback(
    async (id: string | null) => {
      documentId.current = id;
      if (id === null) {
        setData((current) => ({ ...current, document: null, segments: [] }));
        return;
      }
      try {
        const [document, segments] = await Promise.all([api.run('documents.get', { document: id }), api.run('codings.list', { document: id, ...(blindCoder.current ? { coder: blindCoder.current } : {}) })]);
        if (documentId.current === id) setData((current) => ({ ...current, document, segments }));
      } catch (error) {
        notify('error', error instanceof ApiError ? error.message : String(error));
      }
    },
    [api, notify],
  );

  const mutate = useCallback(
    async <K extends OperationName>(name: K, input: Input<K>): Promise<Output<K> | undefined> => {
      try {
        const result = await api.run(name, input);
        await reload();
        return result;
      } catch (error) {
        notify('error', error instanceof ApiError ? error.message : String(error));
        return undefined;
      }
    },
    [api, notify, reload],
  );

  useEffect(() => {
    reload().catch((error: unknown) => notify('error', error instanceof Error ? error.message : String(error)));
  }, [reload, notify]);

  return useMemo(
    () => ({ ...data, api, notices, dismiss, notify, openDocument, mutate, reload }),
    [data, api, notices, dismiss, notify, openDocument, mutate, reload],
  );
}
