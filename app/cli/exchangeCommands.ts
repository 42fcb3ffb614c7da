/**
 * The command line for exchange with other QDA programs (REFI-QDA .qdpx / .qde / .qdc, W3C Web
 * Annotation JSON-LD). `gloss export` and `gloss import` (app/cli/program.ts) hand these
 * formats to the helpers here; `gloss exchange …` adds a preview and the list of what each
 * format cannot carry.
 */
import { plural } from '../domain/plural.js';
import type { Command } from 'commander';
import path from 'node:path';
import { GlossError } from '../domain/errors.js';
import { GlossService } from '../service/service.js';
import type { ExchangeImportSummary, ExchangeWarning } from '../service/refiViews.js';
import { writeFileAtomically } from './io.js';

import { readInputFile, withProject, type CliOutput } from './commandKit.js';

const EXCHANGE_EXTENSIONS = /\.(qdpx|qde|qdc)$/i;

/** Whether `gloss import` hands this file to the exchange import. */
export function isExchangeFile(file: string): boolean {
  return EXCHANGE_EXTENSIONS.test(file);
}

function printWarnings(io: CliOutput, format: string, warnings: readonly ExchangeWarning[]): void {
  if (warnings.length === 0) return;
  io.err(`What ${format} cannot carry of this project:`);
  for (const warning of warnings) io.err(`  - ${warning.message}`);
}

