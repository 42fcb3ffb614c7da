/**
 * Document attributes: typed values per document (author, year, journal, country…), set one by
 * one or imported from a CSV keyed by document title, and used to filter documents and to group
 * them into the rows of the code × document matrix.
 */
import { parse } from 'csv-parse/sync';
import {
  attributeValueOf,
  checkAttributeValue,
  compareAttributeValues,
  inferAttributeType,
  meetsCondition,
  normalizeAttributeValue,
  type AttributeType,
  type AttributeValue,
  type ConditionOperator,
} from '../domain/attributeValues.js';
import { GlossError } from '../domain/errors.js';
import { restoreCell } from '../formats/csvTable.js';
import {
  findAttributeByName,
  findAttributeByUuid,
  findAttributeValue,
  listAttributes,
  listAttributeValues,
  type AttributeRow,
} from '../store/attributeQueries.js';
import { findDocumentsByReference, listDocuments } from '../store/documentQueries.js';
import type { Db } from '../store/projectFile.js';
import type { Recorder } from '../store/recorder.js';
import type { AttributeImportResult, AttributeView, DocumentAttributesView, DocumentRef } from './analysisViews.js';
import type { Context } from './context.js';
import type { Input } from './contract.js';
import type { Handlers } from './handlers.js';
import { resolveDocument } from './resolve.js';

