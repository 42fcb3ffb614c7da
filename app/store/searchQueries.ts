/** Full-text search through the FTS5 index of migrations/0002_search.sql. */
import { GlossError } from '../domain/errors.js';
import type { Db } from './projectFile.js';

export interface MatchingDocumentRow {
  id: number;
  uuid: string;
  title: string;
}

/** FTS5 reports a bad query as an SQLite error; a user should read what to change instead. */
function asSearchError(error: unknown, query: string): never {
  const message = error instanceof Error ? error.message : String(error);
  if (/fts5|syntax error|no such column|unterminated|unknown special query/i.test(message)) {
    throw new GlossError('invalid_input', `Cannot search for ${JSON.stringify(query)}: the search index does not accept it (${message.replace(/^fts5: /, '')}). Check quotes, parentheses and NEAR(a b, 5).`);
  }
  throw error;
}

/** The documents an FTS5 query matches, by title. `query` is already FTS5 syntax. */
export function matchingDocuments(db: Db, query: string): MatchingDocumentRow[] {
  try {
    return db
      .prepare(
        `SELECT d.id, d.uuid, d.title FROM document_search s JOIN documents d ON d.id = s.rowid
         WHERE document_search MATCH ? ORDER BY d.title COLLATE NOCASE, d.id`,
      )
      .all(query) as MatchingDocumentRow[];
  } catch (error) {
    asSearchError(error, query);
  }
}

/**
 * The document's searchable text with every hit of `query` between `open` and `close`, as
 * FTS5's highlight() marks it. The index reads the text through the folding view, whose
 * replacements keep every UTF-16 position, so the marks stand where they stand in the canonical
 * text. Undefined when the document does not match.
 */
export function markedText(db: Db, query: string, documentId: number, open: string, close: string): string | undefined {
  try {
    // better-sqlite3 binds a JS number as a REAL, and FTS5 then ignores an equality on rowid
    // next to MATCH (it returns every matching row): the CAST keeps the filter working.
    const row = db
      .prepare('SELECT highlight(document_search, 0, ?, ?) AS marked FROM document_search WHERE document_search MATCH ? AND rowid = CAST(? AS INTEGER)')
      .get(open, close, query, documentId) as { marked: string } | undefined;
    return row?.marked;
  } catch (error) {
    asSearchError(error, query);
  }
}

export function documentTextAndBlocks(db: Db, documentId: number): { text: string; blocks: string } {
  return db.prepare('SELECT text, blocks FROM documents WHERE id = ?').get(documentId) as { text: string; blocks: string };
}