/** The summary as lines for people. */
export function formatImportSummary(summary: ExchangeImportSummary): string {
  const s = summary;
  const lines: string[] = [];
  const verb = s.applied ? 'Imported' : 'Importing would bring';
  lines.push(`${verb} ${s.kind === 'codebook' ? 'the codebook' : 'the project'} ${s.file}${s.origin ? ` (written by ${s.origin})` : ''}${s.mode === 'new project' ? ' into this empty project' : ', merged into this project'}:`);
  if (s.kind === 'project') lines.push(`  documents  ${s.documents.created} new, ${s.documents.matched} already here (same text)`);
  lines.push(`  codes      ${s.codes.created} new, ${s.codes.matched} already here (same GUID or path)`);
  if (s.kind === 'project') {
    lines.push(`  codings    ${s.codings.created} new${s.codings.alreadyPresent > 0 ? `, ${s.codings.alreadyPresent} already here` : ''}`);
    lines.push(`  coders     ${s.coders.created} new, ${s.coders.matched} already here${s.coders.renamed.map((r) => `; "${r.name}" is another person here, imported as "${r.as}"`).join('')}`);
    lines.push(`  attributes ${s.attributes.created} new, ${s.attributes.values} values`);
  }
  lines.push(`  memos      ${s.memos.created} new`);
  for (const report of s.positions) {
    if (report.selections === 0) continue;
    lines.push(`  positions in "${report.document}": ${report.rule} (${report.reason})${report.nameMismatches > 0 ? `; ${report.nameMismatches} selection names differ from their text` : ''}`);
  }
  if (s.skipped.length > 0) {
    lines.push('  skipped:');
    for (const group of s.skipped) {
      lines.push(`    ${group.count} ${group.what}${group.count === 1 ? '' : '(s)'}: ${group.reason}${group.examples.length > 0 ? ` — e.g. ${group.examples.slice(0, 3).join('; ')}` : ''}`);
    }
  }
  for (const note of s.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

/** `gloss import PROJECT x.qdpx`: one exchange file into an open project. */
export async function importExchangeFile(service: GlossService, source: string, data: Uint8Array, io: CliOutput, json: boolean): Promise<ExchangeImportSummary> {
  const summary = await service.run('exchange.import', { fileName: path.basename(source), data });
  if (!json) io.out(formatImportSummary(summary));
  return summary;
}

export interface ExchangeExportOptions {
  format?: string;
  output?: string;
}

/**
 * `gloss export PROJECT qdpx|annotations|codebook --format qdc …`. Returns false when the
 * request is not an exchange format (csv exports stay in program.ts).
 */
export async function exportExchange(file: string, what: string, options: ExchangeExportOptions, io: CliOutput): Promise<boolean> {
  const format = options.format?.toLowerCase();
  const kind =
    what === 'qdpx' || what === 'project' ? (format === undefined || format === 'qdpx' ? 'qdpx' : undefined) :
    what === 'annotations' ? (format === undefined || format === 'jsonld' || format === 'json-ld' ? 'jsonld' : undefined) :
    what === 'codebook' && format === 'qdc' ? 'qdc' : null;
  if (kind === null) return false;
  if (kind === undefined) {
    throw new GlossError('invalid_input', what === 'annotations' ? `Annotations are written as --format jsonld, not "${options.format}".` : `A project is written as --format qdpx, not "${options.format}".`);
  }
  const service = GlossService.open(file);
  try {
    if (kind === 'qdpx') {
      if (!options.output) throw new GlossError('invalid_input', 'A .qdpx archive is binary: give the file to write with -o FILE.qdpx.');
      const result = await service.run('exchange.exportQdpx', {});
      printWarnings(io, 'a .qdpx project', result.warnings);
      writeFileAtomically(options.output, result.data);
      const c = result.counts;
      io.err(`Wrote ${options.output}: ${plural(c.documents, 'document')}, ${plural(c.codes, 'code')}, ${plural(c.codings, 'coding')} (${plural(c.selections, 'selection')}), ${plural(c.coders, 'coder')}, ${plural(c.memos, 'memo')}, ${plural(c.attributes, 'attribute')}`);
    } else if (kind === 'qdc') {
      const result = await service.run('exchange.exportQdc', {});
      printWarnings(io, 'a .qdc codebook', result.warnings);
      if (options.output) {
        writeFileAtomically(options.output, result.xml);
        io.err(`Wrote ${options.output}: ${plural(result.codes, 'code')}`);
      } else {
        io.out(result.xml.replace(/\n$/, ''));
      }
    } else {
      const result = await service.run('exchange.exportAnnotations', {});
      printWarnings(io, 'Web Annotations', result.warnings);
      if (options.output) {
        writeFileAtomically(options.output, result.json);
        io.err(`Wrote ${options.output}: ${result.annotations} annotations`);
      } else {
        io.out(result.json.replace(/\n$/, ''));
      }
    }
  } finally {
    service.close();
  }
  return true;
}

export function registerExchangeCommands(program: Command, io: CliOutput): void {
  program
    .command('merge')
    .description("bring another coder's work into this project: another Gloss project (*.gloss) or a .qdpx; documents match by content, codes by id then path, coders stay distinct")
    .argument('<project>', 'the project to merge into')
    .argument('<other>', 'the other project: OTHER.gloss or OTHER.qdpx')
    .option('--json', 'print the merge summary as JSON')
    .action(async (file: string, other: string, options: { json?: boolean }) => {
      const data = readInputFile(other);
      await withProject(file, async (service) => {
        const summary = await service.run('exchange.mergeProject', { fileName: path.basename(other), data });
        io.out(options.json ? JSON.stringify(summary, null, 2) : formatImportSummary(summary));
      });
    });

  const exchange = program.command('exchange').description('exchange with other QDA programs (REFI-QDA .qdpx/.qdc, Web Annotations): preview an import, list what a format cannot carry');

  exchange
    .command('preview')
    .description('what importing a .qdpx, .qde or .qdc file would bring and skip; changes nothing')
    .argument('<project>', 'the project file')
    .argument('<file>', 'the .qdpx, .qde or .qdc file')
    .option('--json', 'print JSON')
    .action(async (file: string, source: string, options: { json?: boolean }) => {
      const data = readInputFile(source);
      const service = GlossService.open(file);
      try {
        const summary = await service.run('exchange.previewImport', { fileName: path.basename(source), data });
        io.out(options.json ? JSON.stringify(summary, null, 2) : formatImportSummary(summary));
      } finally {
        service.close();
      }
    });

  exchange
    .command('limits')
    .description('what a format cannot carry of this project (told again before each export)')
    .argument('<project>', 'the project file')
    .requiredOption('--format <format>', 'qdpx | qdc | jsonld')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { format: string; json?: boolean }) => {
      const format = options.format.toLowerCase();
      if (format !== 'qdpx' && format !== 'qdc' && format !== 'jsonld') throw new GlossError('invalid_input', `--format is qdpx, qdc or jsonld, not "${options.format}".`);
      const service = GlossService.open(file);
      try {
        const warnings = await service.run('exchange.exportWarnings', { format });
        io.out(options.json ? JSON.stringify(warnings, null, 2) : warnings.map((warning) => `- ${warning.message}`).join('\n') || 'Nothing: the format carries all of it.');
      } finally {
        service.close();
      }
    });
}
