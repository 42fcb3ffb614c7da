/**
 * The centre pane's views besides the Reader: tabs, their shortcuts (Alt+Shift+1…9), and the
 * view that is showing.
 */
import { useEffect } from 'react';
import './analysis.css';
import type { AnalysisProps } from './common.js';
import { AttributesView } from './AttributesView.js';
import { ChartsView } from './ChartsView.js';
import { CooccurrenceView } from './CooccurrenceView.js';
import { MatrixView } from './MatrixView.js';
import { SearchView } from './SearchView.js';
import { SegmentsView } from './SegmentsView.js';
import { SideBySideView } from './SideBySideView.js';
import { ReviewView } from '../review/ReviewView.js';

export const CENTRE_VIEWS = [
  ['reader', 'Reader'],
  ['segments', 'Segments'],
  ['matrix', 'Matrix'],
  ['cooccurrence', 'Co-occurrence'],
  ['sidebyside', 'Side by side'],
  ['search', 'Search'],
  ['attributes', 'Attributes'],
  ['charts', 'Charts'],
  ['review', 'Review'],
] as const;

export type CentreView = (typeof CENTRE_VIEWS)[number][0];

/** The tab strip above the centre pane. */
export function ViewTabs({ view, onChange }: { view: CentreView; onChange(view: CentreView): void }) {
  useEffect(() => {
    // Alt+Shift+digit: free of Ctrl+K / Ctrl+I / Ctrl+Z, of 1–9 (recent codes) and of the browser's own tab keys.
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const match = /^Digit([1-9])$/.exec(event.code);
      if (!match) return;
      event.preventDefault();
      onChange(CENTRE_VIEWS[Number(match[1]) - 1]![0]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onChange]);
  return (
    // One Tab stop (the current tab); ←/→, Home and End move between tabs, as ARIA's tabs do.
    <nav
      className="view-tabs"
      role="tablist"
      aria-label="Views"
      onKeyDown={(event) => {
        const at = CENTRE_VIEWS.findIndex(([id]) => id === view);
        const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? CENTRE_VIEWS.length - 1 : null;
        if (next === null) return;
        event.preventDefault();
        const list = event.currentTarget;
        const target = CENTRE_VIEWS[(next + CENTRE_VIEWS.length) % CENTRE_VIEWS.length]![0];
        onChange(target);
        requestAnimationFrame(() => list.querySelector<HTMLElement>(`[data-view="${target}"]`)?.focus());
      }}
    >
      {CENTRE_VIEWS.map(([id, label], i) => (
        <button
          key={id}
          type="button"
          role="tab"
          data-view={id}
          tabIndex={view === id ? 0 : -1}
          aria-selected={view === id}
          className={view === id ? 'on' : ''}
          onClick={() => onChange(id)}
          title={`${label} (Alt+Shift+${i + 1})`}
        >
          {label}
        </button>
      ))}
    </nav>
  );
}

export function AnalysisPane({ view, ...props }: AnalysisProps & { view: Exclude<CentreView, 'reader'> }) {
  switch (view) {
    case 'segments':
      return <SegmentsView {...props} />;
    case 'matrix':
      return <MatrixView {...props} />;
    case 'search':
      return <SearchView {...props} />;
    case 'cooccurrence':
      return <CooccurrenceView {...props} />;
    case 'attributes':
      return <AttributesView {...props} />;
    case 'charts':
      return <ChartsView {...props} />;
    case 'sidebyside':
      return <SideBySideView {...props} />;
    case 'review':
      return <ReviewView {...props} />;
  }
}
