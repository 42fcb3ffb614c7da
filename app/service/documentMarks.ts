/**
 * The inline marks documents.get returns beside a document's text (app/domain/inlineMarks.ts):
 * Markdown's emphasis, superscripts, code, links and the markup to hide. Computed from the
 * stored text on read, so every project has them, whenever its documents were imported.
 */
import type { InlineMark } from '../domain/inlineMarks.js';
import { markdownMarks } from '../formats/markdown.js';

/** A few documents' marks, by content: re-opening a long paper does not parse it again. */
const cache = new Map<string, InlineMark[]>();
const CACHED_DOCUMENTS = 8;

export function documentMarks(document: { format: string; sha256: string; text: string }): InlineMark[] {
  if (document.format !== 'md') return [];
  const cached = cache.get(document.sha256);
  if (cached) return cached;
  const marks = markdownMarks(document.text);
  cache.set(document.sha256, marks);
  if (cache.size > CACHED_DOCUMENTS) cache.delete(cache.keys().next().value!);
  return marks;
}
