/**
 * exchange.mergeProject on real files: a coder's own .gloss copy and a .qdpx merge the same
 * way; this project (or an untouched copy of it), a damaged file, an empty file and another kind
 * of file are refused with the project left byte-identical.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossService } from '../../app/service/service.js';
import { glossErrorOf } from '../support/fixtures.js';
import { fileSha256, newProject, utf8 } from '../support/project.js';

const PAPER = 'Moscow mediated while Ankara armed Baku and Yerevan waited.\n';

async function codedCopy(file: string, coder: string, quote: string): Promise<void> {
  const service = GlossService.create(file, 'copy');
  await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
  await service.run('codings.apply', { document: 'paper', code: (await service.run('codes.add', { path: 'Actors/Turkey' })).id, coder, quote });
  service.close();
}

async function segmentsOf(service: GlossService): Promise<string[]> {
  return (await service.run('codings.list', {})).map((s) => `${s.coder}: ${s.text}`).sort();
}

describe('exchange.mergeProject', () => {
  it("merges another coder's .gloss copy, and its .qdpx export, alike and once", async () => {
    const { service, dir } = newProject('ani');
    await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
    await service.run('codes.add', { path: 'Actors/Turkey' });
    await service.run('codings.apply', { document: 'paper', code: 'Actors/Turkey', coder: 'Ani', quote: 'Ankara armed Baku' });
    const ben = path.join(dir, 'ben.gloss');
    await codedCopy(ben, 'Ben', 'Ankara armed Baku and Yerevan');

    const summary = await service.run('exchange.mergeProject', { fileName: 'ben.gloss', data: readFileSync(ben) });
    expect(summary.documents.matched).toBe(1);
    expect(summary.codings.created).toBe(1);
    expect(await segmentsOf(service)).toEqual(['Ani: Ankara armed Baku', 'Ben: Ankara armed Baku and Yerevan']);

    const other = GlossService.open(ben);
    const qdpx = await other.run('exchange.exportQdpx', {});
    other.close();
    const again = await service.run('exchange.mergeProject', { fileName: 'ben.qdpx', data: qdpx.data });
    expect(again.codings.created).toBe(0);
    expect(await segmentsOf(service)).toHaveLength(2);
    // Merging again wrote nothing, so undo takes back the first merge: one step, all of it.
    await service.run('history.undo', {});
    expect(await segmentsOf(service)).toEqual(['Ani: Ankara armed Baku']);
    await service.run('history.redo', {});
    expect(await segmentsOf(service)).toHaveLength(2);
    service.close();
  });

  it('refuses this very project, a damaged file, an empty one and another kind, changing nothing', async () => {
    const { service, file, dir } = newProject('ani');
    await service.run('documents.import', { fileName: 'paper.txt', data: utf8(PAPER) });
    service.close();
    const copy = path.join(dir, 'copy.gloss');
    copyFileSync(file, copy);
    const reopened = GlossService.open(file);
    const before = fileSha256(file);

    const self = await glossErrorOf(reopened.run('exchange.mergeProject', { fileName: 'copy.gloss', data: readFileSync(copy) }));
    expect(self.message).toMatch(/cannot be merged into itself/);

    const damaged = new Uint8Array(readFileSync(copy));
    damaged.fill(0x41, 0, 4096);
    const bad = await glossErrorOf(reopened.run('exchange.mergeProject', { fileName: 'broken.gloss', data: damaged }));
    expect(bad.message).toMatch(/broken\.gloss/);
    expect(bad.message).toMatch(/Nothing was merged/);

    const empty = await glossErrorOf(reopened.run('exchange.mergeProject', { fileName: 'empty.gloss', data: new Uint8Array() }));
    expect(empty.code).toBe('empty_file');

    const kind = await glossErrorOf(reopened.run('exchange.mergeProject', { fileName: 'notes.docx', data: utf8('x') }));
    expect(kind.code).toBe('unsupported_format');
    expect(kind.message).toMatch(/\.gloss.*\.qdpx/);

    expect((await reopened.run('history.list', {})).filter((entry) => entry.operation === 'exchange.import')).toHaveLength(0);
    reopened.close();
    expect(fileSha256(file)).toBe(before);
  });
});
