import { Command, Option } from 'commander';
import { plural } from '../domain/plural.js';
import path from 'node:path';
import { GlossError, toErrorInfo } from '../domain/errors.js';
import type { Input } from '../service/contract.js';
import { GlossService } from '../service/service.js';
import { openSession } from '../host/session.js';
import { registerAgreementCommands } from './agreementCommands.js';
import { registerAnalysisCommands } from './analysisCommands.js';
import { registerDocumentCommands } from './documentCommands.js';
import { exportExchange, importExchangeFile, isExchangeFile, registerExchangeCommands } from './exchangeCommands.js';
import { registerReportCommands } from './reportCommands.js';
import { registerReviewCommands } from './reviewCommands.js';
import { formatCodeTree, formatDocumentLine, formatDocumentTable, formatSegments } from './format.js';
import { defaultCoderName, writeFileAtomically } from './io.js';
import { type CliOutput, json, parseOffset, parsePositive, readInputFile, withProject } from './commandKit.js';

export type { CliOutput } from './commandKit.js';

function segmentFilter(options: { code?: string; subcodes?: boolean; doc?: string; coder?: string }): Input<'codings.list'> {
  return {
    ...(options.code !== undefined ? { code: options.code } : {}),
    ...(options.subcodes ? { includeSubcodes: true } : {}),
    ...(options.doc !== undefined ? { document: options.doc } : {}),
    ...(options.coder !== undefined ? { coder: options.coder } : {}),
  };
}

