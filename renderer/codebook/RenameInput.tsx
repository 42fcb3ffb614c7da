import { useRef } from 'react';

export interface RenameInputProps {
  value: string;
  label: string;
  className?: string;
  /** Called once: with the new name (Enter, or focus leaving), or null (Escape). */
  onDone(name: string | null): void;
}

/**
 * An inline rename field. Enter or leaving the field keeps the new name, Escape keeps the old
 * one, as in a file manager. Its keys never reach the row around it: Enter here renames, it
 * never applies a code or opens a document.
 */
export function RenameInput({ value, label, className = 'rename', onDone }: RenameInputProps) {
  const done = useRef(false);
  const finish = (name: string | null): void => {
    if (done.current) return;
    done.current = true;
    onDone(name === null || name.trim() === '' || name.trim() === value ? null : name.trim());
  };
  return (
    <input
      className={className}
      defaultValue={value}
      autoFocus
      aria-label={label}
      onFocus={(event) => event.currentTarget.select()}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(event.currentTarget.value);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(null);
        }
      }}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
}
