import { GlossError } from './errors.js';

/**
 * A code's path is its names from the root down, joined by "/": "Russian policy/pivotal
 * containment". A name that itself holds "/" or "\" escapes it with "\" ("EU\/NATO").
 */
export function parseCodePath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '\\' && (path[i + 1] === '/' || path[i + 1] === '\\')) {
      current += path[i + 1];
      i++;
    } else if (char === '/') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  const names = parts.map((part) => part.trim());
  if (names.some((name) => name.length === 0)) {
    throw new GlossError(
      'invalid_input',
      `The code path "${path}" has an empty part. Write names separated by single slashes, like "Russian policy/pivotal containment".`,
    );
  }
  return names;
}

export function formatCodePath(names: readonly string[]): string {
  return names.map((name) => name.replace(/[\\/]/g, (char) => `\\${char}`)).join('/');
}

/** A single code name: trimmed, not empty, no control characters. */
export function normalizeCodeName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new GlossError('invalid_input', 'A code name cannot be empty.');
  if (/\p{Cc}/u.test(trimmed)) throw new GlossError('invalid_input', `The code name "${trimmed}" holds a control character (a tab or line break); remove it.`);
  return trimmed;
}
