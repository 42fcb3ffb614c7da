import { useEffect, useRef } from 'react';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import type { CodeView, Segment } from '../../app/service/views.js';

export interface CodingPopoverProps {
  segments: Segment[];
  codes: CodeView[];
  text: string;
  anchor: DOMRect;
  onRemove(segment: Segment): void;
  onChangeCode(segment: Segment, codeId: string): void;
  onChangeBounds(segment: Segment, start: number, end: number): void;
  onMemo(segment: Segment, memo: string): void;
  onHover(ids: string[]): void;
  onClose(): void;
}

/** The next word boundary from `offset` (code points) in `direction`, for widen and narrow. */
function wordStep(index: CodePointIndex, offset: number, direction: -1 | 1): number {
  const chars = (from: number, to: number): string => index.slice(Math.max(0, from), Math.min(index.length, to));
  let at = offset;
  // Skip the spaces next to the boundary, then the word.
  if (direction === 1) {
    while (at < index.length && /\s/u.test(chars(at, at + 1))) at++;
    while (at < index.length && !/\s/u.test(chars(at, at + 1))) at++;
  } else {
    while (at > 0 && /\s/u.test(chars(at - 1, at))) at--;
    while (at > 0 && !/\s/u.test(chars(at - 1, at))) at--;
  }
  return at;
}

export function CodingPopover({ segments, codes, text, anchor, onRemove, onChangeCode, onChangeBounds, onMemo, onHover, onClose }: CodingPopoverProps) {
  const box = useRef<HTMLDivElement>(null);
  const index = new CodePointIndex(text);

  useEffect(() => {
    const close = (event: MouseEvent): void => {
      if (box.current && !box.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);

  const top = Math.min(anchor.bottom + 8, window.innerHeight - 320);
  const left = Math.min(Math.max(anchor.left, 8), window.innerWidth - 380);

  return (
    <div ref={box} className="popover" role="dialog" aria-label="Codings here" style={{ top, left }} onMouseLeave={() => onHover([])}>
      {segments.map((segment) => {
        const code = codes.find((candidate) => candidate.id === segment.codeId);
        const step = (edge: 'start' | 'end', direction: -1 | 1): void => {
          const start = edge === 'start' ? wordStep(index, segment.start, direction) : segment.start;
          const end = edge === 'end' ? wordStep(index, segment.end, direction) : segment.end;
          if (start < end) onChangeBounds(segment, start, end);
        };
        return (
          <div key={segment.id} className="popover-coding" data-coding-id={segment.id} onMouseEnter={() => onHover([segment.id])}>
            <div className="popover-head">
              <span className="swatch" style={{ background: code?.color }} />
              <select aria-label="Code of this coding" value={segment.codeId} onChange={(event) => onChangeCode(segment, event.target.value)}>
                {codes.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.path}
                  </option>
                ))}
              </select>
              <span className="coder-badge" title={`Coded by ${segment.coder}`}>
                {segment.coder}
              </span>
            </div>
            <blockquote className="popover-quote">{segment.text.length > 220 ? `${segment.text.slice(0, 219)}…` : segment.text}</blockquote>
            <div className="popover-bounds" aria-label="Boundaries">
              <span className="muted small">start</span>
              <button type="button" className="button tiny" title="Widen: start one word earlier" onClick={() => step('start', -1)}>
                ◂
              </button>
              <button type="button" className="button tiny" title="Narrow: start one word later" onClick={() => step('start', 1)}>
                ▸
              </button>
              <span className="muted small">end</span>
              <button type="button" className="button tiny" title="Narrow: end one word earlier" onClick={() => step('end', -1)}>
                ◂
              </button>
              <button type="button" className="button tiny" title="Widen: end one word later" onClick={() => step('end', 1)}>
                ▸
              </button>
              <span className="spacer" />
              <button type="button" className="button tiny danger-outline" onClick={() => onRemove(segment)}>
                Remove
              </button>
            </div>
            <textarea
              className="popover-memo"
              placeholder="Memo on this coding…"
              aria-label="Coding memo"
              defaultValue={segment.memo ?? ''}
              rows={2}
              onBlur={(event) => {
                if (event.target.value !== (segment.memo ?? '')) onMemo(segment, event.target.value);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
