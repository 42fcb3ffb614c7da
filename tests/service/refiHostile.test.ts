import { deflateRawSync, crc32, createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GlossService } from '../../app/service/service.js';
import { glossErrorOf } from '../support/fixtures.js';
import { fileSha256, newProject, utf8 } from '../support/project.js';

interface RawEntry {
  name: string;
  /** Deflated bytes, their inflated size and CRC-32 (or stored data). */
  compressed: Uint8Array;
  size: number;
  crc: number;
  method: 0 | 8;
}

function stored(name: string, text: string): RawEntry {
  const data = utf8(text);
  return { name, compressed: data, size: data.length, crc: crc32(data), method: 0 };
}

function deflated(name: string, text: string): RawEntry {
  const data = utf8(text);
  return { name, compressed: deflateRawSync(data), size: data.length, crc: crc32(data), method: 8 };
}

/** A ZIP written byte by byte, so a test can put anything in it (names, sizes, counts). */
function zip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(entry.compressed));
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.compressed.length, 20);
    record.writeUInt32LE(entry.size, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, name);
    offset += 30 + name.length + entry.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (entries.length < 0xffff) return new Uint8Array(Buffer.concat([...locals, directory, end]));
  // More entries than 16 bits count: the ZIP64 end record and its locator hold the real count.
  const zip64 = Buffer.alloc(56);
  zip64.writeUInt32LE(0x06064b50, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE(45, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(entries.length), 24);
  zip64.writeBigUInt64LE(BigInt(entries.length), 32);
  zip64.writeBigUInt64LE(BigInt(directory.length), 40);
  zip64.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, zip64, locator, end]));
}

const TEXT = 'Russia pursued pivotal containment.\n';

