import { useEffect, useRef, useState } from 'react';
import { plural } from '../../app/domain/plural.js';
import type { CodeView } from '../../app/service/views.js';
import { MemoEditor } from '../memos/MemoEditor.js';
import type { CodebookActions } from './CodebookPane.js';
import { KEY_COUNT } from './pins.js';
import type { SubtreeTotals } from './totals.js';

type Field = 'description' | 'definition' | 'whenToUse' | 'whenNotToUse' | 'example';

const FIELDS: [Field, string][] = [
  ['description', 'Description'],
  ['definition', 'Definition'],
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
];

export interface CodeDetailsProps {
  code: CodeView;
  codes: CodeView[];
  /** With its sub-codes, for a parent code. */
  total: SubtreeTotals | undefined;
  memo: { body: string; onSave(body: string, step: string): Promise<unknown> | void } | null;
  /** The number key the code is pinned to; onPin(null) unpins. Absent: no pinning here. */
  pinKey: number | undefined;
  onPin: ((key: number | null) => void) | undefined;
  /** The delete confirmation is showing (the Delete key or the menu asked for it). */
  confirmDelete: boolean;
  onConfirmDelete(ask: boolean): void;
  /** Set, and changed each time, when "Merge into…" is chosen from the row's menu: focus the merge choice. */
  mergeRequest: number | null;
  actions: CodebookActions;
  onRename(): void;
  onClose(): void;
}

/** The selected code's codebook entry: fields saved when they lose focus, each undoable. */
export function CodeDetails({ code, codes, total, memo, pinKey, onPin, confirmDelete, onConfirmDelete, mergeRequest, actions, onRename, onClose }: CodeDetailsProps) {
  const [mergeTarget, setMergeTarget] = useState('');
  const others = codes.filter((other) => other.id !== code.id && !other.path.startsWith(`${code.path}/`));
  const mergeSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (mergeRequest !== null) mergeSelect.current?.focus();
  }, [mergeRequest]);

  return (
    <div
      className="code-details"
      role="region"
      aria-label={`Code ${code.path}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header>
        <label className="swatch" style={{ background: code.color }} title="Change colour">
          <input type="color" value={code.color.toLowerCase()} aria-label={`Colour of ${code.path}`} onChange={(event) => actions.recolor(code, event.target.value)} />
        </label>
        <strong title={code.path}>{code.path}</strong>
        <button type="button" className="link" onClick={onClose} aria-label="Close code details" title="Close (Escape)">
          ×
        </button>
      </header>
      <p className="muted small">
        {plural(code.segments, 'coding')} in {plural(code.documents, 'document')}
        {total && (
          <span className="aggregate" title="With all its sub-codes">
            {' '}
            · Σ with sub-codes: {plural(total.segments, 'coding')}{' '}
            in {plural(total.documents, 'document')}
          </span>
        )}
      </p>
      {FIELDS.map(([field, label]) => (
        <label key={field} className="field">
          <span>{label}</span>
          <textarea
            rows={field === 'description' ? 2 : 1}
            defaultValue={code[field]}
            aria-label={label}
            onBlur={(event) => {
              if (event.target.value !== code[field]) actions.update(code, { [field]: event.target.value });
            }}
          />
        </label>
      ))}
      {memo && <MemoEditor className="field" label="Code memo" rows={3} placeholder="What this code means to you, doubts, decisions…" body={memo.body} onSave={memo.onSave} />}
      <div className="details-actions">
        <button type="button" className="button small" onClick={onRename}>
          Rename
        </button>
        {onPin && (
          <select aria-label="Number key" title="Pin this code to a number key (1–9 apply it to the selected text)" value={pinKey ?? ''} onChange={(event) => onPin(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="">No pinned key</option>
            {Array.from({ length: KEY_COUNT }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                Pinned to key {i + 1}
              </option>
            ))}
          </select>
        )}
        <select ref={mergeSelect} aria-label="Merge into" value={mergeTarget} onChange={(event) => setMergeTarget(event.target.value)}>
          <option value="">Merge into…</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.path}
            </option>
          ))}
        </select>
        {mergeTarget && (
          <button type="button" className="button small" onClick={() => actions.merge(code, others.find((other) => other.id === mergeTarget)!)}>
            Merge
          </button>
        )}
        {confirmDelete ? (
          <span className="confirm">
            Delete “{code.name}”{code.segments > 0 ? ` and its ${plural(code.segments, 'coding')}` : ''}?
            <button type="button" className="button small danger" autoFocus onClick={() => actions.remove(code)}>
              Delete
            </button>
            <button type="button" className="button small" onClick={() => onConfirmDelete(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button small danger-outline" onClick={() => onConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
    </div>
  );
}
