import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeView, DocumentContent, Segment } from '../../app/service/views.js';
import { FindBar } from '../find/FindBar.js';
import { Reader, type ReaderCoding, type ReaderSelection } from '../reader/index.js';

export interface ReaderPaneProps {
  document: DocumentContent | null;
  segments: Segment[];
  codes: CodeView[];
  /** null: every coder, with initials on each coding. */
  coderFilter: string | null;
  highlighted: string[];
  onReady(reader: Reader | null): void;
  onSelectionChange(selection: ReaderSelection | null): void;
  onCodingsClick(ids: string[], rect: DOMRect): void;
  /** The code point at the top of the viewport, after each scroll. */
  onScrolled(topOffset: number): void;
}

/** Mounts the ProseMirror reader and keeps it in step with the open document and its codings. */
export function ReaderPane({ document, segments, codes, coderFilter, highlighted, onReady, onSelectionChange, onCodingsClick, onScrolled }: ReaderPaneProps) {
  const mount = useRef<HTMLDivElement>(null);
  const reader = useRef<Reader | null>(null);
  const callbacks = useRef({ onSelectionChange, onCodingsClick, onScrolled });
  callbacks.current = { onSelectionChange, onCodingsClick, onScrolled };
  // Said to screen readers: moving from coding to coding with Alt+↓ and Alt+↑.
  const [announcement, setAnnouncement] = useState('');

  const codings = useMemo<ReaderCoding[]>(() => {
    const byId = new Map(codes.map((code) => [code.id, code]));
    return segments
      .filter((segment) => coderFilter === null || segment.coder === coderFilter)
      .map((segment) => {
        const code = byId.get(segment.codeId);
        return { id: segment.id, codeId: segment.codeId, codeName: code?.path ?? segment.code, color: code?.color ?? '#888888', coder: segment.coder, start: segment.start, end: segment.end };
      });
  }, [segments, codes, coderFilter]);

  useEffect(() => {
    const instance = new Reader(mount.current!, {
      onSelectionChange: (selection) => callbacks.current.onSelectionChange(selection),
      onCodingsClick: (ids, rect) => callbacks.current.onCodingsClick(ids, rect),
      onScrolled: (offset) => callbacks.current.onScrolled(offset),
      onAnnounce: setAnnouncement,
      showCoderInitials: true,
    });
    reader.current = instance;
    onReady(instance);
    return () => {
      onReady(null);
      instance.destroy();
      reader.current = null;
    };
  }, [onReady]);

  // A new document replaces the view; new codings on the same document are diffed in.
  const shownDocument = useRef<string | null>(null);
  useEffect(() => {
    const instance = reader.current;
    if (!instance || !document) return;
    if (shownDocument.current !== document.id) {
      shownDocument.current = document.id;
      instance.setDocument({ text: document.text, blocks: document.blocks }, codings);
    } else {
      instance.setCodings(codings);
    }
  }, [document, codings]);

  useEffect(() => reader.current?.setShowCoderInitials(coderFilter === null), [coderFilter]);
  useEffect(() => reader.current?.highlightCodings(highlighted), [highlighted]);

  return (
    <div className="reader-frame">
      <FindBar reader={reader} document={document} />
      <div className="reader-scroll" data-testid="reader">
        {!document && <p className="empty reader-empty">Open a document from the list to read and code it.</p>}
        <div ref={mount} className="reader-mount" hidden={!document} />
        <p className="visually-hidden" aria-live="polite" data-testid="reader-announcement">
          {announcement}
        </p>
      </div>
    </div>
  );
}
