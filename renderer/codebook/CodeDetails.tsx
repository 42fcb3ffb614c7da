import { useState } from 'react';
import type { CodeView } from '../../app/service/views.js';
import { MemoEditor } from '../memos/MemoEditor.js';
import type { CodebookActions } from './CodebookPane.js';

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
  memo: { body: string; onSave(body: string, step: string): Promise<unknown> | void } | null;
  actions: CodebookActions;
  onRename(): void;
  onClose(): void;
}

/** The selected code's codebook entry: fields saved when they lose focus, each undoable. */
export function CodeDetails({ code, codes, memo, actions, onRename, onClose }: CodeDetailsProps) {
  const [mergeTarget, setMergeTarget] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const others = codes.filter((other) => other.id !== code.id && !other.path.startsWith(`${code.path}/`));

  return (
    <div className="code-details" aria-label={`Code ${code.path}`}>
      <header>
        <span className="swatch" style={{ background: code.color }} />
        <strong title={code.path}>{code.path}</strong>
        <button type="button" className="link" onClick={onClose} aria-label="Close code details">
          ×
        </button>
      </header>
      <p className="muted small">
        {code.segments} segment{code.segments === 1 ? '' : 's'} in {code.documents} document{code.documents === 1 ? '' : 's'}
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
        <select aria-label="Merge into" value={mergeTarget} onChange={(event) => setMergeTarget(event.target.value)}>
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
            Delete “{code.name}”{code.segments > 0 ? ` and its ${code.segments} codings` : ''}?
            <button type="button" className="button small danger" onClick={() => actions.remove(code)}>
              Delete
            </button>
            <button type="button" className="button small" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button small danger-outline" onClick={() => setConfirmDelete(true)}>
            Delete…
          </button>
        )}
      </div>
    </div>
  );
}
