import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeView } from '../../app/service/views.js';
import { rankByFuzzy } from './fuzzy.js';

export interface CommandPaletteProps {
  codes: CodeView[];
  /** Whether text is selected: the palette then applies a code; otherwise it only finds one. */
  hasSelection: boolean;
  onApply(code: CodeView): void;
  /** Enter on a name no code has: create it (a path with "/" creates parents too). */
  onCreate(path: string): void;
  onClose(): void;
}

function Highlighted({ text, positions }: { text: string; positions: number[] }) {
  const marked = new Set(positions);
  return (
    <>
      {[...text].map((char, i) => (marked.has(i) ? <mark key={i}>{char}</mark> : <span key={i}>{char}</span>))}
    </>
  );
}

/** Ctrl/Cmd+K: fuzzy search over code paths; Enter applies, or creates a new code. */
export function CommandPalette({ codes, hasSelection, onApply, onCreate, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const results = useMemo(() => rankByFuzzy(query.trim(), codes, (code) => code.path, 30), [query, codes]);
  const trimmed = query.trim();
  const exact = codes.some((code) => code.path.toLowerCase() === trimmed.toLowerCase());
  const offerCreate = trimmed.length > 0 && !exact;
  const rows = results.length + (offerCreate ? 1 : 0);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setActive(0), [query]);

  const choose = (index: number): void => {
    const result = results[index];
    if (result) onApply(result.item);
    else if (offerCreate) onCreate(trimmed);
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-label="Command palette" data-testid="command-palette" onMouseDown={(event) => event.stopPropagation()}>
        <input
          ref={input}
          className="palette-input"
          placeholder={hasSelection ? 'Apply a code… (type a new name to create it)' : 'Find or create a code…'}
          value={query}
          aria-label="Code"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((i) => Math.min(i + 1, rows - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((i) => Math.max(i - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              choose(active);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
        />
        <ul className="palette-list" role="listbox">
          {results.map(({ item, match }, i) => (
            <li
              key={item.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onMouseDown={() => choose(i)}
            >
              <span className="swatch" style={{ background: item.color }} />
              <span className="palette-path">
                <Highlighted text={item.path} positions={match.positions} />
              </span>
              <span className="muted">{item.segments}</span>
            </li>
          ))}
          {offerCreate && (
            <li
              role="option"
              aria-selected={active === results.length}
              className={`create ${active === results.length ? 'active' : ''}`}
              onMouseEnter={() => setActive(results.length)}
              onMouseDown={() => choose(results.length)}
            >
              <span className="swatch add">+</span>
              <span>
                Create code <strong>{trimmed}</strong>
                {hasSelection ? ' and apply it' : ''}
              </span>
            </li>
          )}
        </ul>
        <div className="palette-hint muted">↑↓ to choose · Enter to {hasSelection ? 'apply' : 'select'} · Esc to close</div>
      </div>
    </div>
  );
}