/** Names that mean something else where attributes are used (CSV key column, matrix rows). */
const RESERVED_NAMES = new Set(['document', 'title']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(row: AttributeRow): AttributeType {
  return row.type as AttributeType;
}

export function findAttribute(db: Db, reference: string): AttributeRow | undefined {
  const trimmed = reference.trim();
  return (UUID.test(trimmed) ? findAttributeByUuid(db, trimmed.toLowerCase()) : undefined) ?? findAttributeByName(db, trimmed);
}

export function resolveAttribute(db: Db, reference: string): AttributeRow {
  const attribute = findAttribute(db, reference);
  if (!attribute) {
    const known = listAttributes(db).map((row) => `"${row.name}"`);
    const list = known.length > 0 ? ` The project has ${known.join(', ')}.` : ' The project has none yet: give a document a value to create one.';
    throw new GlossError('not_found', `No document attribute "${reference}".${list}`, known.length > 0 ? {} : { cliHint: 'Set one with `gloss attribute set`.' });
  }
  return attribute;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new GlossError('invalid_input', 'An attribute needs a name.');
  if (RESERVED_NAMES.has(trimmed.toLowerCase())) {
    throw new GlossError('invalid_input', `"${trimmed}" cannot name an attribute: it means the document itself in CSV files and matrix rows. Try "${trimmed} name" or "source".`);
  }
  return trimmed;
}

function attributeView(db: Db, row: AttributeRow): AttributeView {
  const documents = listAttributeValues(db, row.id).length;
  return { id: row.uuid, name: row.name, type: typeOf(row), documents };
}

function createAttribute(context: Context, recorder: Recorder, name: string, type: AttributeType): AttributeRow {
  return recorder.insert('attributes', { uuid: context.newUuid(), name: checkName(name), type, created_at: context.now() }) as unknown as AttributeRow;
}

/** Set (insert or change) one stored value; returns whether anything changed. */
function writeValue(recorder: Recorder, db: Db, documentId: number, attributeId: number, stored: string): boolean {
  const existing = findAttributeValue(db, documentId, attributeId);
  if (existing) {
    if (existing.value === stored) return false;
    recorder.update('document_attributes', existing.id, { value: stored });
  } else {
    recorder.insert('document_attributes', { document_id: documentId, attribute_id: attributeId, value: stored });
  }
  return true;
}

// -------------------------------------------------------------------------------------------
// Filters and groups (used by the matrix, co-occurrence and search)

export interface DocumentScope {
  where?: Input<'analysis.matrix'>['where'];
  documents?: string[];
}

/**
 * The ids of the documents `scope` selects (every condition met, and among `documents` if
 * given), or null when it selects all of them.
 */
export function selectDocuments(db: Db, scope: DocumentScope): Set<number> | null {
  let selected: Set<number> | null = null;
  if (scope.documents !== undefined) selected = new Set(scope.documents.map((reference) => resolveDocument(db, reference).id));
  if (scope.where !== undefined && scope.where.length > 0) {
    const conditions = scope.where.map((condition) => {
      const attribute = resolveAttribute(db, condition.attribute);
      const op: ConditionOperator = condition.op ?? '=';
      const value = condition.value === undefined ? undefined : normalizeAttributeValue(attribute.name, typeOf(attribute), condition.value);
      const values = new Map(listAttributeValues(db, attribute.id).map((row) => [row.document_id, row.value]));
      return { type: typeOf(attribute), op, value, values };
    });
    const meeting = new Set<number>();
    for (const document of listDocuments(db)) {
      if (selected && !selected.has(document.id)) continue;
      if (conditions.every((c) => meetsCondition(c.type, c.values.get(document.id), c.op, c.value))) meeting.add(document.id);
    }
    selected = meeting;
  }
  return selected;
}

export interface DocumentGroup {
  /** The stored value, or null for the documents without one. */
  stored: string | null;
  key: AttributeValue | null;
  label: string;
  documentIds: number[];
}

function labelOf(type: AttributeType, stored: string): string {
  if (type === 'boolean') return stored === 'true' ? 'yes' : 'no';
  return stored;
}

/**
 * Documents grouped by their value of an attribute, keeping the order of `documentIds` within a
 * group; groups by value (numbers by size, dates by time, yes after no, text alphabetically),
 * then "(no value)" for the documents without one.
 */
export function groupDocumentsByAttribute(db: Db, attribute: AttributeRow, documentIds: readonly number[]): DocumentGroup[] {
  const type = typeOf(attribute);
  const values = new Map(listAttributeValues(db, attribute.id).map((row) => [row.document_id, row.value]));
  const groups = new Map<string | null, number[]>();
  // Text values group without regard to case: "Caucasus Survey" and "caucasus survey" are one.
  const keyOf = (stored: string): string => (type === 'text' ? stored.toLowerCase() : stored);
  const firstSpelling = new Map<string, string>();
  for (const id of documentIds) {
    const stored = values.get(id);
    const key = stored === undefined ? null : keyOf(stored);
    if (stored !== undefined && key !== null && !firstSpelling.has(key)) firstSpelling.set(key, stored);
    const list = groups.get(key);
    if (list) list.push(id);
    else groups.set(key, [id]);
  }
  const valued = [...groups.keys()].filter((key): key is string => key !== null).map((key) => firstSpelling.get(key)!);
  valued.sort((a, b) => compareAttributeValues(type, a, b));
  const result: DocumentGroup[] = valued.map((stored) => ({
    stored,
    key: attributeValueOf(type, stored),
    label: labelOf(type, stored),
    documentIds: groups.get(keyOf(stored))!,
  }));
  const without = groups.get(null);
  if (without) result.push({ stored: null, key: null, label: '(no value)', documentIds: without });
  return result;
}

// -------------------------------------------------------------------------------------------
// CSV import

interface ParsedAttributeCsv {
  names: string[];
  rows: { line: number; title: string; cells: string[] }[];
}

function parseAttributeCsv(text: string): ParsedAttributeCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new GlossError('bad_file', `The attributes CSV cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const [header, ...body] = records;
  if (!header || header.length === 0) throw new GlossError('empty_file', 'The attributes CSV is empty. Its first row names the columns: title, then one column per attribute.');
  const key = restoreCell(header[0] ?? '').trim().toLowerCase();
  if (key !== 'title' && key !== 'document') {
    throw new GlossError('invalid_input', `The first column of an attributes CSV is "title" (or "document"), the document each row describes; this one starts with "${header[0]}".`);
  }
  const names = header.slice(1).map((cell, i) => {
    const name = restoreCell(cell).trim();
    if (name.length === 0) throw new GlossError('invalid_input', `Column ${i + 2} of the attributes CSV has no name in its header row.`);
    return checkName(name);
  });
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name.toLowerCase())) throw new GlossError('invalid_input', `The attributes CSV has two columns named "${name}".`);
    seen.add(name.toLowerCase());
  }
  if (names.length === 0) throw new GlossError('invalid_input', 'The attributes CSV has only the title column: add one column per attribute.');
  return {
    names,
    rows: body.map((record, i) => ({
      line: i + 2,
      title: restoreCell(record[0] ?? '').trim(),
      cells: names.map((_, c) => restoreCell(record[c + 1] ?? '')),
    })),
  };
}

function importAttributeCsv(context: Context, recorder: Recorder, input: Input<'attributes.importCsv'>): AttributeImportResult {
  const { names, rows } = parseAttributeCsv(input.csv);
  const givenTypes = new Map(Object.entries(input.types ?? {}).map(([name, type]) => [name.trim().toLowerCase(), type]));
  const columns = names.map((name, c) => {
    const existing = findAttributeByName(context.db, name);
    const type = existing ? typeOf(existing) : (givenTypes.get(name.toLowerCase()) ?? inferAttributeType(rows.map((row) => row.cells[c]!)));
    return { name, existing, type };
  });
  for (const [name, type] of givenTypes) {
    const column = columns.find((c) => c.name.toLowerCase() === name);
    if (column?.existing && column.type !== type) {
      throw new GlossError('invalid_input', `The attribute "${column.name}" already holds ${column.type} values, not ${type}. Change its type first, or leave the type out.`);
    }
  }
  // Every value is checked before anything is written: a CSV is imported whole or not at all.
  const problems: string[] = [];
  for (const row of rows) {
    columns.forEach((column, c) => {
      const raw = row.cells[c]!;
      if (raw.trim().length === 0) return;
      const checked = checkAttributeValue(column.type, raw);
      if (!checked.ok) problems.push(`row ${row.line} ("${row.title}"), ${column.name}: ${checked.message}`);
    });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    throw new GlossError('invalid_input', `The attributes CSV has values that do not fit their column's type, so nothing was imported: ${shown}${more}.`);
  }

  const result: AttributeImportResult = { documents: 0, valuesSet: 0, unchanged: 0, attributesCreated: [], unmatched: [] };
  const ids = columns.map((column) => {
    if (column.existing) return column.existing.id;
    result.attributesCreated.push(column.name);
    return createAttribute(context, recorder, column.name, column.type).id;
  });
  const matched = new Set<number>();
  for (const row of rows) {
    const matches = row.title.length === 0 ? [] : findDocumentsByReference(context.db, row.title);
    if (matches.length !== 1) {
      result.unmatched.push({ row: row.line, title: row.title });
      continue;
    }
    const documentId = matches[0]!.id;
    matched.add(documentId);
    columns.forEach((column, c) => {
      const raw = row.cells[c]!;
      // An empty cell leaves the document's value as it is: a CSV of some columns or some
      // documents never erases what it does not mention.
      if (raw.trim().length === 0) return;
      const stored = normalizeAttributeValue(column.name, column.type, raw);
      if (writeValue(recorder, context.db, documentId, ids[c]!, stored)) result.valuesSet++;
      else result.unchanged++;
    });
  }
  result.documents = matched.size;
  return result;
}

