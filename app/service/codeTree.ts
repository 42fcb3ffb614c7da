import { formatCodePath } from '../domain/codePath.js';
import type { CodeRow } from '../store/codeQueries.js';

/** Each code's names from the root down, from a flat list of code rows. */
export function codeNamePaths(rows: readonly CodeRow[]): Map<number, string[]> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const paths = new Map<number, string[]>();
  const pathOf = (row: CodeRow): string[] => {
    const known = paths.get(row.id);
    if (known) return known;
    const parent = row.parent_id === null ? undefined : byId.get(row.parent_id);
    const path = parent ? [...pathOf(parent), row.name] : [row.name];
    paths.set(row.id, path);
    return path;
  };
  for (const row of rows) pathOf(row);
  return paths;
}

export function codePathStrings(rows: readonly CodeRow[]): Map<number, string> {
  return new Map([...codeNamePaths(rows)].map(([id, names]) => [id, formatCodePath(names)]));
}

/** A code and every code below it. */
export function withDescendants(rows: readonly CodeRow[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.parent_id === null) continue;
    const siblings = children.get(row.parent_id);
    if (siblings) siblings.push(row.id);
    else children.set(row.parent_id, [row.id]);
  }
  const result: number[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    result.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}
