import { useEffect, useRef, useState } from 'react';

export interface MemoEditorProps {
  label: string;
  body: string;
  placeholder: string;
  /** Called after a pause in typing, and on blur; each call is one undoable save. */
  onSave(body: string): void;
}

const PAUSE_MS = 700;

/** A memo written in place and saved as you type (after each pause), never lost on blur. */
export function MemoEditor({ label, body, placeholder, onSave }: MemoEditorProps) {
  const [draft, setDraft] = useState(body);
  const saved = useRef(body);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<'saved' | 'typing'>('saved');

  // A change from outside (undo, another memo) replaces the draft when the user is not typing.
  useEffect(() => {
    if (state === 'saved') {
      setDraft(body);
      saved.current = body;
    }
  }, [body, state]);

  const flush = (value: string): void => {
    clearTimeout(timer.current);
    if (value !== saved.current) {
      saved.current = value;
      onSave(value);
    }
    setState('saved');
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <label className="memo-editor">
      <span className="memo-label">
        {label}
        <span className="muted small">{state === 'typing' ? ' · editing' : draft ? ' · saved' : ''}</span>
      </span>
      <textarea
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        rows={5}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(value);
          setState('typing');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => flush(value), PAUSE_MS);
        }}
        onBlur={() => flush(draft)}
      />
    </label>
  );
}
