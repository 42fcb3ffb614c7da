import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadRefi } from '../../app/formats/refi/load.js';
import { DEFAULT_ZIP_LIMITS, openZip } from '../../app/formats/refi/zipReader.js';
import { writeZip } from '../../app/formats/refi/zipWriter.js';
import { glossErrorOf } from '../support/fixtures.js';
import { hasShared, SHARED_MISSING, sharedDir } from '../support/paths.js';

const samplesDir = path.join(sharedDir, 'reference', 'refi-qda', 'samples');
const hasSamples = hasShared && existsSync(samplesDir);
if (!hasSamples) console.warn(`tests/formats/refiZip.test.ts: ${SHARED_MISSING}`);

/** The archive with every entry's uncompressed size, in its local and central headers, set to `size`. */
function declareUncompressedSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    view.setUint32(at + 24, size, true);
    const local = view.getUint32(at + 42, true);
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    view.setUint32(local + 22, size, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return bytes;
}

describe('REFI-QDA archives', () => {
  it('writes a ZIP that other readers open, and reads it back', async () => {
    const data = await writeZip([{ path: 'project.qde', data: new TextEncoder().encode('<Project/>') }, { path: 'sources/a.txt', data: new TextEncoder().encode('é😀') }]);
    const other = await JSZip.loadAsync(data);
    expect(await other.file('sources/a.txt')!.async('string')).toBe('é😀');
    const archive = await openZip('a.qdpx', data);
    expect(archive.entries.map((entry) => entry.path)).toEqual(['project.qde', 'sources/a.txt']);
    expect(new TextDecoder().decode(await archive.read(archive.find('Sources/A.TXT')!))).toBe('é😀');
  });

  it('stops inflating at the bounds it is given, whatever the headers say', async () => {
    const zip = new JSZip();
    zip.file('big.txt', 'x'.repeat(300_000));
    zip.file('b.txt', 'y'.repeat(300_000));
    const data = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const perEntry = await openZip('a.qdpx', data, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100_000 });
    expect((await glossErrorOf(perEntry.read(perEntry.find('big.txt')!))).message).toMatch(/"big\.txt" inflates to more than 97\.7 KiB/);
    const total = await openZip('a.qdpx', data, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 500_000 });
    await total.read(total.find('big.txt')!);
    expect((await glossErrorOf(total.read(total.find('b.txt')!))).message).toMatch(/more than 488\.3 KiB in total/);
    const ratio = await openZip('a.qdpx', data, { ...DEFAULT_ZIP_LIMITS, ratioGraceBytes: 1000, maxRatio: 50 });
    expect((await glossErrorOf(ratio.read(ratio.find('big.txt')!))).message).toMatch(/more than 50 times its compressed size/);
    expect((await glossErrorOf(openZip('a.qdpx', data, { ...DEFAULT_ZIP_LIMITS, maxEntries: 1 }))).message).toMatch(/lists 2 entries, more than the 1/);
  });

  it('trusts no declared size: an entry whose headers claim 10 bytes is stopped as it inflates past them', async () => {
    const zip = new JSZip();
    zip.file('big.txt', 'x'.repeat(300_000));
    const honest = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const lying = declareUncompressedSize(honest, 10);
    const archive = await openZip('a.qdpx', lying, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100_000 });
    const entry = archive.find('big.txt')!;
    expect(entry.declaredSize).toBe(10);
    const error = await glossErrorOf(archive.read(entry));
    expect(error.code).toBe('bad_file');
    expect(error.message).toMatch(/a\.qdpx is damaged at "big\.txt"/);
    // Stopped at the lie, long before the 300,000 bytes the entry really holds.
    expect(archive.inflatedBytes).toBeLessThan(100_000);
    // The honest archive, under the same limits, is refused by what it inflates to.
    const real = await openZip('a.qdpx', honest, { ...DEFAULT_ZIP_LIMITS, maxEntryBytes: 100_000 });
    expect((await glossErrorOf(real.read(real.find('big.txt')!))).message).toMatch(/inflates to more than 97\.7 KiB/);
  });

  it.skipIf(!hasSamples)('loads every sample: project, sources and notes', async () => {
    for (const file of readdirSync(samplesDir).filter((name) => /\.(qdpx|qde|qdc)$/.test(name))) {
      const loaded = await loadRefi(file, new Uint8Array(readFileSync(path.join(samplesDir, file))));
      expect(loaded.kind, file).toBe(file.endsWith('.qdc') ? 'codebook' : 'project');
    }
    const nvivo = await loadRefi('n.qdpx', new Uint8Array(readFileSync(path.join(samplesDir, 'nvivo-12.6-win_oltas0517.qdpx'))));
    if (nvivo.kind !== 'project') throw new Error('not a project');
    // NVivo for Windows writes Sources/ with a capital S; the texts have a BOM and CRLF.
    for (const result of nvivo.texts.values()) {
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.from).toMatch(/^Sources\//);
        expect(result.raw).toContain('\r\n');
      }
    }
  });
});
