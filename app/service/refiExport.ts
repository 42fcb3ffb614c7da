/**
 * Exporting the project as REFI-QDA (.qdpx project, .qdc codebook) and as W3C Web Annotations.
 *
 * For exports other tools read right (see ../shared/reference/refi-qda/NOTES.md):
 *   - every document is an internal UTF-8 `.txt` file (no BOM, LF line ends: its canonical
 *     text) referenced by `plainTextPath`, never PlainTextContent;
 *   - positions are Unicode code points into that text, end exclusive, and each selection
 *     carries its exact text in `name`;
 *   - one PlainTextSelection per (range, coder), whose `creatingUser` is that coder, holding one
 *     Coding per code (QualCoder reads the coder from the selection);
 *   - memos are Notes, attached with NoteRef to the project, a source, a code or a coding.
 */
import { CodePointIndex } from '../domain/codepoints.js';
import type { AttributeType } from '../domain/attributeValues.js';
import { derivedGuid } from '../formats/refi/guid.js';
import type { RefiCode, RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource, RefiVariable, RefiVariableType, RefiVariableValue } from '../formats/refi/model.js';
import { annotationCollectionJson, CONTEXT_CODE_POINTS, type AnnotationInput } from '../formats/refi/webAnnotation.js';
import { writeCodebookXml, writeProjectXml } from '../formats/refi/writeProject.js';
import { hasNonXmlCharacters } from '../formats/refi/xmlWriter.js';
import { writeZip } from '../formats/refi/zipWriter.js';
import { listAttributes, listAttributeValues } from '../store/attributeQueries.js';
import { listCodes, type CodeRow } from '../store/codeQueries.js';
import { listCoders } from '../store/coderQueries.js';
import { listMemos, type MemoListRow } from '../store/memoQueries.js';
import { getProjectRow } from '../store/projectQueries.js';
import { listCodingsForExport, listDocumentsForExport, type ExportCodingRow, type ExportDocumentRow } from '../store/refiQueries.js';
import { codeNamePaths } from './codeTree.js';
import { formatCodePath } from '../domain/codePath.js';
import type { Context } from './context.js';
import type { AnnotationsExport, ExchangeFormat, ExchangeWarning, QdcExport, QdpxExport } from './refiViews.js';

export const EXPORT_ORIGIN = 'Gloss';

interface ProjectData {
  name: string;
  uuid: string;
  createdAt: string;
  coders: Array<{ id: number; uuid: string; name: string }>;
  codes: CodeRow[];
  documents: ExportDocumentRow[];
  codings: ExportCodingRow[];
  memos: MemoListRow[];
}

