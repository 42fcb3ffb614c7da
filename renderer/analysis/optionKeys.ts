/**
 * Where an analysis view's kept options live (one localStorage key per project, view and option)
 * and the checks a stored value must pass. Pure: no React, no DOM (unit-tested).
 */

/** Which project and which view an option belongs to. */
export interface OptionScope {
  /** The project's id; undefined while the project is loading (the option then stays in memory). */
  projectId: string | undefined;
  view: string;
}

/** Accepts a stored value only if it has the shape of the default: a stale or edited entry falls back. */
export type OptionCheck<T> = (value: unknown) => value is T;

const PREFIX = 'gloss.option';

export function optionKey(scope: OptionScope, option: string): string | null {
  return scope.projectId ? `${PREFIX}.${scope.projectId}.${scope.view}.${option}` : null;
}

/** Checks for options that are one of a few words. */
export function oneOf<const T extends string>(...choices: readonly T[]): OptionCheck<T> {
  return (value: unknown): value is T => typeof value === 'string' && (choices as readonly string[]).includes(value);
}

export function stringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
