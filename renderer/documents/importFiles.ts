import type { PickedFile } from '../../app/service/bridge.js';
import type { ExchangeImportSummary } from '../../app/service/refiViews.js';
import { ApiError, type Api } from '../api/api.js';

export interface FileOutcome {
  name: string;
  status: 'pending' | 'imported' | 'duplicate' | 'failed';
  detail: string;
}

/**
 * Import files one by one (each document whole or not at all), reporting after each one so
 * the pane can draw a progress bar and a result per file. A codebook .csv merges codes; a .gloss
 * (another coder's copy) or .qdpx merges a whole project in.
 */
export async function importFiles(api: Api, files: PickedFile[], progress: (outcomes: FileOutcome[]) => void): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = files.map((file) => ({ name: file.name, status: 'pending', detail: '' }));
  progress([...outcomes]);
  for (const [i, file] of files.entries()) {
    try {
      if (/\.gloss$/i.test(file.name)) {
        // Another coder's copy of the project: merged in, their codings kept under their name.
        const summary = await api.run('exchange.mergeProject', { fileName: file.name, data: file.data });
        outcomes[i] = { name: file.name, status: 'imported', detail: describeExchangeImport(summary) };
      } else if (/\.(qdpx|qde|qdc)$/i.test(file.name)) {
        const summary = await api.run('exchange.import', { fileName: file.name, data: file.data });
        outcomes[i] = { name: file.name, status: 'imported', detail: describeExchangeImport(summary) };
      } else if (/\.csv$/i.test(file.name)) {
        const result = await api.run('codes.importCsv', { csv: new TextDecoder().decode(file.data) });
        outcomes[i] = { name: file.name, status: 'imported', detail: `codebook: ${result.created} codes added, ${result.updated} changed` };
      } else {
        const result = await api.run('documents.import', { fileName: file.name, data: file.data });
        outcomes[i] =
          result.status === 'imported'
            ? { name: file.name, status: 'imported', detail: `${result.document.characters.toLocaleString()} characters` }
            : { name: file.name, status: 'duplicate', detail: `already in the project as “${result.existing.title}”` };
      }
    } catch (error) {
      outcomes[i] = { name: file.name, status: 'failed', detail: error instanceof ApiError ? error.message : String(error) };
    }
    progress([...outcomes]);
  }
  return outcomes;
}

/** One line for the import report: what a REFI-QDA file brought, and what it left out. */
export function describeExchangeImport(summary: ExchangeImportSummary): string {
  const brought = [
    `${summary.documents.created} documents`,
    `${summary.codes.created} codes`,
    `${summary.codings.created} codings`,
    `${summary.coders.created} coders`,
    `${summary.memos.created} memos`,
  ].join(', ');
  const matched = summary.documents.matched + summary.codes.matched > 0 ? `; matched ${summary.documents.matched} documents and ${summary.codes.matched} codes already here` : '';
  const skipped = summary.skipped.length > 0 ? `; skipped: ${summary.skipped.map((group) => `${group.count} ${group.what} (${group.reason})`).join('; ')}` : '';
  return `${summary.mode}${summary.origin ? ` from ${summary.origin}` : ''}: ${brought}${matched}${skipped}`;
}
