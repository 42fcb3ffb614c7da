/**
 * Keys 1–9 (MAXQDA's favourites): a researcher pins codes to number keys; the numbers left free
 * fall back to the codes they used most recently. Pins are a personal arrangement of the
 * workbench, not part of the project's data, so they live in this browser profile's
 * localStorage, keyed by the project's id (each project has its own pins; another coder's
 * computer has its own).
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { KEY_COUNT, type PinMap } from './codeKeys.js';

export { codesByKey, KEY_COUNT, type PinMap } from './codeKeys.js';

export interface PinnedCodes {
  pins: PinMap;
  /** Pin `codeId` to `key`, moving it off any other key and replacing the key's previous code. */
  pin(codeId: string, key: number): void;
  unpin(codeId: string): void;
  /** The key `codeId` is pinned to, if any. */
  keyOf(codeId: string): number | undefined;
  /** The lowest key without a pin, or undefined when all nine are pinned. */
  freeKey(): number | undefined;
}

const storageKey = (projectId: string): string => `gloss.pins.${projectId}`;

// Every hook on the page hears a change made by any of them (and by another window, via 'storage').
const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function parse(raw: string | null): PinMap {
  const pins = new Map<number, string>();
  try {
    const stored = JSON.parse(raw ?? '{}') as Record<string, unknown>;
    for (const [key, id] of Object.entries(stored)) {
      const number = Number(key);
      if (Number.isInteger(number) && number >= 1 && number <= KEY_COUNT && typeof id === 'string') pins.set(number, id);
    }
  } catch {
    // A damaged entry (edited by hand) is no reason to stop coding: start without pins.
  }
  return pins;
}

export function usePinnedCodes(projectId: string | null): PinnedCodes {
  const raw = useSyncExternalStore(subscribe, () => (projectId === null ? null : localStorage.getItem(storageKey(projectId))));
  const pins = useMemo(() => parse(raw), [raw]);

  const change = useCallback(
    (edit: (next: Map<number, string>) => void) => {
      if (projectId === null) return;
      const next = new Map(parse(localStorage.getItem(storageKey(projectId))));
      edit(next);
      localStorage.setItem(storageKey(projectId), JSON.stringify(Object.fromEntries([...next].map(([key, id]) => [String(key), id]))));
      for (const listener of listeners) listener();
    },
    [projectId],
  );

  const unpin = useCallback(
    (codeId: string) =>
      change((next) => {
        for (const [key, id] of next) if (id === codeId) next.delete(key);
      }),
    [change],
  );
  const pin = useCallback(
    (codeId: string, key: number) =>
      change((next) => {
        for (const [other, id] of next) if (id === codeId) next.delete(other);
        next.set(key, codeId);
      }),
    [change],
  );
  return useMemo(
    () => ({
      pins,
      pin,
      unpin,
      keyOf: (codeId: string) => [...pins].find(([, id]) => id === codeId)?.[0],
      freeKey: () => Array.from({ length: KEY_COUNT }, (_, i) => i + 1).find((key) => !pins.has(key)),
    }),
    [pins, pin, unpin],
  );
}
