/**
 * Checks of a .qdpx archive that its schema cannot make: GUIDs unique, every reference
 * resolving to an element of the right kind, every internal source file present under
 * `sources/` and valid UTF-8, every selection inside its text (and, where its `name` carries
 * text, on that text). Gloss's tests run it on every export, beside xmllint and the XSD.
 */
import { codePointLength } from '../../domain/codepoints.js';
import { internalPath } from './load.js';
import { nameMatchesText, SourceText } from './positions.js';
import { decodeXml, parseXml, type XmlElement } from './xmlReader.js';
import { openZip } from './zipReader.js';

export interface QdpxCheck {
  problems: string[];
  /** project.qde as text, for a schema validator. */
  projectXml: string;
  entries: string[];
}

/** Where each kind of reference must point. */
const REFERENCES: Record<string, { attribute: string; kinds: readonly string[] }[]> = {
  CodeRef: [{ attribute: 'targetGUID', kinds: ['Code'] }],
  NoteRef: [{ attribute: 'targetGUID', kinds: ['Note'] }],
  VariableRef: [{ attribute: 'targetGUID', kinds: ['Variable'] }],
  MemberCode: [{ attribute: 'targetGUID', kinds: ['Code'] }],
  MemberSource: [{ attribute: 'targetGUID', kinds: ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] }],
  MemberNote: [{ attribute: 'targetGUID', kinds: ['Note'] }],
  SourceRef: [{ attribute: 'targetGUID', kinds: ['TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'] }],
};
const USER_ATTRIBUTES = ['creatingUser', 'modifyingUser', 'creatingUserGUID', 'modifyingUserGUID'];

function walk(element: XmlElement, visit: (element: XmlElement) => void): void {
  visit(element);
  for (const child of element.children) walk(child, visit);
}

export async function checkQdpx(bytes: Uint8Array): Promise<QdpxCheck> {
  const problems: string[] = [];
  const archive = await openZip('export.qdpx', bytes);
  const entries = archive.entries.map((entry) => entry.path);
  const qde = archive.entries.find((entry) => entry.path === 'project.qde');
  if (!qde) return { problems: ['no project.qde at the root'], projectXml: '', entries };
  for (const path of entries) if (path !== 'project.qde' && !/^sources\/[^/]+$/.test(path)) problems.push(`unexpected entry ${path}`);
  const projectXml = decodeXml('project.qde', await archive.read(qde));
  const root = parseXml('project.qde', projectXml);

  const byGuid = new Map<string, XmlElement>();
  walk(root, (element) => {
    const guid = element.attrs.guid;
    if (guid === undefined) return;
    const key = guid.replace(/[{}]/g, '').toLowerCase();
    if (byGuid.has(key)) problems.push(`GUID ${guid} is used by <${byGuid.get(key)!.name}> and <${element.name}>`);
    else byGuid.set(key, element);
  });
  const resolve = (guid: string): XmlElement | undefined => byGuid.get(guid.replace(/[{}]/g, '').toLowerCase());
  walk(root, (element) => {
    for (const rule of REFERENCES[element.name] ?? []) {
      const target = element.attrs[rule.attribute];
      const found = target === undefined ? undefined : resolve(target);
      if (!found || !rule.kinds.includes(found.name)) problems.push(`<${element.name} ${rule.attribute}="${target}"> does not point to a ${rule.kinds.join(' or ')}`);
    }
    for (const attribute of USER_ATTRIBUTES) {
      const target = element.attrs[attribute];
      if (target !== undefined && resolve(target)?.name !== 'User') problems.push(`<${element.name} ${attribute}="${target}"> does not point to a User`);
    }
  });

  const sourcesNode = root.children.find((child) => child.name === 'Sources');
  for (const source of sourcesNode?.children ?? []) {
    if (source.name !== 'TextSource') continue;
    const label = source.attrs.name ?? source.attrs.guid;
    const path = source.attrs.plainTextPath;
    if (path === undefined) {
      problems.push(`TextSource ${label} has no plainTextPath`);
      continue;
    }
    const inside = internalPath(path);
    if (!path.startsWith('internal://') || inside === undefined) {
      problems.push(`TextSource ${label}: ${path} is not an internal file`);
      continue;
    }
    const entry = archive.entries.find((candidate) => candidate.path === `sources/${inside}`);
    if (!entry) {
      problems.push(`TextSource ${label}: sources/${inside} is missing`);
      continue;
    }
    const data = await archive.read(entry);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      problems.push(`sources/${inside} is not valid UTF-8`);
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) problems.push(`sources/${inside} starts with a BOM`);
    const length = codePointLength(text);
    const positions = new SourceText(text);
    for (const selection of source.children) {
      if (selection.name !== 'PlainTextSelection') continue;
      const start = Number(selection.attrs.startPosition);
      const end = Number(selection.attrs.endPosition);
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length)) {
        problems.push(`selection ${selection.attrs.guid} [${start}, ${end}) is not inside ${label} (${length} code points)`);
        continue;
      }
      const name = selection.attrs.name;
      const slice = positions.slice(start, end);
      if (name !== undefined && name !== slice && !(name.includes('\uFFFD') && nameMatchesText(name.replace(/\uFFFD/g, ' '), slice.replace(/\p{Cc}/gu, ' ')))) {
        problems.push(`selection ${selection.attrs.guid}: its name is not the text at [${start}, ${end}) of ${label}`);
      }
      if (!selection.children.some((child) => child.name === 'Coding')) problems.push(`selection ${selection.attrs.guid} has no coding`);
    }
  }
  return { problems, projectXml, entries };
}
