/**
 * Find in the open document (Ctrl/Cmd+F while the reader shows a document). The reader renders
 * only the blocks around the viewport, so the browser's own find would see only those: this bar
 * searches the document's whole canonical text (app/domain/findText.ts), paints the matches the
 * reader has rendered, scrolls the current one to the middle of the reader and says it aloud.
 *
 * Keys: Enter / F3 / Ctrl+G next, Shift+Enter / Shift+F3 / Shift+Ctrl+G previous, Escape
 * closes. Closing selects the current match and puts keyboard focus back in the reader (as
 * browsers leave a found word selected), so Ctrl+K or 1–9 codes it at once; the close button
 * does the same.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { FindIndex, firstMatchFrom, matchContext, NO_MATCHES, type FindMatches } from '../../app/domain/findText.js';
import { isPrimaryModifier } from '../app/shortcuts.js';
import type { Reader } from '../reader/index.js';
import './find.css';

/** Window event that opens the find bar (the native menu's Find… sends it, see requestFind). */
const FIND_EVENT = 'gloss:find';

/** Typing pauses this long (ms) before a search: one search per pause, not per key. */
const DEBOUNCE_MS = 120;

const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Open the find bar as Ctrl/Cmd+F does (for the native menu's Find… item). */
export function requestFind(): void {
  window.dispatchEvent(new Event(FIND_EVENT));
}

export interface FindBarProps {
  reader: RefObject<Reader | null>;
  document: { id: string; text: string } | null;
}

interface Result {
  documentId: string;
  query: string;
  matchAccents: boolean;
  matches: FindMatches;
  current: number;
}

/** The folded text of the open document, built on the first search and kept while it stays open. */
interface Cache {
  text: string;
  matchAccents: boolean;
  index: FindIndex;
  positions: CodePointIndex;
}

export function FindBar({ reader, document }: FindBarProps) {
  const host = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matchAccents, setMatchAccents] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const cache = useRef<Cache | null>(null);
  // Read by the handlers below without re-subscribing them on every change.
  const latest = useRef({ open, query, matchAccents, result, document });
  latest.current = { open, query, matchAccents, result, document };

  /** Paint `next`, reveal its current match and say it. */
  const show = useCallback(
    (next: Result | null): void => {
      setResult(next);
      const instance = reader.current;
      if (!instance) return;
      instance.setFindMatches(next?.matches ?? NO_MATCHES, next?.current ?? -1);
      if (!next || next.query === '') {
        setAnnouncement('');
        return;
      }
      const count = next.matches.starts.length;
      if (count === 0) {
        setAnnouncement(`No matches for “${next.query}”`);
        return;
      }
      const start = next.matches.starts[next.current]!;
      const end = next.matches.ends[next.current]!;
      instance.revealRange(start, end);
      const positions = cache.current?.positions;
      const context = positions ? `: ${matchContext(positions, start, end)}` : '';
      setAnnouncement(`Match ${formatCount(next.current + 1)} of ${formatCount(count)}${context}`);
    },
    [reader],
  );

  /** Search the open document for the current query, the current match the first one from
   *  where the user is (the current match, or the top of the reader). */
  const search = useCallback((): Result | null => {
    const { query, matchAccents, document, result } = latest.current;
    if (!document) return null;
    let folded = cache.current;
    if (!folded || folded.text !== document.text || folded.matchAccents !== matchAccents) {
      const positions = folded && folded.text === document.text ? folded.positions : new CodePointIndex(document.text);
      folded = { text: document.text, matchAccents, index: new FindIndex(document.text, { matchAccents }), positions };
      cache.current = folded;
    }
    const matches = query === '' ? NO_MATCHES : folded.index.find(query);
    const from =
      result && result.documentId === document.id && result.current >= 0
        ? result.matches.starts[result.current]!
        : (reader.current?.firstVisibleOffset() ?? 0);
    return { documentId: document.id, query, matchAccents, matches, current: firstMatchFrom(matches, from) };
  }, [reader]);

  // Search once typing pauses, and again for a new document or a changed option.
  useEffect(() => {
    if (!open || !document) return;
    const timer = window.setTimeout(() => show(search()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [open, query, matchAccents, document, search, show]);

  /** Move to the next (1) or previous (-1) match; a query typed but not yet searched is
   *  searched first, landing on its first match. */
  const go = useCallback(
    (delta: 1 | -1): void => {
      const { query, matchAccents, result, document } = latest.current;
      if (!document) return;
      if (!result || result.query !== query || result.matchAccents !== matchAccents || result.documentId !== document.id) {
        show(search());
        return;
      }
      const count = result.matches.starts.length;
      if (count === 0) {
        show(result);
        return;
      }
      show({ ...result, current: (result.current + delta + count) % count });
    },
    [search, show],
  );

  const openBar = useCallback((): void => {
    let expected = latest.current.query;
    if (!latest.current.open) {
      // A short selection in the reader is what the user wants to find, as in a browser.
      const selected = reader.current?.getSelection()?.text ?? '';
      if (selected.length > 0 && selected.length <= 200 && !selected.includes('\n')) {
        setQuery(selected);
        expected = selected;
      }
      setOpen(true);
    }
    // The field takes focus as it mounts (autoFocus) or here, again; its query is selected so
    // that typing replaces it, unless typing has already begun (a busy machine): that is kept.
    input.current?.focus();
    requestAnimationFrame(() => {
      const field = input.current;
      if (!field) return;
      field.focus();
      if (field.value === expected) field.select();
    });
  }, [reader]);

  /** Close: the current match becomes the reader's selection, and focus goes back there. */
  const close = useCallback((): void => {
    const { result } = latest.current;
    const instance = reader.current;
    setOpen(false);
    setResult(null);
    setAnnouncement('');
    if (!instance) return;
    instance.setFindMatches(NO_MATCHES, -1);
    if (result && result.current >= 0 && result.matches.starts.length > 0) {
      instance.select(result.matches.starts[result.current]!, result.matches.ends[result.current]!);
    }
    instance.focus();
  }, [reader]);

  // Ctrl/Cmd+F (instead of the browser's find, which would see only the rendered blocks), and
  // F3 / Ctrl+G while open; only while the reader shows a document.
  useEffect(() => {
    const readerShown = (): boolean => latest.current.document !== null && (host.current?.getClientRects().length ?? 0) > 0;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || !readerShown()) return;
      if ((event.target as Element | null)?.closest?.('[aria-modal="true"]')) return;
      const key = event.key.toLowerCase();
      if (isPrimaryModifier(event) && !event.shiftKey && key === 'f') {
        event.preventDefault();
        openBar();
      } else if (latest.current.open && (event.key === 'F3' || (isPrimaryModifier(event) && key === 'g'))) {
        event.preventDefault();
        go(event.shiftKey ? -1 : 1);
      }
    };
    const onRequest = (): void => {
      if (readerShown()) openBar();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener(FIND_EVENT, onRequest);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener(FIND_EVENT, onRequest);
    };
  }, [openBar, go]);

  const onInputKey = (event: ReactKeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const count = result && result.query === query ? result.matches.starts.length : null;
  const countText = query === '' || count === null ? '' : count === 0 ? 'No matches' : `${formatCount(result!.current + 1)} of ${formatCount(count)}`;

  return (
    <div ref={host} className="find-host">
      {open && document && (
        <div className="find-bar" role="search" aria-label="Find in document" data-testid="find-bar">
          <input
            ref={input}
            className="find-input"
            type="text"
            aria-label="Find in document"
            aria-describedby="find-count"
            placeholder="Find in document"
            value={query}
            spellCheck={false}
            // Focused as it appears, so keys typed right after Ctrl+F land here.
            autoFocus
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onInputKey}
          />
          <span id="find-count" className={count === 0 ? 'find-count none' : 'find-count'} data-testid="find-count">
            {countText}
          </span>
          <button type="button" className="button small" onClick={() => go(-1)} disabled={!count} aria-label="Previous match" title="Previous match (Shift+Enter)">
            ↑
          </button>
          <button type="button" className="button small" onClick={() => go(1)} disabled={!count} aria-label="Next match" title="Next match (Enter)">
            ↓
          </button>
          <label className="find-option">
            <input type="checkbox" checked={matchAccents} onChange={(event) => setMatchAccents(event.target.checked)} />
            Match accents
          </label>
          <button type="button" className="button ghost small" onClick={close} aria-label="Close find" title="Close find and select the match (Escape)">
            ×
          </button>
          <p className="find-announcement" role="status" aria-live="polite" data-testid="find-announcement">
            {announcement}
          </p>
        </div>
      )}
    </div>
  );
}
