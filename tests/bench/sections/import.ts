import type { Section } from '../section.js';
import { formatDuration, megabytes } from '../timing.js';

/** `documents.import` of every generated .txt file into a new project, one call per file. */
export const importSection: Section = {
  name: 'import',
  title: 'Import throughput (documents.import, one call per .txt file, into a new project)',
  async run(bench, report) {
    const imported = await bench.imported();
    const count = imported.documents.length;
    const mb = megabytes(imported.textBytes);
    const characters = imported.documents.reduce((sum, document) => sum + document.characters, 0);
    const perDocument = imported.importPerDocument;
    const tenth = Math.max(1, Math.floor(count / 10));

    report.note(`Generating the files (not measured) took ${formatDuration(imported.generateSeconds)}.`);
    report.figure('import.documents', count, 'documents');
    report.figure('import.text_mb', mb, 'MB', 'UTF-8 bytes of the .txt files');
    report.figure('import.characters', characters, 'code points', 'sum of documents.list `characters`');
    report.figure('import.total_s', imported.importSeconds, 's');
    report.figure('import.throughput_docs_s', count / imported.importSeconds, 'documents/s');
    report.figure('import.throughput_mb_s', mb / imported.importSeconds, 'MB/s');
    report.figure('import.per_document_median_ms', perDocument.median * 1e3, 'ms');
    report.figure('import.per_document_p90_ms', perDocument.percentile(90) * 1e3, 'ms');
    report.figure('import.first_tenth_median_ms', perDocument.slice(0, tenth).median * 1e3, 'ms', `first ${tenth} documents`);
    report.figure('import.last_tenth_median_ms', perDocument.slice(count - tenth).median * 1e3, 'ms', `last ${tenth} documents`);
    report.figure('import.file_size_mb', megabytes(imported.fileBytesAfterImport), 'MB', 'project file after import, WAL checkpointed');
    report.figure('import.file_size_per_text', imported.fileBytesAfterImport / imported.textBytes, 'x', 'file size / text size');
    report.figure('import.codebook_s', imported.codebookSeconds, 's', `coders.add x ${imported.coders.length}, codes.add x ${imported.codes.length}`);
  },
};
