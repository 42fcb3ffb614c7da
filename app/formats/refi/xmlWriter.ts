/**
 * Writing XML as UTF-8 bytes, escaped properly. Text that XML 1.0 cannot hold at all (most C0
 * control characters, lone surrogates, U+FFFE/U+FFFF) is replaced by U+FFFD; line breaks and
 * tabs in attribute values are written as character references, so a reader's attribute-value
 * normalization gives them back unchanged.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Whether `text` holds characters XML 1.0 cannot carry (they are written as U+FFFD). */
export function hasNonXmlCharacters(text: string): boolean {
  NOT_XML.lastIndex = 0;
  return NOT_XML.test(text);
}

export function escapeText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(TEXT_SPECIAL, (c) => ENTITY[c]!);
}

export function escapeAttribute(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(ATTRIBUTE_SPECIAL, (c) => ENTITY[c]!);
}

export type Attributes = ReadonlyArray<readonly [string, string | number | boolean | undefined]>;

/**
 * Streams elements into UTF-8 chunks (a project with 200,000 codings is a few hundred MB of
 * XML: more than one JavaScript string should hold).
 */
export class XmlWriter {
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly open: string[] = [];
  private readonly indent: boolean;

  constructor(options: { indent?: boolean } = {}) {
    this.indent = options.indent ?? true;
    this.raw('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  }

  private raw(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.pendingLength = 0;
  }

  private prefix(): string {
    return this.indent ? '  '.repeat(this.open.length) : '';
  }

  private startTag(name: string, attributes: Attributes): string {
    let tag = `<${name}`;
    for (const [key, value] of attributes) {
      if (value === undefined) continue;
      tag += ` ${key}="${escapeAttribute(String(value))}"`;
    }
    return tag;
  }

  /** `<name …>` ; close it with `end()`. */
  start(name: string, attributes: Attributes = []): void {
    this.raw(`${this.prefix()}${this.startTag(name, attributes)}>${this.indent ? '\n' : ''}`);
    this.open.push(name);
  }

  end(): void {
    const name = this.open.pop();
    if (name === undefined) throw new Error('no element to close');
    this.raw(`${this.prefix()}</${name}>${this.indent ? '\n' : ''}`);
  }

  /** `<name …/>` */
  empty(name: string, attributes: Attributes = []): void {
    this.raw(`${this.prefix()}${this.startTag(name, attributes)}/>${this.indent ? '\n' : ''}`);
  }

  /** `<name …>text</name>`, the text exactly as given (no indentation inside). */
  textElement(name: string, text: string, attributes: Attributes = []): void {
    this.raw(`${this.prefix()}${this.startTag(name, attributes)}>${escapeText(text)}</${name}>${this.indent ? '\n' : ''}`);
  }

  /** The document's bytes; every element must be closed. */
  finish(): Buffer {
    if (this.open.length > 0) throw new Error(`unclosed elements: ${this.open.join(', ')}`);
    this.flush();
    return Buffer.concat(this.chunks);
  }
}
