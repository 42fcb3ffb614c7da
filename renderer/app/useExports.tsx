import { useCallback, useState, type ReactElement } from 'react';
import type { MenuCommand } from '../../app/service/bridge.js';
import type { ExchangeWarning } from '../../app/service/refiViews.js';
import { ExportDialog } from './ExportDialog.js';
import type { Workbench } from './useWorkbench.js';

type ExchangeFormat = 'qdpx' | 'qdc' | 'jsonld';

const EXCHANGE_LABELS: Record<ExchangeFormat, string> = {
  qdpx: 'a REFI-QDA project (.qdpx)',
  qdc: 'a REFI-QDA codebook (.qdc)',
  jsonld: 'Web Annotations (JSON-LD)',
};

export type ExportCommand = 'export-codebook-csv' | 'export-segments-csv' | 'export-qdpx' | 'export-qdc' | 'export-annotations';

/** The Export menu's items, in order. */
export const EXPORT_ITEMS: [ExportCommand, string][] = [
  ['export-codebook-csv', 'Codebook (CSV)'],
  ['export-segments-csv', 'Coded segments (CSV)'],
  ['export-qdpx', 'Project for other QDA tools (.qdpx)'],
  ['export-qdc', 'Codebook for other QDA tools (.qdc)'],
  ['export-annotations', 'Web Annotations (JSON-LD)'],
];

export function isExportCommand(command: MenuCommand): command is ExportCommand {
  return command.startsWith('export-');
}

export interface Exports {
  run(command: ExportCommand): void;
  /** The REFI-QDA or Web Annotation dialog, while one is open. */
  dialog: ReactElement | null;
}

/** Every export of the top bar's menu: CSV straight away; exchange formats after saying what they leave out. */
export function useExports(wb: Workbench): Exports {
  const [exchange, setExchange] = useState<{ format: ExchangeFormat; warnings: ExchangeWarning[] } | null>(null);
  const base = wb.project?.name ?? 'gloss';
  const { api, notify } = wb;

  const failed = useCallback((error: unknown) => notify('error', error instanceof Error ? error.message : String(error)), [notify]);

  const exportCsv = useCallback(
    async (what: 'codebook' | 'segments') => {
      try {
        const { csv } = what === 'codebook' ? await api.run('export.codebookCsv', {}) : await api.run('export.segmentsCsv', {});
        if (await api.bridge.saveFile(`${base}-${what}.csv`, csv)) notify('info', `Exported the ${what} as CSV.`);
      } catch (error) {
        failed(error);
      }
    },
    [api, base, notify, failed],
  );

  const askExchange = useCallback(
    async (format: ExchangeFormat) => {
      try {
        setExchange({ format, warnings: await api.run('exchange.exportWarnings', { format }) });
      } catch (error) {
        failed(error);
      }
    },
    [api, failed],
  );

  const runExchange = useCallback(
    async (format: ExchangeFormat) => {
      setExchange(null);
      try {
        let saved: boolean;
        if (format === 'qdpx') saved = await api.bridge.saveFile(`${base}.qdpx`, (await api.run('exchange.exportQdpx', {})).data);
        else if (format === 'qdc') saved = await api.bridge.saveFile(`${base}-codebook.qdc`, (await api.run('exchange.exportQdc', {})).xml);
        else saved = await api.bridge.saveFile(`${base}-annotations.jsonld`, (await api.run('exchange.exportAnnotations', {})).json);
        if (saved) notify('info', `Exported ${EXCHANGE_LABELS[format]}.`);
      } catch (error) {
        failed(error);
      }
    },
    [api, base, notify, failed],
  );

  const run = useCallback(
    (command: ExportCommand): void => {
      if (command === 'export-codebook-csv') void exportCsv('codebook');
      else if (command === 'export-segments-csv') void exportCsv('segments');
      else if (command === 'export-qdpx') void askExchange('qdpx');
      else if (command === 'export-qdc') void askExchange('qdc');
      else void askExchange('jsonld');
    },
    [exportCsv, askExchange],
  );

  const dialog = exchange ? (
    <ExportDialog
      title={`Export ${EXCHANGE_LABELS[exchange.format]}`}
      warnings={exchange.warnings}
      onExport={() => void runExchange(exchange.format)}
      onCancel={() => setExchange(null)}
    />
  ) : null;

  return { run, dialog };
}
