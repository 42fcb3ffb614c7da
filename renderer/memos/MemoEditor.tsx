import { useEffect, useId, useRef, useState } from 'react';

export interface MemoEditorProps {
  label: string;
  body: string;
  placeholder: string;
  /**
   * Called after a pause in typing, on blur, and when the field goes away (Escape, a click
   * outside, another document): whatever closes it, what was typed is saved. `step` names this
   * spell of editing (one focus of the field): the service makes all its saves one undo step.
   */
  onSave(body: string, step: string): Promise<unknown> | void;
  rows?: number;
  className?: string;
  /** Shown as the field's visible label; false keeps it for screen readers only. */
  showLabel?: boolean;
}

const PAUSE_MS = 700;

function newStep(): string {
  return crypto.randomUUID();
}

/** A memo written in place and saved as you type; never lost, however the field is closed. */
export function MemoEditor({ label, body, placeholder, onSave, rows = 5, className = 'memo-editor', showLabel = true }: MemoEditorProps) {
  const [draft, setDraft] = useState(body);
  const [editing, setEditing] = useState(false);
  const [focused, setFocused] = useState(false);
  // Saves sent and not yet answered: until they are, `body` may still be the text before them.
  const [pending, setPending] = useState(0);
  const id = useId();
  // The latest values, for the save that runs when the field unmounts.
  const latest = useRef({ draft: body, saved: body, onSave, step: newStep() });
  latest.current.onSave = onSave;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(false);

  // What the project holds (after an undo, a redo, another window) replaces the field's text
  // whenever the field is not being written in and every save has been answered.
  useEffect(() => {
    if (focused || pending > 0) return;
    setDraft(body);
    latest.current.draft = body;
    latest.current.saved = body;
  }, [body, focused, pending]);

  const flush = (): void => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (current.draft !== current.saved) {
      current.saved = current.draft;
      const saving = current.onSave(current.draft, current.step);
      if (saving && mounted.current) {
        setPending((count) => count + 1);
        void Promise.resolve(saving).finally(() => {
          if (mounted.current) setPending((count) => count - 1);
        });
      }
    }
  };

  useEffect(() => {
    mounted.current = true;
    // A reload or a closing window: what was typed since the last pause goes now.
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      mounted.current = false;
      flush();
    };
    // The unmount save reads refs only, so it runs once.
  }, []);

  return (
    <div className={className}>
      <label className={showLabel ? 'memo-label' : 'visually-hidden'} htmlFor={id}>
        {label}
        {showLabel && <span className="muted small">{editing ? ' · editing' : draft ? ' · saved' : ''}</span>}
      </label>
      <textarea
        id={id}
        placeholder={placeholder}
        value={draft}
        rows={rows}
        onFocus={() => {
          latest.current.step = newStep();
          setFocused(true);
        }}
        onChange={(event) => {
          const value = event.target.value;
          setDraft(value);
          latest.current.draft = value;
          setEditing(true);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            flush();
            setEditing(false);
          }, PAUSE_MS);
        }}
        onBlur={() => {
          flush();
          setEditing(false);
          setFocused(false);
        }}
      />
    </div>
  );
}
