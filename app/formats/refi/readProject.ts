/**
 * Reading project.qde and .qdc files into the REFI model, leniently: tools write variations
 * (namespaces `…:1.0`, `…:0:4`, none; empty containers; `True` for `true`), and what is
 * unambiguous is read whatever the schema says. What Gloss cannot take (pictures, audio,
 * video, graphs…) is listed in `unsupported` for the import summary.
 */
import { GlossError } from '../../domain/errors.js';
import {
  VARIABLE_TYPES,
  type RefiCase,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiLink,
  type RefiNote,
  type RefiProject,
  type RefiSelection,
  type RefiSet,
  type RefiTextSource,
  type RefiUnsupported,
  type RefiUser,
  type RefiVariable,
  type RefiVariableType,
  type RefiVariableValue,
} from './model.js';
import { childrenNamed, firstChild, type XmlElement } from './xmlReader.js';

export type RefiDocument = { kind: 'project'; project: RefiProject } | { kind: 'codebook'; codebook: RefiCodebook };

/** A parsed root element as a project or a codebook; anything else is refused. */
export function readRefiDocument(fileName: string, root: XmlElement): RefiDocument {
  if (root.name === 'Project') return { kind: 'project', project: readProject(root) };
  if (root.name === 'CodeBook') return { kind: 'codebook', codebook: readCodebook(root) };
  throw new GlossError('bad_file', `${fileName} is not a REFI-QDA project or codebook: its root element is <${root.name}>, not <Project> or <CodeBook>.`);
}

function optional(element: XmlElement, name: string): string | undefined {
  const value = element.attrs[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function guidOf(element: XmlElement): string {
  return element.attrs.guid ?? element.attrs.GUID ?? '';
}

function textOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  return element.text.trim() === '' ? undefined : element.text;
}

function booleanOf(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return fallback;
}

function refs(element: XmlElement, name: string, attribute = 'targetGUID'): string[] {
  const result: string[] = [];
  for (const child of childrenNamed(element, name)) {
    const target = child.attrs[attribute] ?? child.attrs.targetGUID ?? child.attrs.guid;
    if (target !== undefined) result.push(target);
  }
  return result;
}

function readCode(element: XmlElement): RefiCode {
  const color = optional(element, 'color');
  const description = textOf(firstChild(element, 'Description'));
  return {
    guid: guidOf(element),
    name: element.attrs.name ?? '',
    isCodable: booleanOf(element.attrs.isCodable, true),
    ...(color !== undefined ? { color } : {}),
    ...(description !== undefined ? { description } : {}),
    noteRefs: refs(element, 'NoteRef'),
    children: childrenNamed(element, 'Code').map(readCode),
  };
}

function readCodes(parent: XmlElement | undefined): RefiCode[] {
  if (!parent) return [];
  const codes = firstChild(parent, 'Codes');
  return codes ? childrenNamed(codes, 'Code').map(readCode) : [];
}

function readCoding(element: XmlElement): RefiCoding {
  return {
    guid: guidOf(element),
    ...withOptional(element, ['creatingUser', 'creationDateTime']),
    ...(firstChild(element, 'CodeRef')?.attrs.targetGUID !== undefined ? { codeRef: firstChild(element, 'CodeRef')!.attrs.targetGUID! } : {}),
    noteRefs: refs(element, 'NoteRef'),
  };
}

function withOptional<K extends string>(element: XmlElement, names: readonly K[]): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = optional(element, name);
    if (value !== undefined) result[name] = value;
  }
  return result;
}

/** A position as written; NaN when it is not a whole number (the importer says so). */
function position(value: string | undefined): number {
  if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) return Number.NaN;
  return Number(value);
}

function readSelection(element: XmlElement): RefiSelection {
  const description = textOf(firstChild(element, 'Description'));
  return {
    guid: guidOf(element),
    ...(element.attrs.name !== undefined ? { name: element.attrs.name } : {}),
    start: position(element.attrs.startPosition),
    end: position(element.attrs.endPosition),
    ...withOptional(element, ['creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime']),
    ...(description !== undefined ? { description } : {}),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: refs(element, 'NoteRef'),
  };
}

