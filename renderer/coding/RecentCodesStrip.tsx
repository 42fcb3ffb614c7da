import type { CodeView } from '../../app/service/views.js';
import './recentCodesStrip.css';

export interface RecentCodesStripProps {
  /** What keys 1–9 apply, index 0 being key 1 (pinned codes, then recent ones); gaps allowed. */
  codes: (CodeView | undefined)[];
  /** Ids of the pinned codes, marked as such. */
  pinned?: ReadonlySet<string>;
  onApply(code: CodeView): void;
}

/**
 * The chips for keys 1–9, in a row under the reader's header: each shrinks to its key, colour
 * and the start of its name (ellipsis), the full path on hover, so nine codes still read at
 * 1280 pixels wide. A click applies the code to the selected text, as its key does.
 */
export function RecentCodesStrip({ codes, pinned, onApply }: RecentCodesStripProps) {
  const shown = codes.slice(0, 9).flatMap((code, i) => (code ? [{ code, key: i + 1 }] : []));
  if (shown.length === 0) return null;
  return (
    <div className="recent-strip" role="group" aria-label="Codes on number keys">
      {shown.map(({ code, key }) => (
        <button
          key={code.id}
          type="button"
          className={`chip recent-chip ${pinned?.has(code.id) ? 'pinned' : ''}`}
          onClick={() => onApply(code)}
          title={`Apply “${code.path}” (key ${key}${pinned?.has(code.id) ? ', pinned' : ''})`}
          aria-label={`Apply ${code.path} (key ${key})`}
        >
          <kbd>{key}</kbd>
          <span className="swatch" style={{ background: code.color }} />
          <span className="recent-chip-name">{code.name}</span>
        </button>
      ))}
    </div>
  );
}
