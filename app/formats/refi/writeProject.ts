/**
 * project.qde and .qdc writers. Elements follow the schemas' order exactly, empty containers
 * are left out (each needs at least one child), and the namespaces are the 1.0 ones.
 */
import { CODEBOOK_NAMESPACE, PROJECT_NAMESPACE, type RefiCode, type RefiCoding, type RefiNote, type RefiProject, type RefiSelection, type RefiTextSource, type RefiVariableValue } from './model.js';
import { XmlWriter } from './xmlWriter.js';

function writeCode(xml: XmlWriter, code: RefiCode, withNoteRefs: boolean): void {
  const attributes = [['guid', code.guid], ['name', code.name], ['isCodable', code.isCodable ? 'true' : 'false'], ['color', code.color]] as const;
  const noteRefs = withNoteRefs ? code.noteRefs : [];
  if (code.description === undefined && noteRefs.length === 0 && code.children.length === 0) {
    xml.empty('Code', attributes);
    return;
  }
  xml.start('Code', attributes);
  if (code.description !== undefined) xml.textElement('Description', code.description);
  for (const target of noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  for (const child of code.children) writeCode(xml, child, withNoteRefs);
  xml.end();
}

function writeCoding(xml: XmlWriter, coding: RefiCoding): void {
  xml.start('Coding', [['guid', coding.guid], ['creatingUser', coding.creatingUser], ['creationDateTime', coding.creationDateTime]]);
  xml.empty('CodeRef', [['targetGUID', coding.codeRef]]);
  for (const target of coding.noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  xml.end();
}

function writeSelection(xml: XmlWriter, selection: RefiSelection): void {
  xml.start('PlainTextSelection', [
    ['guid', selection.guid],
    ['name', selection.name],
    ['startPosition', selection.start],
    ['endPosition', selection.end],
    ['creatingUser', selection.creatingUser],
    ['creationDateTime', selection.creationDateTime],
    ['modifyingUser', selection.modifyingUser],
    ['modifiedDateTime', selection.modifiedDateTime],
  ]);
  if (selection.description !== undefined) xml.textElement('Description', selection.description);
  for (const coding of selection.codings) writeCoding(xml, coding);
  for (const target of selection.noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  xml.end();
}

const VALUE_ELEMENT = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
} as const;

function writeVariableValue(xml: XmlWriter, value: RefiVariableValue): void {
  xml.start('VariableValue');
  xml.empty('VariableRef', [['targetGUID', value.variableRef]]);
  xml.textElement(VALUE_ELEMENT[value.type], value.value);
  xml.end();
}

function writeTextSource(xml: XmlWriter, source: RefiTextSource): void {
  xml.start('TextSource', [
    ['guid', source.guid],
    ['name', source.name],
    ['plainTextPath', source.plainTextPath],
    ['creatingUser', source.creatingUser],
    ['creationDateTime', source.creationDateTime],
    ['modifyingUser', source.modifyingUser],
    ['modifiedDateTime', source.modifiedDateTime],
  ]);
  if (source.description !== undefined) xml.textElement('Description', source.description);
  if (source.plainTextContent !== undefined) xml.textElement('PlainTextContent', source.plainTextContent);
  for (const selection of source.selections) writeSelection(xml, selection);
  for (const coding of source.codings) writeCoding(xml, coding);
  for (const target of source.noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  for (const value of source.variableValues) writeVariableValue(xml, value);
  xml.end();
}

function writeNote(xml: XmlWriter, note: RefiNote): void {
  xml.start('Note', [
    ['guid', note.guid],
    ['name', note.name],
    ['plainTextPath', note.plainTextPath],
    ['creatingUser', note.creatingUser],
    ['creationDateTime', note.creationDateTime],
    ['modifyingUser', note.modifyingUser],
    ['modifiedDateTime', note.modifiedDateTime],
  ]);
  if (note.description !== undefined) xml.textElement('Description', note.description);
  if (note.plainTextContent !== undefined) xml.textElement('PlainTextContent', note.plainTextContent);
  for (const target of note.noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  xml.end();
}

/** project.qde as UTF-8 bytes. */
export function writeProjectXml(project: RefiProject): Buffer {
  const xml = new XmlWriter();
  xml.start('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', project.name],
    ['origin', project.origin],
    ['creatingUserGUID', project.creatingUserGUID],
    ['creationDateTime', project.creationDateTime],
    ['modifiedDateTime', project.modifiedDateTime],
  ]);
  if (project.users.length > 0) {
    xml.start('Users');
    for (const user of project.users) xml.empty('User', [['guid', user.guid], ['name', user.name], ['id', user.id]]);
    xml.end();
  }
  if (project.codes.length > 0) {
    xml.start('CodeBook');
    xml.start('Codes');
    for (const code of project.codes) writeCode(xml, code, true);
    xml.end();
    xml.end();
  }
  if (project.variables.length > 0) {
    xml.start('Variables');
    for (const variable of project.variables) {
      const attributes = [['guid', variable.guid], ['name', variable.name], ['typeOfVariable', variable.type]] as const;
      if (variable.description === undefined) {
        xml.empty('Variable', attributes);
      } else {
        xml.start('Variable', attributes);
        xml.textElement('Description', variable.description);
        xml.end();
      }
    }
    xml.end();
  }
  if (project.sources.length > 0) {
    xml.start('Sources');
    for (const source of project.sources) writeTextSource(xml, source);
    xml.end();
  }
  if (project.notes.length > 0) {
    xml.start('Notes');
    for (const note of project.notes) writeNote(xml, note);
    xml.end();
  }
  if (project.sets.length > 0) {
    xml.start('Sets');
    for (const set of project.sets) {
      xml.start('Set', [['guid', set.guid], ['name', set.name]]);
      if (set.description !== undefined) xml.textElement('Description', set.description);
      for (const target of set.memberCodes) xml.empty('MemberCode', [['targetGUID', target]]);
      for (const target of set.memberSources) xml.empty('MemberSource', [['targetGUID', target]]);
      for (const target of set.memberNotes) xml.empty('MemberNote', [['targetGUID', target]]);
      xml.end();
    }
    xml.end();
  }
  if (project.description !== undefined) xml.textElement('Description', project.description);
  for (const target of project.noteRefs) xml.empty('NoteRef', [['targetGUID', target]]);
  xml.end();
  return xml.finish();
}

/** A .qdc codebook as UTF-8 bytes. The caller makes sure there is at least one code. */
export function writeCodebookXml(codes: readonly RefiCode[], origin: string): Buffer {
  if (codes.length === 0) throw new Error('a codebook needs at least one code');
  const xml = new XmlWriter();
  xml.start('CodeBook', [['xmlns', CODEBOOK_NAMESPACE], ['origin', origin]]);
  xml.start('Codes');
  for (const code of codes) writeCode(xml, code, false);
  xml.end();
  xml.end();
  return xml.finish();
}