const VALUE_ELEMENTS: Record<string, RefiVariableType> = {
  TextValue: 'Text',
  BooleanValue: 'Boolean',
  IntegerValue: 'Integer',
  FloatValue: 'Float',
  DateValue: 'Date',
  DateTimeValue: 'DateTime',
};

function readVariableValues(element: XmlElement): RefiVariableValue[] {
  const values: RefiVariableValue[] = [];
  for (const valueElement of childrenNamed(element, 'VariableValue')) {
    const variableRef = firstChild(valueElement, 'VariableRef')?.attrs.targetGUID;
    const holder = valueElement.children.find((child) => child.name in VALUE_ELEMENTS);
    if (variableRef === undefined || !holder) continue;
    values.push({ variableRef, type: VALUE_ELEMENTS[holder.name]!, value: holder.text });
  }
  return values;
}

function readTextSource(element: XmlElement): RefiTextSource {
  const description = textOf(firstChild(element, 'Description'));
  const content = firstChild(element, 'PlainTextContent');
  return {
    guid: guidOf(element),
    ...withOptional(element, ['name', 'plainTextPath', 'richTextPath', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime']),
    ...(content !== undefined ? { plainTextContent: content.text } : {}),
    ...(description !== undefined ? { description } : {}),
    selections: childrenNamed(element, 'PlainTextSelection').map(readSelection),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: refs(element, 'NoteRef'),
    variableValues: readVariableValues(element),
  };
}

function readNote(element: XmlElement): RefiNote {
  const description = textOf(firstChild(element, 'Description'));
  const content = firstChild(element, 'PlainTextContent');
  return {
    guid: guidOf(element),
    ...withOptional(element, ['name', 'plainTextPath', 'creatingUser', 'creationDateTime', 'modifyingUser', 'modifiedDateTime']),
    ...(content !== undefined ? { plainTextContent: content.text } : {}),
    ...(description !== undefined ? { description } : {}),
    noteRefs: refs(element, 'NoteRef'),
  };
}

function readSet(element: XmlElement): RefiSet {
  const description = textOf(firstChild(element, 'Description'));
  return {
    guid: guidOf(element),
    name: element.attrs.name ?? '',
    ...(description !== undefined ? { description } : {}),
    // .qde: Member*@targetGUID; .qdc: MemberCode@guid.
    memberCodes: refs(element, 'MemberCode'),
    memberSources: refs(element, 'MemberSource'),
    memberNotes: refs(element, 'MemberNote'),
  };
}

function readVariable(element: XmlElement): RefiVariable | undefined {
  const type = VARIABLE_TYPES.find((known) => known.toLowerCase() === (element.attrs.typeOfVariable ?? '').trim().toLowerCase());
  if (type === undefined) return undefined;
  const description = textOf(firstChild(element, 'Description'));
  return { guid: guidOf(element), name: element.attrs.name ?? '', type, ...(description !== undefined ? { description } : {}) };
}

const MEDIA_SOURCES: Record<string, string> = {
  PictureSource: 'a picture',
  AudioSource: 'an audio file',
  VideoSource: 'a video',
  PDFSource: 'a PDF',
};

export function readProject(root: XmlElement): RefiProject {
  const unsupported: RefiUnsupported[] = [];
  const users: RefiUser[] = [];
  for (const user of childrenNamed(firstChild(root, 'Users') ?? emptyElement, 'User')) {
    users.push({ guid: guidOf(user), ...withOptional(user, ['name', 'id']) });
  }

  const variables: RefiVariable[] = [];
  for (const element of childrenNamed(firstChild(root, 'Variables') ?? emptyElement, 'Variable')) {
    const variable = readVariable(element);
    if (variable) variables.push(variable);
    else unsupported.push({ kind: 'variable', name: element.attrs.name ?? '', reason: `its type "${element.attrs.typeOfVariable ?? ''}" is not one REFI-QDA defines` });
  }

  const cases: RefiCase[] = childrenNamed(firstChild(root, 'Cases') ?? emptyElement, 'Case').map((element) => ({
    guid: guidOf(element),
    ...withOptional(element, ['name']),
    sourceRefs: refs(element, 'SourceRef'),
    variableValues: readVariableValues(element),
  }));

  const sources: RefiTextSource[] = [];
  for (const element of (firstChild(root, 'Sources') ?? emptyElement).children) {
    if (element.name === 'TextSource') {
      sources.push(readTextSource(element));
      continue;
    }
    const what = MEDIA_SOURCES[element.name];
    if (what === undefined) continue;
    const name = element.attrs.name ?? guidOf(element);
    const representation = element.name === 'PDFSource' ? firstChild(element, 'Representation') : undefined;
    if (representation) {
      // A PDF's plain-text representation is a text source with selections of its own.
      const source = readTextSource(representation);
      sources.push({
        ...source,
        name: element.attrs.name ?? source.name ?? '',
        noteRefs: [...refs(element, 'NoteRef'), ...source.noteRefs],
        variableValues: [...readVariableValues(element), ...source.variableValues],
        from: { kind: 'PDFSource', guid: guidOf(element), ...(element.attrs.name !== undefined ? { name: element.attrs.name } : {}) },
      });
      const areas = childrenNamed(element, 'PDFSelection').length;
      if (areas > 0) unsupported.push({ kind: 'PDF selection', name, reason: `${areas} area selection${areas === 1 ? '' : 's'} on PDF pages (Gloss codes the PDF's text, not page areas)` });
      continue;
    }
    const selections = element.children.filter((child) => /Selection$/.test(child.name)).length;
    const transcripts = childrenNamed(element, 'Transcript').length;
    const extra = [selections > 0 ? `${selections} selection${selections === 1 ? '' : 's'}` : '', transcripts > 0 ? `${transcripts} transcript${transcripts === 1 ? '' : 's'}` : '']
      .filter((part) => part !== '').join(' and ');
    unsupported.push({ kind: element.name, name, guid: guidOf(element), reason: `${what}${extra ? ` with ${extra}` : ''}: Gloss imports text sources only` });
  }

  const notes: RefiNote[] = childrenNamed(firstChild(root, 'Notes') ?? emptyElement, 'Note').map(readNote);
  const links: RefiLink[] = childrenNamed(firstChild(root, 'Links') ?? emptyElement, 'Link').map((element) => ({
    guid: guidOf(element),
    ...withOptional(element, ['name', 'originGUID', 'targetGUID']),
  }));
  const sets: RefiSet[] = childrenNamed(firstChild(root, 'Sets') ?? emptyElement, 'Set').map(readSet);
  for (const graph of childrenNamed(firstChild(root, 'Graphs') ?? emptyElement, 'Graph')) {
    unsupported.push({ kind: 'graph', name: graph.attrs.name ?? guidOf(graph), reason: 'Gloss has no network views' });
  }
  const description = textOf(firstChild(root, 'Description'));

  return {
    name: root.attrs.name ?? '',
    ...withOptional(root, ['origin', 'creatingUserGUID', 'creationDateTime', 'modifiedDateTime', 'basePath']),
    ...(description !== undefined ? { description } : {}),
    users,
    codes: readCodes(firstChild(root, 'CodeBook')),
    variables,
    cases,
    sources,
    notes,
    links,
    sets,
    noteRefs: refs(root, 'NoteRef'),
    unsupported,
  };
}

export function readCodebook(root: XmlElement): RefiCodebook {
  return {
    ...withOptional(root, ['origin']),
    codes: readCodes(root),
    sets: childrenNamed(firstChild(root, 'Sets') ?? emptyElement, 'Set').map(readSet),
  };
}

const emptyElement: XmlElement = { name: '', ns: '', attrs: {}, children: [], text: '' };