// -------------------------------------------------------------------------------------------
// Views

function documentAttributeViews(db: Db): DocumentAttributesView[] {
  const attributes = new Map(listAttributes(db).map((row) => [row.id, row]));
  const byDocument = new Map<number, Record<string, AttributeValue>>();
  for (const value of listAttributeValues(db)) {
    const attribute = attributes.get(value.attribute_id)!;
    const values = byDocument.get(value.document_id) ?? {};
    values[attribute.name] = attributeValueOf(typeOf(attribute), value.value);
    byDocument.set(value.document_id, values);
  }
  return listDocuments(db).map((document) => ({ documentId: document.uuid, title: document.title, values: byDocument.get(document.id) ?? {} }));
}

function documentRefs(db: Db, ids: Set<number> | null): DocumentRef[] {
  return listDocuments(db)
    .filter((document) => ids === null || ids.has(document.id))
    .map((document) => ({ id: document.uuid, title: document.title }));
}

export const attributeHandlers = {
  'attributes.list': (context) => listAttributes(context.db).map((row) => ({ id: row.uuid, name: row.name, type: typeOf(row), documents: row.value_count })),

  'attributes.values': (context) => documentAttributeViews(context.db),

  'attributes.filterDocuments': (context, input) => documentRefs(context.db, selectDocuments(context.db, input)),

  'attributes.define': (context, input) =>
    context.mutate('attributes.define', (recorder) => {
      const existing = findAttributeByName(context.db, input.name);
      if (!existing) {
        const created = createAttribute(context, recorder, input.name, input.type);
        return { result: attributeView(context.db, created), summary: `Add the ${input.type} attribute "${created.name}"` };
      }
      if (typeOf(existing) !== input.type) {
        // Changing the type keeps every value, rewritten in the new type's form, or refuses.
        const values = listAttributeValues(context.db, existing.id);
        const problems: string[] = [];
        const rewritten = values.map((value) => {
          const checked = checkAttributeValue(input.type, value.value);
          if (!checked.ok) problems.push(checked.message);
          return checked.ok ? checked.value : value.value;
        });
        if (problems.length > 0) {
          throw new GlossError('invalid_input', `"${existing.name}" cannot become a ${input.type} attribute: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`);
        }
        values.forEach((value, i) => recorder.update('document_attributes', value.id, { value: rewritten[i] }));
        recorder.update('attributes', existing.id, { type: input.type });
      }
      const row = findAttributeByName(context.db, input.name)!;
      return { result: attributeView(context.db, row), summary: `Make "${row.name}" a ${input.type} attribute` };
    }),

  'attributes.set': (context, input) =>
    context.mutate('attributes.set', (recorder) => {
      const document = resolveDocument(context.db, input.document);
      if (input.value.trim().length === 0) {
        throw new GlossError('invalid_input', `The value for "${input.attribute}" is empty. To remove a document's value, clear it instead.`, { cliHint: 'Clear it with `gloss attribute unset`.' });
      }
      let attribute = findAttribute(context.db, input.attribute);
      if (attribute && input.type !== undefined && typeOf(attribute) !== input.type) {
        throw new GlossError('invalid_input', `"${attribute.name}" is a ${attribute.type} attribute, not ${input.type}. Leave out the type, or change the attribute's type first.`);
      }
      attribute ??= createAttribute(context, recorder, input.attribute, input.type ?? inferAttributeType([input.value]));
      const stored = normalizeAttributeValue(attribute.name, typeOf(attribute), input.value);
      writeValue(recorder, context.db, document.id, attribute.id, stored);
      return {
        result: { attribute: attributeView(context.db, attribute), documentId: document.uuid, value: attributeValueOf(typeOf(attribute), stored) },
        summary: `Set "${attribute.name}" of "${document.title}" to ${labelOf(typeOf(attribute), stored)}`,
      };
    }),

  'attributes.unset': (context, input) =>
    context.mutate('attributes.unset', (recorder) => {
      const document = resolveDocument(context.db, input.document);
      const attribute = resolveAttribute(context.db, input.attribute);
      const existing = findAttributeValue(context.db, document.id, attribute.id);
      if (existing) recorder.delete('document_attributes', existing.id);
      return {
        result: { attribute: attributeView(context.db, attribute), documentId: document.uuid, value: null },
        summary: `Unset "${attribute.name}" of "${document.title}"`,
      };
    }),

  'attributes.delete': (context, input) =>
    context.mutate('attributes.delete', (recorder) => {
      const attribute = resolveAttribute(context.db, input.attribute);
      const values = listAttributeValues(context.db, attribute.id);
      for (const value of values) recorder.delete('document_attributes', value.id);
      recorder.delete('attributes', attribute.id);
      return { result: { id: attribute.uuid, values: values.length }, summary: `Delete the attribute "${attribute.name}" and its ${values.length} values` };
    }),

  'attributes.importCsv': (context, input) =>
    context.mutate('attributes.importCsv', (recorder) => {
      const result = importAttributeCsv(context, recorder, input);
      return { result, summary: `Import attributes: ${result.valuesSet} values for ${result.documents} documents` };
    }),
} satisfies Partial<Handlers>;
