import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CodePointIndex } from '../../app/domain/codepoints.js';
import { wordStep, type CodingEdge, type WordStepDirection } from '../../app/domain/wordStep.js';
import type { CodeView, Segment } from '../../app/service/views.js';
import { MemoEditor } from '../memos/MemoEditor.js';
import { placePopover, type Box } from './popoverPlacement.js';

export interface CodingPopoverProps {
  segments: Segment[];
  codes: CodeView[];
  text: string;
  /** The line box of the passage it was opened on, which it must not cover. */
  anchor: DOMRect;
  onRemove(segment: Segment): void;
  onChangeCode(segment: Segment, codeId: string): void;
  onChangeBounds(segment: Segment, start: number, end: number): void;
  onMemo(segment: Segment, memo: string, step: string): Promise<unknown> | void;
  onHover(ids: string[]): void;
  /** Closed by Escape, a click outside, or after Remove; focus goes back to the reader. */
  onClose(): void;
}

/** Every coding at a point of the reader: its code, boundaries, memo; opened by click or Enter. */
export function CodingPopover({ segments, codes, text, anchor, onRemove, onChangeCode, onChangeBounds, onMemo, onHover, onClose }: CodingPopoverProps) {
  const box = useRef<HTMLDivElement>(null);
  // Once per document, not per render (hovering a row re-renders; a book has a million code points).
  const index = useMemo(() => new CodePointIndex(text), [text]);
  const [place, setPlace] = useState<Box | null>(null);

  useEffect(() => {
    const close = (event: MouseEvent): void => {
      if (box.current && !box.current.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);

  // Placed once its size is known: inside the window, below or above the line, never over it.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setPlace(placePopover(anchor, { width: element.offsetWidth, height: element.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor, segments.length]);

  // Keyboard users land in the popover, once it is placed (a hidden element takes no focus).
  const placed = place !== null;
  useEffect(() => {
    if (placed) box.current?.querySelector<HTMLElement>('select, button, textarea')?.focus();
  }, [placed]);

  return (
    <div
      ref={box}
      className="popover"
      role="dialog"
      aria-label="Codings here"
      style={place ? { top: place.top, left: place.left, maxHeight: place.maxHeight } : { top: 0, left: 0, visibility: 'hidden' }}
      onMouseLeave={() => onHover([])}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {segments.map((segment) => {
        const code = codes.find((candidate) => candidate.id === segment.codeId);
        // By a word, never leaving a space at either end.
        const step = (edge: CodingEdge, direction: WordStepDirection): void => {
          const next = wordStep(index, { start: segment.start, end: segment.end }, edge, direction);
          if (next && (next.start !== segment.start || next.end !== segment.end)) onChangeBounds(segment, next.start, next.end);
        };
        return (
          <div key={segment.id} className="popover-coding" data-coding-id={segment.id} onMouseEnter={() => onHover([segment.id])} onFocus={() => onHover([segment.id])}>
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
            <div className="popover-bounds" role="group" aria-label="Boundaries">
              <span className="muted small">start</span>
              <button type="button" className="button tiny" title="Widen: start one word earlier" aria-label="Widen: start one word earlier" onClick={() => step('start', 'widen')}>
                ◂
              </button>
              <button type="button" className="button tiny" title="Narrow: start one word later" aria-label="Narrow: start one word later" onClick={() => step('start', 'narrow')}>
                ▸
              </button>
              <span className="muted small">end</span>
              <button type="button" className="button tiny" title="Narrow: end one word earlier" aria-label="Narrow: end one word earlier" onClick={() => step('end', 'narrow')}>
                ◂
              </button>
              <button type="button" className="button tiny" title="Widen: end one word later" aria-label="Widen: end one word later" onClick={() => step('end', 'widen')}>
                ▸
              </button>
              <span className="spacer" />
              <button type="button" className="button tiny danger-outline" onClick={() => onRemove(segment)}>
                Remove
              </button>
            </div>
            <MemoEditor
              key={segment.id}
              className="popover-memo-field"
              label="Coding memo"
              showLabel={false}
              rows={2}
              placeholder="Memo on this coding…"
              body={segment.memo ?? ''}
              onSave={(memo, editing) => onMemo(segment, memo, editing)}
            />
          </div>
        );
      })}
    </div>
  );
}