function projectXml(selection = '<PlainTextSelection guid="00000000-0000-4000-8000-000000000003" startPosition="15" endPosition="34"><Coding guid="00000000-0000-4000-8000-000000000004" creatingUser="00000000-0000-4000-8000-000000000001"><CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>', prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${prolog}
<Project xmlns="urn:QDA-XML:project:1.0" name="hostile" origin="test">
  <Users><User guid="00000000-0000-4000-8000-000000000001" name="Ani"/></Users>
  <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000002" name="containment" isCodable="true"/></Codes></CodeBook>
  <Sources><TextSource guid="00000000-0000-4000-8000-000000000005" name="paper" plainTextPath="internal://paper.txt">${selection}</TextSource></Sources>
</Project>`;
}

/** 1 GiB of zeros, deflated (about 1 MB), with the real size and CRC in its headers. */
async function gigabyteOfZeros(name: string): Promise<RawEntry> {
  const chunk = Buffer.alloc(1 << 20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve) => deflate.on('end', resolve));
  let crc = 0;
  for (let i = 0; i < 1024; i++) {
    crc = crc32(chunk, crc);
    deflate.write(chunk);
  }
  deflate.end();
  await done;
  return { name, compressed: new Uint8Array(Buffer.concat(parts)), size: 2 ** 30, crc, method: 8 };
}

/** Import `data` into a project with content; expect a clear error and the file unchanged. */
async function expectRefused(fileName: string, data: Uint8Array, message: RegExp): Promise<void> {
  const { service, file } = newProject('target');
  await service.run('documents.import', { fileName: 'mine.txt', data: utf8('My own notes.\n') });
  service.close();
  const before = fileSha256(file);
  const reopened = GlossService.open(file);
  const error = await glossErrorOf(reopened.run('exchange.import', { fileName, data }));
  expect(error.code).toBe('bad_file');
  expect(error.message).toMatch(message);
  expect(error.message).toMatch(/Nothing was imported|nothing was imported/);
  const counts = (await reopened.run('project.info', {})).counts;
  expect(counts).toEqual({ documents: 1, codes: 0, codings: 0, coders: 0, memos: 0 });
  expect(await reopened.run('history.list', {})).toHaveLength(1);
  reopened.close();
  expect(fileSha256(file)).toBe(before);
}

describe('hostile REFI-QDA files are refused with nothing written', () => {
  it('accepts the well-formed archive the hostile ones are made from', async () => {
    const { service } = newProject('ok');
    const summary = await service.run('exchange.import', { fileName: 'ok.qdpx', data: zip([deflated('project.qde', projectXml()), stored('sources/paper.txt', TEXT)]) });
    expect(summary).toMatchObject({ documents: { created: 1 }, codings: { created: 1 } });
    expect((await service.run('codings.list', {}))[0]!.text).toBe('pivotal containment');
    service.close();
  });

  it('an entry path with ../', async () => {
    await expectRefused('evil.qdpx', zip([deflated('project.qde', projectXml()), stored('sources/paper.txt', TEXT), stored('sources/../../evil.txt', 'x')]), /"sources\/\.\.\/\.\.\/evil\.txt" has a "\.\." in its path, which would lead out of the archive/);
  });

  it('an absolute entry path, and a drive letter', async () => {
    await expectRefused('evil.qdpx', zip([deflated('project.qde', projectXml()), stored('/etc/cron.d/evil', 'x')]), /"\/etc\/cron\.d\/evil" has an absolute path/);
    await expectRefused('evil.qdpx', zip([deflated('project.qde', projectXml()), stored('C:/Windows/evil.txt', 'x')]), /starts with a drive letter/);
  });

  it('XML with a DOCTYPE: an external entity (XXE), and entity expansion in a codebook', async () => {
    const xxe = projectXml(undefined, '\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('name="paper"', 'name="&xxe;"');
    await expectRefused('xxe.qdpx', zip([deflated('project.qde', xxe), stored('sources/paper.txt', TEXT)]), /document type declaration/);
    const laughs = '<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000002" name="&b;" isCodable="true"/></Codes></CodeBook>';
    await expectRefused('laughs.qdc', utf8(laughs), /document type declaration/);
    await expectRefused('bare.qde', utf8(xxe), /document type declaration/);
  });

  it('an entry that inflates past the bound: 1 GiB of zeros (a zip bomb), honest or lying about its size', async () => {
    const bomb = await gigabyteOfZeros('sources/paper.txt');
    await expectRefused('bomb.qdpx', zip([deflated('project.qde', projectXml()), bomb]), /inflates more than 200 times its compressed size \(a "zip bomb"\)/);
    await expectRefused('bomb.qdpx', zip([{ ...bomb, name: 'project.qde' }]), /zip bomb/);
    // Headers that claim a small size are not believed: inflation stops at the first extra byte.
    await expectRefused('liar.qdpx', zip([deflated('project.qde', projectXml()), { ...bomb, size: TEXT.length }]), /damaged at "sources\/paper\.txt"/);
  });

  it('a huge number of entries', async () => {
    const entries = [deflated('project.qde', projectXml()), stored('sources/paper.txt', TEXT)];
    for (let i = 0; i < 100_000; i++) entries.push(stored(`sources/${i}.txt`, ''));
    await expectRefused('many.qdpx', zip(entries), /lists 100,002 entries, more than the 100,000 a project may hold/);
  });

  it('no project.qde', async () => {
    await expectRefused('empty.qdpx', zip([stored('sources/paper.txt', TEXT)]), /holds no project\.qde/);
  });

  it('a selection past the end of its text', async () => {
    const past = projectXml('<PlainTextSelection guid="00000000-0000-4000-8000-000000000003" name="containment" startPosition="25" endPosition="400"><Coding guid="00000000-0000-4000-8000-000000000004"><CodeRef targetGUID="00000000-0000-4000-8000-000000000002"/></Coding></PlainTextSelection>');
    await expectRefused('past.qdpx', zip([deflated('project.qde', past), stored('sources/paper.txt', TEXT)]), /runs from 25 to 400, past the end of its text \(36 positions/);
  });

  it('not a ZIP, and not XML', async () => {
    await expectRefused('junk.qdpx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /not a readable ZIP archive/);
    await expectRefused('junk.qdc', utf8('<CodeBook><Codes>'), /not well-formed XML/);
  });
});
