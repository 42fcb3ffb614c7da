import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Reader } from '../reader/index.js';
import type { Workbench } from './useWorkbench.js';

/** What the reader should do once the document it waits for is on screen. */
type PendingPlace = { documentId: string; passage: { start: number; end: number } } | { documentId: string; top: number };

interface SavedPlace {
  documentId: string;
  /** The code point at the top of the reader's viewport. */
  top: number;
}

const placeKey = (projectId: string): string => `gloss.place.${projectId}`;

function readPlace(projectId: string): SavedPlace | null {
  try {
    const value = JSON.parse(localStorage.getItem(placeKey(projectId)) ?? 'null') as SavedPlace | null;
    return value && typeof value.documentId === 'string' && Number.isInteger(value.top) ? value : null;
  } catch {
    return null;
  }
}

export interface ReaderPlace {
  /** Open a passage: its document, scrolled to it, centred, selected, with focus in the reader. */
  jumpTo(documentId: string, start: number, end: number): void;
  /** The reader scrolled: remember where, for the next time this project opens. */
  onScrolled(top: number): void;
}

/**
 * Where the reader is: passages opened from the analysis views, and the open document and
 * scroll position kept per project, so a reload comes back to the same place.
 */
export function useReaderPlace(wb: Workbench, reader: RefObject<Reader | null>, showReader: () => void, readerShowing: boolean): ReaderPlace {
  const pending = useRef<PendingPlace | null>(null);
  const [tick, setTick] = useState(0);
  const projectId = wb.project?.id ?? null;
  const documentId = wb.document?.id ?? null;
  const { openDocument } = wb;

  const go = useCallback(
    (place: PendingPlace): void => {
      pending.current = place;
      if (documentId !== place.documentId) void openDocument(place.documentId);
      else setTick((value) => value + 1);
    },
    [documentId, openDocument],
  );

  const jumpTo = useCallback(
    (id: string, start: number, end: number): void => {
      showReader();
      go({ documentId: id, passage: { start, end } });
    },
    [go, showReader],
  );

  // First load of a project: back to the document and place it was left at.
  const restored = useRef<string | null>(null);
  useEffect(() => {
    if (!projectId || restored.current === projectId || wb.documents.length === 0) return;
    restored.current = projectId;
    const saved = readPlace(projectId);
    if (saved && documentId === null && wb.documents.some((document) => document.id === saved.documentId)) go(saved);
  }, [projectId, wb.documents, documentId, go]);

  // The place is written once scrolling pauses, not on every frame of it, and at the latest when
  // the page goes away.
  const unsaved = useRef<{ key: string; place: SavedPlace } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback((): void => {
    clearTimeout(timer.current);
    const next = unsaved.current;
    unsaved.current = null;
    if (next) localStorage.setItem(next.key, JSON.stringify(next.place));
  }, []);
  const remember = useCallback(
    (id: string, place: SavedPlace): void => {
      unsaved.current = { key: placeKey(id), place };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, 300);
    },
    [flush],
  );
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  // Opening another document remembers it at its top.
  useEffect(() => {
    if (projectId && documentId && restored.current === projectId && !pending.current) remember(projectId, { documentId, top: 0 });
  }, [projectId, documentId, remember]);

  useEffect(() => {
    const place = pending.current;
    if (!place || !readerShowing || documentId !== place.documentId) return;
    pending.current = null;
    // After the reader has laid the document out.
    requestAnimationFrame(() => {
      if ('passage' in place) reader.current?.showPassage(place.passage.start, place.passage.end);
      else reader.current?.scrollOffsetToTop(place.top);
    });
  }, [readerShowing, documentId, tick, reader]);

  const onScrolled = useCallback(
    (top: number): void => {
      if (!projectId || !documentId || pending.current) return;
      remember(projectId, { documentId, top });
    },
    [projectId, documentId, remember],
  );

  return { jumpTo, onScrolled };
}
