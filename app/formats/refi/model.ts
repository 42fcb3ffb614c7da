/**
 * The REFI-QDA model (QDA-XML 1.0: Project.xsd, Codebook.xsd) as far as Gloss reads and writes
 * it: text sources, their selections and codings, the codebook, users, notes, variables and
 * sets. GUIDs are kept as the file spells them; app/formats/refi/guid.ts compares them.
 */

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

export interface RefiUser {
  guid: string;
  name?: string;
  id?: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  /** "#RRGGBB" (or "#RGB" as some tools write it). */
  color?: string;
  description?: string;
  noteRefs: string[];
  children: RefiCode[];
}

export interface RefiCoding {
  guid: string;
  codeRef?: string;
  creatingUser?: string;
  creationDateTime?: string;
  noteRefs: string[];
}

export interface RefiSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
export type RefiVariableType = (typeof VARIABLE_TYPES)[number];

export interface RefiVariable {
  guid: string;
  name: string;
  type: RefiVariableType;
  description?: string;
}

export interface RefiVariableValue {
  variableRef: string;
  /** Which *Value element held it. */
  type: RefiVariableType;
  value: string;
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  plainTextPath?: string;
  richTextPath?: string;
  plainTextContent?: string;
  description?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  selections: RefiSelection[];
  /** Codings of the whole source (TextSource > Coding). */
  codings: RefiCoding[];
  noteRefs: string[];
  variableValues: RefiVariableValue[];
  /** A PDF's text representation is read like a text source; `from` names the PDF. */
  from?: { kind: 'PDFSource'; name?: string; guid: string };
}

export interface RefiNote {
  guid: string;
  name?: string;
  plainTextPath?: string;
  plainTextContent?: string;
  description?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  /** NoteRefs inside the note (notes on notes). */
  noteRefs: string[];
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface RefiLink {
  guid: string;
  name?: string;
  originGUID?: string;
  targetGUID?: string;
}

export interface RefiCase {
  guid: string;
  name?: string;
  sourceRefs: string[];
  variableValues: RefiVariableValue[];
}

/** Something in the file Gloss does not take in: told in the import summary. */
export interface RefiUnsupported {
  kind: string;
  name: string;
  guid?: string;
  reason: string;
}

export interface RefiProject {
  name: string;
  origin?: string;
  creatingUserGUID?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  basePath?: string;
  description?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  notes: RefiNote[];
  links: RefiLink[];
  sets: RefiSet[];
  noteRefs: string[];
  unsupported: RefiUnsupported[];
}

export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
  sets: RefiSet[];
}

/** Every code of a tree, depth first, with its parent. */
export function* walkCodes(codes: readonly RefiCode[], parent: RefiCode | null = null): Generator<{ code: RefiCode; parent: RefiCode | null; depth: number }> {
  const stack: Array<{ code: RefiCode; parent: RefiCode | null; depth: number }> = [];
  for (let i = codes.length - 1; i >= 0; i--) stack.push({ code: codes[i]!, parent, depth: 0 });
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    for (let i = item.code.children.length - 1; i >= 0; i--) stack.push({ code: item.code.children[i]!, parent: item.code, depth: item.depth + 1 });
  }
}
