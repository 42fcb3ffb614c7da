import { statSync, writeFileSync } from 'node:fs';
import { GlossService } from '../../../app/service/service.js';
import { openRaw } from '../fixture.js';
import type { Section } from '../section.js';
import { megabytes, now, secondsSince } from '../timing.js';

/**
 * REFI-QDA exchange at full size: `exchange.exportQdpx` of the coded project, then
 * `exchange.import` of that .qdpx into a new project (one mutation), then the same file again
 * into the re-imported project (a merge that finds everything already there).
 */
export const refiSection: Section = {
  name: 'refi',
  title: 'REFI-QDA: export the coded project as .qdpx, re-import it into a new project, merge it again',
  async run(bench, report) {
    const coded = await bench.coded();
    const source = GlossService.open(coded.file);
    let start = now();
    const exported = await source.run('exchange.exportQdpx', {});
    const exportSeconds = secondsSince(start);
    start = now();
    const annotations = await source.run('exchange.exportAnnotations', {});
    const annotationSeconds = secondsSince(start);
    source.close();
    const archive = bench.newFile('export.qdpx');
    writeFileSync(archive, exported.data);

    const file = bench.newFile('reimported.gloss');
    const target = GlossService.create(file, 'reimported');
    const heapBefore = process.memoryUsage().heapUsed;
    start = now();
    const summary = await target.run('exchange.import', { fileName: 'export.qdpx', data: exported.data });
    const importSeconds = secondsSince(start);
    const heapAfter = process.memoryUsage().heapUsed;
    start = now();
    const merge = await target.run('exchange.import', { fileName: 'export.qdpx', data: exported.data });
    const mergeSeconds = secondsSince(start);
    target.close();

    // The re-imported project must hold what the original holds: same rows, same quotes.
    const count = (path: string, sql: string): number => {
      const db = openRaw(path);
      try {
        return db.prepare(sql).pluck().get() as number;
      } finally {
        db.close();
      }
    };
    const fingerprint = 'SELECT total(length(quote) * 31 + start * 7 + "end") FROM codings';
    const same = count(coded.file, fingerprint) === count(file, fingerprint) && count(coded.file, 'SELECT count(*) FROM codings') === summary.codings.created;
    if (!same || summary.skipped.length > 0 || merge.codings.created !== 0) {
      throw new Error(`the re-import differs: ${summary.codings.created} codings, ${summary.skipped.length} skipped groups, merge added ${merge.codings.created}`);
    }

    const c = exported.counts;
    report.note(`${c.documents} documents, ${c.codes} codes, ${c.codings} codings in ${c.selections} selections, ${c.coders} coders, ${c.memos} memos.`);
    report.figure('refi.export_s', exportSeconds, 's', 'exchange.exportQdpx: read, build project.qde, deflate');
    report.figure('refi.export_codings_s', c.codings / exportSeconds, 'codings/s');
    report.figure('refi.qdpx_mb', megabytes(exported.data.byteLength), 'MB', 'the .qdpx archive');
    report.figure('refi.import_s', importSeconds, 's', 'exchange.import into a new project: inflate, parse, plan, write (one mutation)');
    report.figure('refi.import_codings_s', summary.codings.created / importSeconds, 'codings/s');
    report.figure('refi.import_heap_delta_mb', megabytes(heapAfter - heapBefore), 'MB', 'JS heap after the import minus before (garbage included)');
    report.figure('refi.reimported_file_mb', megabytes(statSync(file).size), 'MB', 'project file after the re-import');
    report.figure('refi.merge_again_s', mergeSeconds, 's', `the same .qdpx again: ${merge.documents.matched} documents matched, ${merge.codings.alreadyPresent} codings already there`);
    report.figure('refi.annotations_s', annotationSeconds, 's', 'exchange.exportAnnotations (JSON-LD)');
    report.figure('refi.annotations_mb', megabytes(Buffer.byteLength(annotations.json)), 'MB');
  },
};
