import { describe, expect, it } from 'vitest';
import { GlossError } from '../../app/domain/errors.js';
import { readRefiDocument } from '../../app/formats/refi/readProject.js';
import { escapeAttribute, escapeText, XmlWriter } from '../../app/formats/refi/xmlWriter.js';
import { decodeXml, parseXml } from '../../app/formats/refi/xmlReader.js';
import { unsafeEntryPath } from '../../app/formats/refi/zipReader.js';
import { derivedGuid, normalizeGuid } from '../../app/formats/refi/guid.js';

function refused(xml: string): GlossError {
  try {
    parseXml('test.qde', xml);
  } catch (error) {
    if (error instanceof GlossError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('REFI-QDA XML', () => {
  it('refuses any DOCTYPE or ENTITY, wherever it stands, but not the words inside a comment or CDATA', () => {
    expect(refused('<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><Project/>').message).toMatch(/document type declaration/);
    expect(refused('<?xml version="1.0"?>\n<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>').message).toMatch(/Nothing was imported/);
    expect(refused('<p/><!DOCTYPE p>').message).toMatch(/document type declaration/);
    expect(parseXml('ok.qde', '<p><!-- <!DOCTYPE not really --><![CDATA[<!ENTITY neither>]]></p>').text).toBe('<!ENTITY neither>');
    expect(refused('<p>&undefined;</p>').message).toMatch(/not well-formed/);
    expect(refused('<p><q></p>').message).toMatch(/not well-formed/);
  });

  it('decodes UTF-8 strictly, with or without BOM, UTF-16 by its BOM, and a declared legacy encoding', () => {
    expect(decodeXml('a', new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x70, 0x2f, 0x3e]))).toBe('<p/>');
    expect(decodeXml('a', new Uint8Array(Buffer.from('\uFEFF<p>é</p>', 'utf16le')))).toBe('<p>é</p>');
    expect(decodeXml('a', new Uint8Array(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><p>\xe9</p>', 'latin1')))).toContain('<p>é</p>');
    expect(() => decodeXml('bad.qde', new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0x3c]))).toThrow(/not valid UTF-8/);
  });

  it('reads leniently: other namespaces, True for true, #RGB, and ignores the empty <Sets/> that breaks the schema', () => {
    const document = readRefiDocument('x.qdc', parseXml('x.qdc',
      '<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="T"><Codes><Code guid="{ABCDEF01-2345-6789-ABCD-EF0123456789}" name="a" isCodable="True" color="#abc"><Code guid="abcdef01-2345-6789-abcd-ef012345678a" name="b" isCodable="false"/></Code></Codes><Sets/></CodeBook>'));
    expect(document.kind).toBe('codebook');
    if (document.kind !== 'codebook') return;
    expect(document.codebook.codes[0]).toMatchObject({ name: 'a', isCodable: true, color: '#abc', children: [{ name: 'b', isCodable: false }] });
    expect(document.codebook.sets).toEqual([]);
    expect(normalizeGuid(document.codebook.codes[0]!.guid)).toBe('abcdef01-2345-6789-abcd-ef0123456789');
    expect(normalizeGuid('{abcdef01-2345-6789-abcd-ef0123456789')).toBeUndefined();
    expect(() => readRefiDocument('x.xml', parseXml('x.xml', '<Other/>'))).toThrow(/not a REFI-QDA project or codebook/);
  });

  it('escapes text and attributes, keeps line breaks in attributes, and replaces what XML cannot hold', () => {
    expect(escapeText('a < b & c > d\r\n')).toBe('a &lt; b &amp; c &gt; d&#13;\n');
    expect(escapeAttribute('"x"\n\ty<')).toBe('&quot;x&quot;&#10;&#9;y&lt;');
    expect(escapeAttribute('bell\u0007 lone\uD800 pair😀')).toBe('bell\uFFFD lone\uFFFD pair😀');
    const xml = new XmlWriter();
    xml.start('Project', [['name', 'a\nb "c"'], ['skipped', undefined]]);
    xml.textElement('Description', 'x & y');
    xml.end();
    const written = xml.finish().toString('utf8');
    const root = parseXml('w.qde', written);
    expect(root.attrs).toEqual({ name: 'a\nb "c"' });
    expect(root.children[0]!.text).toBe('x & y');
  });

  it('refuses archive paths that lead out of the archive', () => {
    expect(unsafeEntryPath('sources/a.txt')).toBeNull();
    expect(unsafeEntryPath('project.qde')).toBeNull();
    expect(unsafeEntryPath('../a')).toMatch(/\.\./);
    expect(unsafeEntryPath('sources/../../a')).toMatch(/\.\./);
    expect(unsafeEntryPath('/etc/passwd')).toMatch(/absolute/);
    expect(unsafeEntryPath('C:/x')).toMatch(/drive letter/);
    expect(unsafeEntryPath('a\\..\\b')).toMatch(/backslash/);
    expect(unsafeEntryPath('')).toMatch(/empty/);
  });

  it('derives stable GUIDs that the schema accepts', () => {
    const guid = derivedGuid('selection 1');
    expect(guid).toBe(derivedGuid('selection 1'));
    expect(guid).not.toBe(derivedGuid('selection 2'));
    expect(normalizeGuid(guid)).toBe(guid);
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
