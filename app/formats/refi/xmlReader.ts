/**
 * XML from untrusted files, read into a small element tree. Safe by construction:
 *
 * - a document type declaration (`<!DOCTYPE …>`, which is where entities, external or not, are
 *   declared) refuses the whole file before anything inside it is read: no REFI-QDA file needs
 *   one, and it is how "billion laughs" and external-entity (XXE) attacks start;
 * - nothing is fetched: the parser (saxes) never resolves external entities or schemas;
 * - the bytes are decoded strictly (UTF-8 unless a BOM or the XML declaration says otherwise).
 */
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import { GlossError } from '../../domain/errors.js';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes without a namespace, by local name (xmlns and xsi:… are left out). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA directly inside it), concatenated. */
  text: string;
}

/** Decode an XML file's bytes: a BOM, else the declared encoding, else UTF-8 (strictly). */
export function decodeXml(fileName: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strictUtf8(fileName, bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared === undefined || declared === 'utf-8' || declared === 'utf8' || declared === 'us-ascii' || declared === 'ascii') {
    return strictUtf8(fileName, bytes);
  }
  if (!iconv.encodingExists(declared)) {
    throw new GlossError('bad_file', `${fileName} declares the encoding "${declared}", which Gloss cannot read. Export it again as UTF-8.`);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared);
}

function strictUtf8(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new GlossError('bad_file', `${fileName} is not valid UTF-8 text. Export it again from the program that made it.`);
  }
}

/** Parse a whole document into its root element; throws a GlossError naming `fileName`. */
export function parseXml(fileName: string, text: string): XmlElement {
  // Checked before parsing too, so that a DOCTYPE is refused with the same message wherever
  // it stands (the parser itself would refuse one after the root element as malformed).
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype && !insideCommentOrCdata(text, doctype.index)) throw doctypeError(fileName);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('doctype', () => {
    throw doctypeError(fileName);
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      // Unprefixed attributes have no namespace; xmlns declarations and xsi:… are not data.
      if (attribute.prefix === '' && attribute.name !== 'xmlns') attrs[attribute.local] = attribute.value;
    }
    const element: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('cdata', (chunk) => {
    const current = stack[stack.length - 1];
    if (current) current.text += chunk;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof GlossError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new GlossError('bad_file', `${fileName} is not well-formed XML (${detail}). Export it again from the program that made it.`);
  }
  if (!root) throw new GlossError('bad_file', `${fileName} holds no XML element.`);
  return root;
}

function doctypeError(fileName: string): GlossError {
  return new GlossError('bad_file',
    `${fileName} was refused: it holds a document type declaration (<!DOCTYPE> or <!ENTITY>), which REFI-QDA files never need ` +
    'and which can make a reader fetch other files or expand text without end. Nothing was imported.');
}

/** Whether `index` falls inside an XML comment or CDATA section that starts before it. */
function insideCommentOrCdata(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const comment = before.lastIndexOf('<!--');
  if (comment !== -1 && before.indexOf('-->', comment) === -1) return true;
  const cdata = before.lastIndexOf('<![CDATA[');
  return cdata !== -1 && before.indexOf(']]>', cdata) === -1;
}

/** Children with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
