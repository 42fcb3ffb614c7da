/**
 * A place's excerpt, once per coder (and once for the consensus): the same sentences on every
 * row, each coder's segments drawn in their codes' colours with their boundaries marked, so
 * where the coders start and stop reads at a glance. Offsets are code points into the document
 * (the excerpt's `start` is one); a selection in any row converts back to such offsets.
 */
import type { ReviewSegmentView } from '../../app/service/reviewViews.js';

export interface ExcerptRow {
  label: string;
  /** 'coder' rows are numbered for the accept keys; the consensus row is set apart. */
  kind: 'coder' | 'consensus' | 'draft';
  segments: Pick<ReviewSegmentView, 'code' | 'codeId' | 'start' | 'end'>[];
}

interface Run {
  start: number;
  end: number;
  text: string;
  covering: ExcerptRow['segments'];
}

/** Split the excerpt at every boundary of the row's segments (code-point offsets). */
function runsOf(chars: string[], start: number, segments: ExcerptRow['segments'], place: { start: number; end: number }): Run[] {
  const end = start + chars.length;
  const cuts = new Set<number>([start, end, Math.max(start, Math.min(end, place.start)), Math.max(start, Math.min(end, place.end))]);
  for (const segment of segments) {
    if (segment.start > start && segment.start < end) cuts.add(segment.start);
    if (segment.end > start && segment.end < end) cuts.add(segment.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    runs.push({ start: from, end: to, text: chars.slice(from - start, to - start).join(''), covering: segments.filter((segment) => segment.start < to && segment.end > from) });
  }
  return runs;
}

function tint(color: string, alpha: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}${alpha}` : color;
}

function runStyle(run: Run, colors: Map<string, string>): React.CSSProperties | undefined {
  if (run.covering.length === 0) return undefined;
  const shades = run.covering.map((segment) => colors.get(segment.codeId) ?? '#888888');
  // One band per covering code: overlapping codes of one coder stack, each in its colour.
  const step = 100 / shades.length;
  const bands = shades.map((color, i) => `${tint(color, '40')} ${i * step}% ${(i + 1) * step}%`).join(', ');
  const edges: string[] = [];
  for (const segment of run.covering) {
    const color = colors.get(segment.codeId) ?? '#888888';
    if (segment.start === run.start) edges.push(`inset 2px 0 0 ${color}`);
    if (segment.end === run.end) edges.push(`inset -2px 0 0 ${color}`);
  }
  return {
    backgroundImage: `linear-gradient(to bottom, ${bands})`,
    borderBottom: `2px solid ${shades[0]}`,
    ...(edges.length > 0 ? { boxShadow: edges.join(', ') } : {}),
  };
}

export function PlaceExcerpt({ excerpt, place, rows, colors }: { excerpt: { start: number; text: string }; place: { start: number; end: number }; rows: ExcerptRow[]; colors: Map<string, string> }) {
  const chars = [...excerpt.text];
  let coderNumber = 0;
  return (
    <div className="excerpt" aria-label="Excerpt">
      {rows.map((row) => {
        const number = row.kind === 'coder' ? ++coderNumber : null;
        return (
          <div key={`${row.kind}:${row.label}`} className={`excerpt-row ${row.kind}`} data-row={row.label}>
            <span className="excerpt-label" title={number ? `${row.label} (press ${number} to accept this version)` : row.label}>
              {number && <kbd>{number}</kbd>}
              {row.label}
              {row.segments.length === 0 && <span className="muted small"> — nothing coded</span>}
            </span>
            <p className="excerpt-text" data-excerpt-row>
              {runsOf(chars, excerpt.start, row.segments, place).map((run) => (
                <span
                  key={run.start}
                  data-start={run.start}
                  className={run.start >= place.start && run.end <= place.end ? 'in-place' : 'context'}
                  style={runStyle(run, colors)}
                  title={run.covering.length > 0 ? run.covering.map((segment) => segment.code).join(', ') : undefined}
                >
                  {run.text}
                </span>
              ))}
            </p>
          </div>
        );
      })}
    </div>
  );
}

/** Code points in a UTF-16 prefix: an emoji or a math letter is one unit of text, not two. */
function codePoints(text: string): number {
  return [...text].length;
}

/** A DOM point inside an excerpt row, as a code-point offset into the document; null if outside. */
function offsetOf(container: HTMLElement, node: Node, offset: number): number | null {
  let span: HTMLElement | null = null;
  let prefix = 0;
  if (node.nodeType === Node.TEXT_NODE) {
    span = node.parentElement?.closest<HTMLElement>('[data-start]') ?? null;
    prefix = codePoints((node as Text).data.slice(0, offset));
  } else if (node instanceof HTMLElement) {
    if (node.matches('[data-start]')) {
      span = node;
      prefix = offset === 0 ? 0 : codePoints(node.textContent ?? '');
    } else {
      // A point between children (e.g. the paragraph itself): the run after it, or the end of the last.
      const runs = [...node.querySelectorAll<HTMLElement>('[data-start]')];
      const after = node.childNodes[offset];
      span = after instanceof HTMLElement && after.matches('[data-start]') ? after : (runs.at(-1) ?? null);
      if (span && span !== after) prefix = codePoints(span.textContent ?? '');
    }
  }
  if (!span || !container.contains(span)) return null;
  return Number(span.dataset.start) + prefix;
}

/** The selection inside the excerpt as [start, end) code points into the document, or null. */
export function excerptSelection(container: HTMLElement | null): { start: number; end: number; text: string } | null {
  const selection = document.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // Every row holds the same text: a selection must stay within one of them.
  const rowOf = (node: Node): Element | null => (node instanceof Element ? node : node.parentElement)?.closest('[data-excerpt-row]') ?? null;
  const row = rowOf(range.startContainer);
  if (!row || row !== rowOf(range.endContainer)) return null;
  const start = offsetOf(container, range.startContainer, range.startOffset);
  const end = offsetOf(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end, text: range.toString() };
}
