import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
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
    expect(deflateRawSync(Buffer.alloc(10)).length).toBeGreaterThan(0);
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