/** The `gloss` command line: a thin door onto the service. */
export function buildProgram(io: CliOutput): Command {
  const program = new Command('gloss')
    .description('Gloss: qualitative coding of texts, offline. Every command works on one project file (*.gloss).')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text.replace(/\n$/, '')), writeErr: (text) => io.err(text.replace(/\n$/, '')) });

  program
    .command('new')
    .description('create a new, empty project file')
    .argument('<project>', 'the file to create, e.g. karabakh.gloss')
    .option('--name <name>', 'the project name (default: the file name)')
    .action((file: string, options: { name?: string }) => {
      const service = GlossService.create(file, options.name ?? path.basename(file).replace(/\.gloss$/i, ''));
      service.close();
      io.out(`Created ${file}`);
    });

  program
    .command('import')
    .description('import documents (.txt .md .html .docx .pdf), a codebook (.csv, .qdc) or a REFI-QDA project (.qdpx, .qde: into an empty project, or merged); each file is imported whole or not at all')
    .argument('<project>', 'the project file')
    .argument('<files...>', 'files to import')
    .option('--json', 'print the results as JSON')
    .action(async (file: string, files: string[], options: { json?: boolean }) => {
      let failures = 0;
      const results: unknown[] = [];
      await withProject(file, async (service) => {
        for (const [i, source] of files.entries()) {
          if (files.length > 1) io.err(`[${i + 1}/${files.length}] ${source}`);
          try {
            const data = readInputFile(source);
            if (isExchangeFile(source)) {
              results.push({ file: source, exchange: await importExchangeFile(service, source, data, io, options.json === true) });
              continue;
            }
            if (/\.csv$/i.test(source)) {
              const result = await service.run('codes.importCsv', { csv: new TextDecoder().decode(data) });
              results.push({ file: source, codebook: result });
              if (!options.json) io.out(`codebook ${source}: ${plural(result.created, 'code')} added, ${result.updated} changed, ${result.unchanged} unchanged`);
              continue;
            }
            const result = await service.run('documents.import', { fileName: path.basename(source), data });
            results.push({ file: source, ...result });
            if (result.status === 'imported') {
              if (!options.json) io.out(formatDocumentLine(result.document));
            } else {
              io.err(`skipped ${source}: the same text is already in the project as "${result.existing.title}" (${result.existing.id})`);
            }
          } catch (error) {
            failures++;
            const message = toErrorInfo(error).message;
            results.push({ file: source, status: 'failed', error: message });
            io.err(`gloss: ${message}`);
          }
        }
      });
      if (options.json) io.out(json(results));
      if (failures > 0) {
        const rest = failures === files.length ? 'nothing was imported' : 'the others were imported';
        throw new GlossError('bad_file', `${failures} of ${plural(files.length, 'file')} could not be imported (see above); ${rest}.`);
      }
    });

  program
    .command('docs')
    .description('list the documents in a project')
    .argument('<project>', 'the project file')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const documents = await withProject(file, (service) => service.run('documents.list', {}));
      io.out(options.json ? json(documents) : formatDocumentTable(documents));
    });

  program
    .command('codes')
    .description('show the codebook as a tree with counts')
    .argument('<project>', 'the project file')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const codes = await withProject(file, (service) => service.run('codes.list', {}));
      io.out(options.json ? json(codes) : formatCodeTree(codes));
    });

  const code = program.command('code').description('change the codebook and apply codes');

  code
    .command('add')
    .description('add a code; PATH like "Russian policy/pivotal containment" (missing parents are created)')
    .argument('<project>', 'the project file')
    .argument('<path>', 'the code path, names separated by "/" (write "\\/" for a slash inside a name)')
    .option('--color <#RRGGBB>', 'the colour, e.g. #1F77B4 (default: the next colour of the palette)')
    .option('--description <text>', 'what the code means')
    .option('--json', 'print the new code as JSON')
    .action(async (file: string, codePath: string, options: { color?: string; description?: string; json?: boolean }) => {
      const created = await withProject(file, (service) =>
        service.run('codes.add', { path: codePath, ...(options.color !== undefined ? { color: options.color } : {}), ...(options.description !== undefined ? { description: options.description } : {}) }),
      );
      io.out(options.json ? json(created) : `${created.id}\t${created.path}\t${created.color}`);
    });

  code
    .command('update')
    .description('rename a code or change its colour and codebook fields')
    .argument('<project>', 'the project file')
    .argument('<code>', 'the code path or id')
    .option('--name <name>', 'a new name (the code stays where it is)')
    .option('--color <#RRGGBB>', 'a new colour')
    .option('--description <text>', 'description')
    .option('--definition <text>', 'definition')
    .option('--when-to-use <text>', 'when to use it')
    .option('--when-not-to-use <text>', 'when not to use it')
    .option('--example <text>', 'an example')
    .action(async (file: string, reference: string, options: Record<string, string | undefined>) => {
      const updated = await withProject(file, (service) =>
        service.run('codes.update', {
          code: reference,
          name: options.name,
          color: options.color,
          description: options.description,
          definition: options.definition,
          whenToUse: options.whenToUse,
          whenNotToUse: options.whenNotToUse,
          example: options.example,
        }),
      );
      io.out(`${updated.id}\t${updated.path}\t${updated.color}`);
    });

  code
    .command('move')
    .description('move a code under another code, or to the top level with --root')
    .argument('<project>', 'the project file')
    .argument('<code>', 'the code path or id')
    .addOption(new Option('--parent <code>', 'the new parent code').conflicts('root'))
    .option('--root', 'move it to the top level')
    .action(async (file: string, reference: string, options: { parent?: string; root?: boolean }) => {
      if (options.parent === undefined && !options.root) throw new GlossError('invalid_input', 'Say where the code goes: --parent PATH, or --root for the top level.');
      const moved = await withProject(file, (service) => service.run('codes.move', { code: reference, parent: options.root ? null : options.parent! }));
      io.out(`${moved.id}\t${moved.path}`);
    });

  code
    .command('delete')
    .description('delete a code, its sub-codes and their codings (undo brings them back)')
    .argument('<project>', 'the project file')
    .argument('<code>', 'the code path or id')
    .action(async (file: string, reference: string) => {
      const deleted = await withProject(file, (service) => service.run('codes.delete', { code: reference }));
      io.out(`Deleted ${reference} and ${plural(deleted.codings, 'coding')}. \`gloss undo ${file}\` brings them back.`);
    });

  code
    .command('apply')
    .description('code a passage: by its exact text (--quote) or by code-point offsets (--start, --end; half-open)')
    .argument('<project>', 'the project file')
    .requiredOption('--doc <id|title>', 'the document')
    .requiredOption('--code <path>', 'the code path or id')
    .option('--quote <text>', 'the exact text to code')
    .option('--occurrence <n>', 'which occurrence of --quote (default 1)', parsePositive)
    .option('--start <n>', 'start offset in code points', parseOffset)
    .option('--end <n>', 'end offset in code points (exclusive)', parseOffset)
    .option('--coder <name>', 'who codes (default: $GLOSS_CODER or your user name)')
    .option('--memo <text>', 'a memo on the coding')
    .action(async (file: string, options: { doc: string; code: string; quote?: string; occurrence?: number; start?: number; end?: number; coder?: string; memo?: string }) => {
      const byOffsets = options.start !== undefined || options.end !== undefined;
      if (options.quote !== undefined && byOffsets) throw new GlossError('invalid_input', 'Give either --quote or --start and --end, not both.');
      if (options.quote === undefined && (options.start === undefined || options.end === undefined)) {
        throw new GlossError('invalid_input', 'Say what to code: --quote "exact text", or both --start N and --end N.');
      }
      if (options.occurrence !== undefined && options.quote === undefined) throw new GlossError('invalid_input', '--occurrence goes with --quote.');
      const segment = await withProject(file, (service) =>
        service.run('codings.apply', {
          document: options.doc,
          code: options.code,
          coder: options.coder ?? defaultCoderName(),
          ...(options.quote !== undefined ? { quote: options.quote } : { start: options.start!, end: options.end! }),
          ...(options.occurrence !== undefined ? { occurrence: options.occurrence } : {}),
          ...(options.memo !== undefined ? { memo: options.memo } : {}),
        }),
      );
      io.out(json(segment));
    });

  code
    .command('remove')
    .description('remove one coding by its id')
    .argument('<project>', 'the project file')
    .argument('<coding>', 'the coding id (see `gloss segments --json`)')
    .action(async (file: string, coding: string) => {
      await withProject(file, (service) => service.run('codings.delete', { coding }));
      io.out(`Removed coding ${coding}.`);
    });

  program
    .command('segments')
    .description('list coded segments, optionally filtered')
    .argument('<project>', 'the project file')
    .option('--code <path>', 'only this code')
    .option('--subcodes', 'with --code: include its sub-codes')
    .option('--doc <id|title>', 'only this document')
    .option('--coder <name>', 'only this coder')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { code?: string; subcodes?: boolean; doc?: string; coder?: string; json?: boolean }) => {
      const segments = await withProject(file, (service) => service.run('codings.list', segmentFilter(options)));
      io.out(options.json ? json(segments) : formatSegments(segments));
    });

  program
    .command('export')
    .description('export the codebook (csv, qdc), the coded segments (csv), the project (qdpx) or the codings as Web Annotations (jsonld)')
    .argument('<project>', 'the project file')
    .argument('<what>', 'codebook | segments | qdpx | annotations')
    .option('--format <format>', 'codebook: csv or qdc; segments: csv; qdpx: qdpx; annotations: jsonld')
    .option('-o, --output <file>', 'write to this file (default: standard output)')
    .option('--code <path>', 'segments: only this code')
    .option('--subcodes', 'segments: with --code, include its sub-codes')
    .option('--doc <id|title>', 'segments: only this document')
    .option('--coder <name>', 'segments: only this coder')
    .action(async (file: string, what: string, options: { format?: string; output?: string; code?: string; subcodes?: boolean; doc?: string; coder?: string }) => {
      if (await exportExchange(file, what, options, io)) return;
      if (options.format === undefined && (what === 'codebook' || what === 'segments')) throw new GlossError('invalid_input', `Say the format: --format csv${what === 'codebook' ? ' or --format qdc' : ''}.`);
      if (options.format !== 'csv' && (what === 'codebook' || what === 'segments')) throw new GlossError('invalid_input', `Gloss exports ${what} as ${what === 'codebook' ? 'csv or qdc' : 'csv'}; "${options.format}" is not a format it writes yet.`);
      let csv: string;
      if (what === 'codebook') csv = (await withProject(file, (service) => service.run('export.codebookCsv', {}))).csv;
      else if (what === 'segments') csv = (await withProject(file, (service) => service.run('export.segmentsCsv', segmentFilter(options)))).csv;
      else throw new GlossError('invalid_input', `Gloss can export "codebook" or "segments", "qdpx" or "annotations", not "${what}".`);
      if (options.output) {
        writeFileAtomically(options.output, csv);
        io.err(`Wrote ${options.output}`);
      } else {
        io.out(csv.replace(/\r\n$/, ''));
      }
    });

  program
    .command('undo')
    .description('undo the last change to the project')
    .argument('<project>', 'the project file')
    .action(async (file: string) => {
      const step = await withProject(file, (service) => service.run('history.undo', {}));
      io.out(`Undone: ${step.summary}`);
    });

  program
    .command('redo')
    .description('redo the last undone change')
    .argument('<project>', 'the project file')
    .action(async (file: string) => {
      const step = await withProject(file, (service) => service.run('history.redo', {}));
      io.out(`Redone: ${step.summary}`);
    });

  program
    .command('history')
    .description('show the log of changes, newest first')
    .argument('<project>', 'the project file')
    .option('--limit <n>', 'how many (default 50)', parsePositive)
    .option('--json', 'print JSON')
    .action(async (file: string, options: { limit?: number; json?: boolean }) => {
      const events = await withProject(file, (service) => service.run('history.list', { limit: options.limit ?? 50 }));
      io.out(options.json ? json(events) : events.map((e) => `${e.id}\t${e.at}\t${e.kind}\t${e.summary}${e.coder ? ` (${e.coder})` : ''}`).join('\n'));
    });

  program
    .command('coders')
    .description('list the coders in a project')
    .argument('<project>', 'the project file')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const coders = await withProject(file, (service) => service.run('coders.list', {}));
      io.out(options.json ? json(coders) : coders.map((c) => `${c.id}\t${c.name}\t${plural(c.codings, 'coding')}`).join('\n'));
    });

  program
    .command('serve')
    .description('browser mode: serve the workbench for this project on 127.0.0.1 and print its address')
    .argument('<project>', 'the project file (created if it does not exist)')
    .option('--port <n>', 'the port (default: a free one)', parseOffset)
    .action(async (file: string, options: { port?: number }) => {
      const session = await openSession(file, options.port === undefined ? {} : { port: options.port });
      io.out(session.host.url);
      io.err('Gloss is serving this project; press Ctrl+C to stop.');
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await session.close();
    });

  registerDocumentCommands(program, io);
  registerAnalysisCommands(program, io);
  registerExchangeCommands(program, io);
  registerAgreementCommands(program, io);
  registerReviewCommands(program, io);
  registerReportCommands(program, io);

  return program;
}
