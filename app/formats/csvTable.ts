/**
 * CSV as Gloss writes and reads it: RFC 4180 (CRLF, double quotes), UTF-8 with a BOM so that
 * spreadsheets pick the right encoding, and a header row.
 *
 * Formula injection (OWASP): a cell a spreadsheet would run as a formula, one starting with
 * = + - @ tab or CR, is written with a leading apostrophe ('), which spreadsheets show as
 * text. A cell that already starts with apostrophes before such a character gets one more, so
 * reading strips exactly one and every value comes back as it was.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const FORMULA_TRIGGER = /^'*[=+\-@\t\r]/;

export type CsvCell = string | number | null;

export function neutralizeCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  // Headers too: a matrix's columns are code paths, which a user names.
  const cells = [header, ...rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell === null ? '' : String(cell))));
  return stringify(cells, { bom: true, record_delimiter: '\r\n', quoted_match: /^'|[\r\n]/ });
}

/** Rows as objects keyed by the header, cells restored; a BOM is allowed. */
export function readCsv(text: string): Record<string, string>[] {
  const records = parse(text, { bom: true, columns: (header: string[]) => header.map((name) => restoreCell(name).trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return records.map((record) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, restoreCell(value ?? '')])));
}
