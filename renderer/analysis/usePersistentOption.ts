/**
 * An analysis view's option (the Matrix's rows, a filter, a chart kind…) kept per project in
 * localStorage, so that changing tabs or reloading the window keeps what the researcher chose.
 */
import { useCallback, useState } from 'react';
import { optionKey, type OptionCheck, type OptionScope } from './optionKeys.js';

export { oneOf, optionKey, stringList, type OptionCheck, type OptionScope } from './optionKeys.js';

function sameShape<T>(initial: T): OptionCheck<T> {
  return (value: unknown): value is T => {
    if (Array.isArray(initial)) return Array.isArray(value);
    return typeof value === typeof initial && value !== null;
  };
}

function read<T>(key: string | null, initial: T, accept: OptionCheck<T>): T {
  if (!key) return initial;
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return initial;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : initial;
  } catch {
    // Unreadable JSON or storage switched off: the default is the honest answer.
    return initial;
  }
}

function write(key: string | null, value: unknown): void {
  if (!key) return;
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or switched off: the option still holds for this session.
  }
}

/**
 * `useState` for a view option, stored under project id + view + option. The stored value is
 * read again when the project changes (a different project has its own options).
 */
export function usePersistentOption<T>(scope: OptionScope, option: string, initial: T, accept: OptionCheck<T> = sameShape(initial)): [T, (next: T) => void] {
  const key = optionKey(scope, option);
  const [state, setState] = useState(() => ({ key, value: read(key, initial, accept) }));
  let current = state;
  if (state.key !== key) {
    // The project changed (or finished loading): adopt its stored option during render, as React advises for derived state.
    current = { key, value: read(key, initial, accept) };
    setState(current);
  }
  const set = useCallback(
    (next: T): void => {
      setState({ key, value: next });
      write(key, next);
    },
    [key],
  );
  return [current.value, set];
}