function loadProject(context: Context, withText: boolean): ProjectData {
  const db = context.db;
  const project = getProjectRow(db)!;
  return {
    name: project.name,
    uuid: project.uuid,
    createdAt: project.created_at,
    coders: listCoders(db).map((row) => ({ id: row.id, uuid: row.uuid, name: row.name })),
    codes: listCodes(db),
    documents: withText ? listDocumentsForExport(db) : [],
    codings: withText ? listCodingsForExport(db) : [],
    memos: listMemos(db),
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// What the formats cannot carry

function codebookWarnings(codes: readonly CodeRow[]): ExchangeWarning[] {
  const warnings: ExchangeWarning[] = [];
  const fields = codes.filter((code) => code.definition !== '' || code.when_to_use !== '' || code.when_not_to_use !== '' || code.example !== '').length;
  if (fields > 0) {
    warnings.push({
      topic: 'code-fields',
      count: fields,
      message: `${plural(fields, 'code has', 'codes have')} a definition, "when to use", "when not to use" or example: REFI-QDA codes have only a description, so these fields are not exported.`,
    });
  }
  const odd = codes.filter((code) => hasNonXmlCharacters(code.name) || hasNonXmlCharacters(code.description)).length;
  if (odd > 0) {
    warnings.push({ topic: 'control-characters', count: odd, message: `${plural(odd, 'code name or description holds', 'code names or descriptions hold')} control characters that XML cannot carry; they are written as "\uFFFD".` });
  }
  return warnings;
}

export function exportWarnings(context: Context, format: ExchangeFormat): ExchangeWarning[] {
  const db = context.db;
  const codes = listCodes(db);
  const memos = listMemos(db);
  const warnings: ExchangeWarning[] = [];
  if (format === 'qdc') {
    warnings.push(...codebookWarnings(codes));
    const codeMemos = memos.filter((memo) => memo.code_id !== null).length;
    warnings.push({
      topic: 'codebook-only',
      message: 'A .qdc file holds the codebook only (names, hierarchy, colours, descriptions): no documents, codings, coders or memos' +
        (codeMemos > 0 ? ` (the ${plural(codeMemos, 'code memo')} included).` : '.'),
    });
    return warnings;
  }
  if (format === 'jsonld') {
    const other = memos.filter((memo) => memo.coding_id === null).length;
    warnings.push({
      topic: 'annotations-only',
      message: 'Web Annotations carry each coding (document, code path, coder, range in code points, exact text with context, memo), ' +
        `not the documents' text, the codebook's colours and descriptions, attributes${other > 0 ? ` or the ${plural(other, 'memo')} on the project, documents and codes` : ''}.`,
    });
    return warnings;
  }
  warnings.push(...codebookWarnings(codes));
  const documents = db.prepare("SELECT format, count(*) AS n FROM documents WHERE format <> 'txt' GROUP BY format").all() as Array<{ format: string; n: number }>;
  const formatted = documents.reduce((sum, row) => sum + row.n, 0);
  warnings.push({
    topic: 'plain-text',
    count: formatted,
    message: 'Sources are written as plain UTF-8 text: each document\'s headings, paragraphs and lists are not carried (a reader sees paragraphs where blank lines separate them)' +
      (formatted > 0 ? `, and the original files of ${plural(formatted, 'document')} (${documents.map((row) => `${row.n} ${row.format}`).join(', ')}) are not included.` : '.'),
  });
  const memoTitles = memos.filter((memo) => memo.coding_id !== null && memo.title.trim() !== '').length;
  if (memoTitles > 0) warnings.push({ topic: 'memo-titles', count: memoTitles, message: `${plural(memoTitles, 'coding memo has', 'coding memos have')} a title; it is written as the Note's name, which some programs do not show.` });
  const quotes = db.prepare("SELECT count(*) FROM codings WHERE quote GLOB '*[\x01-\x08\x0b\x0c\x0e-\x1f]*'").pluck().get() as number;
  const memoOdd = memos.filter((memo) => hasNonXmlCharacters(memo.body) || hasNonXmlCharacters(memo.title)).length;
  if (quotes + memoOdd > 0) {
    warnings.push({ topic: 'control-characters', count: quotes + memoOdd, message: `${plural(quotes + memoOdd, 'coded passage or memo holds', 'coded passages or memos hold')} control characters that XML cannot carry: in selection names and notes they are written as "\uFFFD" (the sources keep them).` });
  }
  warnings.push({ topic: 'history', message: 'The history of changes (undo, redo, who did what when beyond each item\'s creator and dates) is not exported.' });
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// The model

function codeTree(codes: readonly CodeRow[], noteRefs: Map<number, string[]>): RefiCode[] {
  const children = new Map<number | null, CodeRow[]>();
  for (const code of codes) {
    const siblings = children.get(code.parent_id);
    if (siblings) siblings.push(code);
    else children.set(code.parent_id, [code]);
  }
  const build = (parentId: number | null): RefiCode[] =>
    (children.get(parentId) ?? []).map((code) => ({
      guid: code.uuid,
      name: code.name,
      isCodable: true,
      color: code.color,
      ...(code.description !== '' ? { description: code.description } : {}),
      noteRefs: noteRefs.get(code.id) ?? [],
      children: build(code.id),
    }));
  return build(null);
}

function memoNote(memo: MemoListRow, coders: Map<number, string>): RefiNote {
  const creator = memo.coder_id === null ? undefined : coders.get(memo.coder_id);
  return {
    guid: memo.uuid,
    ...(memo.title.trim() !== '' ? { name: memo.title } : {}),
    ...(creator !== undefined ? { creatingUser: creator } : {}),
    creationDateTime: memo.created_at,
    modifiedDateTime: memo.updated_at,
    plainTextContent: memo.body,
    noteRefs: [],
  };
}

const INTEGER = /^[+-]?\d+$/;

/** A number as xsd:decimal: never in exponent form. */
function decimal(stored: string): string {
  const value = Number(stored);
  const text = String(value);
  return /e/i.test(text) ? value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : text;
}

function variableType(type: AttributeType, values: readonly string[]): RefiVariableType {
  switch (type) {
    case 'text':
      return 'Text';
    case 'boolean':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'number':
      return values.every((value) => INTEGER.test(decimal(value))) ? 'Integer' : 'Float';
  }
}

/** One selection per (range, coder), with that coder's codings of the range. */
function selectionsOf(codings: readonly ExportCodingRow[], document: ExportDocumentRow, coders: Map<number, string>, codeUuids: Map<number, string>, codingNotes: Map<number, string>): RefiSelection[] {
  const selections: RefiSelection[] = [];
  let current: RefiSelection | undefined;
  let key = '';
  for (const coding of codings) {
    const coder = coders.get(coding.coder_id)!;
    const next = `${coding.start}|${coding.end}|${coding.coder_id}`;
    if (!current || next !== key) {
      key = next;
      current = {
        guid: derivedGuid(`gloss selection ${document.uuid} ${coding.start} ${coding.end} ${coder}`),
        name: coding.quote,
        start: coding.start,
        end: coding.end,
        creatingUser: coder,
        creationDateTime: coding.created_at,
        modifyingUser: coder,
        modifiedDateTime: coding.updated_at,
        codings: [],
        noteRefs: [],
      };
      selections.push(current);
    } else {
      if (coding.created_at < current.creationDateTime!) current.creationDateTime = coding.created_at;
      if (coding.updated_at > current.modifiedDateTime!) current.modifiedDateTime = coding.updated_at;
    }
    const note = codingNotes.get(coding.id);
    const refiCoding: RefiCoding = {
      guid: coding.uuid,
      codeRef: codeUuids.get(coding.code_id)!,
      creatingUser: coder,
      creationDateTime: coding.created_at,
      noteRefs: note === undefined ? [] : [note],
    };
    current.codings.push(refiCoding);
  }
  return selections;
}

export interface QdpxContent {
  project: RefiProject;
  /** Path inside the archive -> text, for every source. */
  files: Array<{ path: string; text: string }>;
  counts: QdpxExport['counts'];
}

export function buildQdpxContent(context: Context): QdpxContent {
  const data = loadProject(context, true);
  const coderUuids = new Map(data.coders.map((coder) => [coder.id, coder.uuid]));
  const codeUuids = new Map(data.codes.map((code) => [code.id, code.uuid]));

  // Oldest first (then by id): the same project always writes the same file.
  const memos = [...data.memos].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.uuid < b.uuid ? -1 : 1));
  const notes = memos.map((memo) => memoNote(memo, coderUuids));
  const codeNotes = new Map<number, string[]>();
  const documentNotes = new Map<number, string[]>();
  const codingNotes = new Map<number, string>();
  const projectNotes: string[] = [];
  for (const memo of memos) {
    if (memo.code_id !== null) codeNotes.set(memo.code_id, [...(codeNotes.get(memo.code_id) ?? []), memo.uuid]);
    else if (memo.document_id !== null) documentNotes.set(memo.document_id, [...(documentNotes.get(memo.document_id) ?? []), memo.uuid]);
    else if (memo.coding_id !== null) codingNotes.set(memo.coding_id, memo.uuid);
    else projectNotes.push(memo.uuid);
  }

  const attributes = listAttributes(context.db);
  const values = listAttributeValues(context.db);
  const variables: RefiVariable[] = attributes.map((attribute) => ({
    guid: attribute.uuid,
    name: attribute.name,
    type: variableType(attribute.type as AttributeType, values.filter((value) => value.attribute_id === attribute.id).map((value) => value.value)),
  }));
  const variableOf = new Map(attributes.map((attribute, i) => [attribute.id, variables[i]!]));
  const valuesByDocument = new Map<number, RefiVariableValue[]>();
  for (const value of values) {
    const variable = variableOf.get(value.attribute_id)!;
    const written = variable.type === 'Integer' || variable.type === 'Float' ? decimal(value.value) : value.value;
    const list = valuesByDocument.get(value.document_id) ?? [];
    list.push({ variableRef: variable.guid, type: variable.type, value: written });
    valuesByDocument.set(value.document_id, list);
  }

  const codingsByDocument = new Map<number, ExportCodingRow[]>();
  for (const coding of data.codings) {
    const list = codingsByDocument.get(coding.document_id);
    if (list) list.push(coding);
    else codingsByDocument.set(coding.document_id, [coding]);
  }
  let selectionCount = 0;
  const files: QdpxContent['files'] = [];
  const sources: RefiTextSource[] = data.documents.map((document) => {
    const file = `${document.uuid}.txt`;
    files.push({ path: `sources/${file}`, text: document.text });
    const selections = selectionsOf(codingsByDocument.get(document.id) ?? [], document, coderUuids, codeUuids, codingNotes);
    selectionCount += selections.length;
    return {
      guid: document.uuid,
      name: document.title,
      plainTextPath: `internal://${file}`,
      creationDateTime: document.imported_at,
      selections,
      codings: [],
      noteRefs: documentNotes.get(document.id) ?? [],
      variableValues: valuesByDocument.get(document.id) ?? [],
    };
  });

  const project: RefiProject = {
    name: data.name,
    origin: EXPORT_ORIGIN,
    creationDateTime: data.createdAt,
    modifiedDateTime: context.now(),
    users: data.coders.map((coder) => ({ guid: coder.uuid, name: coder.name })),
    codes: codeTree(data.codes, codeNotes),
    variables,
    cases: [],
    sources,
    notes,
    links: [],
    sets: [],
    noteRefs: projectNotes,
    unsupported: [],
  };
  return {
    project,
    files,
    counts: {
      documents: data.documents.length,
      codes: data.codes.length,
      codings: data.codings.length,
      coders: data.coders.length,
      memos: data.memos.length,
      attributes: attributes.length,
      selections: selectionCount,
    },
  };
}

export async function exportQdpx(context: Context): Promise<QdpxExport> {
  const warnings = exportWarnings(context, 'qdpx');
  const content = buildQdpxContent(context);
  const xml = writeProjectXml(content.project);
  const encoder = new TextEncoder();
  const data = await writeZip([
    { path: 'project.qde', data: xml },
    ...content.files.map((file) => ({ path: file.path, data: encoder.encode(file.text) })),
  ]);
  return { data, warnings, counts: content.counts };
}

export function exportQdc(context: Context): QdcExport {
  const warnings = exportWarnings(context, 'qdc');
  const codes = listCodes(context.db);
  if (codes.length === 0) {
    return { xml: '', warnings: [{ topic: 'empty', message: 'The codebook is empty: a .qdc file needs at least one code.' }, ...warnings], codes: 0 };
  }
  return { xml: writeCodebookXml(codeTree(codes, new Map()), EXPORT_ORIGIN).toString('utf8'), warnings, codes: codes.length };
}

export function exportAnnotations(context: Context): AnnotationsExport {
  const warnings = exportWarnings(context, 'jsonld');
  const data = loadProject(context, true);
  const coders = new Map(data.coders.map((coder) => [coder.id, coder]));
  const paths = codeNamePaths(data.codes);
  const codes = new Map(data.codes.map((code) => [code.id, code]));
  const memos = new Map<number, string>();
  for (const memo of data.memos) if (memo.coding_id !== null) memos.set(memo.coding_id, memo.body);
  const documents = new Map(data.documents.map((document) => [document.id, document]));
  const indexes = new Map<number, CodePointIndex>();
  function* annotations(): Generator<AnnotationInput> {
    for (const coding of data.codings) {
      const document = documents.get(coding.document_id)!;
      let index = indexes.get(document.id);
      if (!index) {
        indexes.clear();
        index = new CodePointIndex(document.text);
        indexes.set(document.id, index);
      }
      const coder = coders.get(coding.coder_id)!;
      const code = codes.get(coding.code_id)!;
      yield {
        id: coding.uuid,
        documentId: document.uuid,
        documentTitle: document.title,
        codeId: code.uuid,
        codePath: formatCodePath(paths.get(code.id)!),
        codeColor: code.color,
        coderId: coder.uuid,
        coderName: coder.name,
        start: coding.start,
        end: coding.end,
        exact: coding.quote,
        prefix: index.slice(Math.max(0, coding.start - CONTEXT_CODE_POINTS), coding.start),
        suffix: index.slice(coding.end, Math.min(index.length, coding.end + CONTEXT_CODE_POINTS)),
        memo: memos.get(coding.id) ?? null,
        created: coding.created_at,
        modified: coding.updated_at,
      };
    }
  }
  const json = annotationCollectionJson({ id: data.uuid, name: data.name, generator: EXPORT_ORIGIN, generated: context.now() }, annotations(), data.codings.length);
  return { json, warnings, annotations: data.codings.length };
}
