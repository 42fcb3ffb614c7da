/**
 * `gloss report`: the team-review report as files — the printable HTML report, the agreement
 * tables as CSV and the decision log as CSV (Team review). Thin doors onto the service. Every
 * file is written whole or not at all.
 */
import type { Command } from 'commander';
import { GlossError } from '../domain/errors.js';
import { addMeasureOptions, measureInput, type MeasureOptions } from './coderScope.js';
import { withProject, type CliOutput } from './commandKit.js';
import { writeFileAtomically } from './io.js';

interface ReportOptions extends MeasureOptions {
  html?: string;
  agreementCsv?: string;
  logCsv?: string;
}

export function registerReportCommands(program: Command, io: CliOutput): void {
  addMeasureOptions(
    program
      .command('report')
      .description('the team-review report: a printable HTML page (scope, agreement per code and overall, review progress, decision log), the agreement tables as CSV, the decision log as CSV')
      .argument('<project>', 'the project file'),
  )
    .option('--html <file>', 'write the printable report (HTML; print it to PDF from a browser)')
    .option('--agreement-csv <file>', 'write the agreement tables as CSV (undefined figures empty, with their reasons)')
    .option('--log-csv <file>', 'write the decision log as CSV: every decision in the project, oldest first')
    .action(async (file: string, options: ReportOptions) => {
      if (options.html === undefined && options.agreementCsv === undefined && options.logCsv === undefined) {
        throw new GlossError('invalid_input', 'Say what to write: --html FILE, --agreement-csv FILE and/or --log-csv FILE.');
      }
      const input = measureInput(options);
      const written = await withProject(file, async (service) => {
        const outputs: [string, string][] = [];
        if (options.html !== undefined) outputs.push([options.html, (await service.run('review.report', input)).html]);
        if (options.agreementCsv !== undefined) outputs.push([options.agreementCsv, (await service.run('review.agreementCsv', input)).csv]);
        if (options.logCsv !== undefined) outputs.push([options.logCsv, (await service.run('review.logCsv', {})).csv]);
        return outputs;
      });
      for (const [target, content] of written) {
        writeFileAtomically(target, content);
        io.out(`Wrote ${target}`);
      }
    });
}
