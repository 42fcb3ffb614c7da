/**
 * Coded segments, each in its sentence with the segment in bold, and its review status once a
 * review decision has touched it: click one to read it in place.
 */
import type { CodeView } from '../../app/service/views.js';
import { StatusBadge } from '../review/format.js';
import { Swatch, type RetrievedSegment } from './common.js';
import { trimLeft, trimRight } from './heat.js';

export interface SegmentListProps {
  segments: RetrievedSegment[];
  codes: CodeView[];
  onJump(segment: RetrievedSegment): void;
  /** Hide the document title (e.g. in a column that is one document). */
  hideDocument?: boolean;
  label?: string;
}

export function SegmentList({ segments, codes, onJump, hideDocument, label }: SegmentListProps) {
  const colors = new Map(codes.map((code) => [code.id, code.color]));
  if (segments.length === 0) return <p className="empty">No coded segments here.</p>;
  return (
    <ol className="segment-list" aria-label={label ?? 'Segments'}>
      {segments.map((segment) => (
        <li key={segment.id}>
          <button type="button" className="segment-item" onClick={() => onJump(segment)} title="Show in the reader" data-segment-id={segment.id}>
            <span className="segment-meta">
              <Swatch color={colors.get(segment.codeId) ?? '#888888'} />
              <span className="segment-code">{segment.code}</span>
              {!hideDocument && <span className="segment-doc">{segment.documentTitle}</span>}
              <span className="segment-coder">{segment.coder}</span>
              {segment.status !== 'unreviewed' && <StatusBadge status={segment.status} />}
            </span>
            <span className="segment-context">
              {trimLeft(segment.before, 220)}
              <strong>{segment.text}</strong>
              {trimRight(segment.after, 220)}
            </span>
            {segment.memo && <span className="segment-memo">✎ {segment.memo}</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
