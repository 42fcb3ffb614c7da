import type { CodeView } from '../../app/service/views.js';

/** Keys 1–9 (no DOM here: the pure rule, tested in tests/unit/codebookKeys.test.ts). */
export const KEY_COUNT = 9;

/** Key number (1–9) → pinned code id. */
export type PinMap = ReadonlyMap<number, string>;

/**
 * What each number key applies: index 0 is key 1. A pinned key takes its code; the free keys
 * take the most recent codes that are not pinned, in order. Pins of deleted codes are ignored.
 */
export function codesByKey(pins: PinMap, recent: CodeView[], codes: CodeView[]): (CodeView | undefined)[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const slots: (CodeView | undefined)[] = Array.from({ length: KEY_COUNT }, (_, i) => {
    const id = pins.get(i + 1);
    return id === undefined ? undefined : byId.get(id);
  });
  const taken = new Set(slots.filter((code): code is CodeView => code !== undefined).map((code) => code.id));
  const fallback = recent.filter((code) => !taken.has(code.id) && byId.has(code.id));
  // A key whose pinned code was deleted is free again (its slot is empty here).
  for (let i = 0; i < KEY_COUNT; i++) if (!slots[i]) slots[i] = fallback.shift();
  return slots;
}
