/**
 * `gloss matrix`, `cooccurrence`, `search`, `autocode`, `attribute` and `attributes`: the
 * analysis commands (compare coding across papers), each a thin door onto the service.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ATTRIBUTE_TYPES, type AttributeType, type ConditionOperator } from '../domain/attributeValues.js';
import { GlossError } from '../domain/errors.js';
import { plural } from '../domain/plural.js';
import type { AutocodePreview, SearchResult } from '../service/analysisViews.js';
import type { Input } from '../service/contract.js';
import { defaultCoderName, writeFileAtomically } from './io.js';

import { collect, json, parseCount, parsePositive, withProject, type CliOutput } from './commandKit.js';

type Condition = { attribute: string; op?: ConditionOperator; value?: string };

/** "year>=2021", "journal=Caucasus Survey", "doi" (has a value), "!doi" (has none). */
export function parseCondition(text: string): Condition {
  const match = /^([^<>=!]+?)\s*(<=|>=|!=|=|<|>)\s*(.*)$/s.exec(text);
  if (match) {
    const [, attribute, op, value] = match;
    if (value!.length === 0) throw new GlossError('invalid_input', `--where "${text}" has no value after ${op}. Write it like "year>=2021".`);
    return { attribute: attribute!.trim(), op: op as ConditionOperator, value: value! };
  }
  if (/^!\s*[^<>=!]+$/.test(text)) return { attribute: text.replace(/^!\s*/, '').trim(), op: 'unset' };
  if (/^[^<>=!]+$/.test(text) && text.trim().length > 0) return { attribute: text.trim(), op: 'set' };
  throw new GlossError('invalid_input', `--where "${text}" is not a condition. Write ATTRIBUTE=VALUE (or != < <= > >=), ATTRIBUTE for "has a value", or !ATTRIBUTE for "has none".`);
}

interface ScopeOptions {
  where: string[];
  doc: string[];
  code?: string[];
  coder?: string;
}

function scopeInput(options: ScopeOptions): { where?: Condition[]; documents?: string[]; codes?: string[]; coder?: string } {
  return {
    ...(options.where.length > 0 ? { where: options.where.map(parseCondition) } : {}),
    ...(options.doc.length > 0 ? { documents: options.doc } : {}),
    ...(options.code !== undefined && options.code.length > 0 ? { codes: options.code } : {}),
    ...(options.coder !== undefined ? { coder: options.coder } : {}),
  };
}

function addScopeOptions(command: Command, what: string): Command {
  return command
    .option('--where <condition>', 'only documents meeting a condition on an attribute: "year>=2021", "journal=Caucasus Survey", "doi" (has one), "!doi" (has none); repeat to combine', collect, [])
    .option('--doc <id|title>', 'only this document; repeat for several', collect, [])
    .option('--coder <name>', `only this coder's codings (default: every coder's)`)
    .option('--code <path>', `${what} only for this code; repeat for several (default: the whole codebook)`, collect, []);
}

function emit(io: CliOutput, content: string, output: string | undefined): void {
  if (output) {
    writeFileAtomically(output, content);
    io.err(`Wrote ${output}`);
  } else {
    io.out(content.replace(/\r\n$/, ''));
  }
}

function checkFormat(format: string): 'csv' | 'json' {
  if (format !== 'csv' && format !== 'json') throw new GlossError('invalid_input', `--format is csv or json, not "${format}".`);
  return format;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function formatSearch(result: SearchResult): string {
  const hits = result.truncated ? `${result.hits.length.toLocaleString('en')}+ hits shown (raise --limit for more)` : plural(result.hits.length, 'hit');
  const suggestion = result.suggestion !== undefined ? `\nNo word is "${result.query}" itself; for words starting with it, search ${result.suggestion}` : '';
  const head = `${plural(result.documents, 'document')} ${result.documents === 1 ? 'matches' : 'match'}; ${hits}${suggestion}`;
  const lines = result.hits.map((hit) => `${hit.documentTitle} [${hit.start}, ${hit.end})\n  …${hit.before}«${hit.text}»${hit.after}…`);
  return [head, ...lines].join('\n');
}

function formatPreview(preview: AutocodePreview, dryRun: boolean): string {
  const verb = dryRun ? 'Would code' : 'Coded';
  const extended = preview.extendedCodings > 0 ? `; ${dryRun ? 'would extend' : 'extended'} ${plural(preview.extendedCodings, 'existing coding')}${preview.joinedCodings > 0 ? `, joining ${plural(preview.joinedCodings, 'other')} into them` : ''}` : '';
  const head =
    `${verb} ${plural(preview.passages.length, 'passage')} as "${preview.code}" for ${preview.coder} ` +
    `(${preview.scope}s around ${plural(preview.hits, 'hit')} in ${plural(preview.documents, 'document')}` +
    `${preview.alreadyCoded > 0 ? `; ${preview.alreadyCoded} already coded, left alone` : ''}${extended}).`;
  const lines = preview.passages.map(
    (passage) => `${passage.documentTitle} [${passage.start}, ${passage.end})  ${passage.action === 'extend' ? '(extends a coding) ' : ''}“${shorten(passage.text.replace(/\s+/g, ' '), 100)}”`,
  );
  return [head, ...lines].join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function parseTypeOption(value: string): AttributeType {
  if (!(ATTRIBUTE_TYPES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${ATTRIBUTE_TYPES.join(', ')}.`);
  return value as AttributeType;
}

/** "year=number" for `attributes import --type`. */
function collectTypes(value: string, previous: Record<string, AttributeType>): Record<string, AttributeType> {
  const match = /^(.+)=(\w+)$/.exec(value);
  if (!match || !(ATTRIBUTE_TYPES as readonly string[]).includes(match[2]!)) {
    throw new InvalidArgumentError(`write NAME=TYPE, TYPE one of ${ATTRIBUTE_TYPES.join(', ')} (e.g. year=number).`);
  }
  return { ...previous, [match[1]!.trim()]: match[2] as AttributeType };
}

function readTextFile(file: string): string {
  if (!existsSync(file)) throw new GlossError('not_found', `${file} does not exist. Check the path and try again.`);
  if (!statSync(file).isFile()) throw new GlossError('bad_file', `${file} is a folder, not a CSV file.`);
  return new TextDecoder().decode(readFileSync(file));
}

export function registerAnalysisCommands(program: Command, io: CliOutput): void {
  addScopeOptions(
    program
      .command('matrix')
      .description(
        'the code × document matrix: per document (or group of documents) and code, the segment count, the share of characters coded (coverage) or segments per 1,000 words',
      )
      .argument('<project>', 'the project file')
      .option('--rows <rows>', '"document" (default), or an attribute to group documents by its value', 'document')
      .addOption(new Option('--measure <measure>', 'the figure in each CSV cell (JSON always has all three)').choices(['count', 'coverage', 'per1000']).default('count'))
      .option('--subcodes', "count a code's sub-codes' segments in its column too")
      .requiredOption('--format <format>', 'csv or json')
      .option('-o, --output <file>', 'write to this file (default: standard output)'),
    'columns',
  )
    .addHelpText(
      'after',
      '\nCounts: segments (codings) of the code in the row\'s documents. Coverage: code points inside at least one of\n' +
        'those segments (overlaps counted once) / the row\'s code points, 0..1. Per 1,000 words: segments × 1000 / the\n' +
        'row\'s words (runs of letters and digits, as the search index counts them). The last CSV row is all documents.',
    )
    .action(async (file: string, options: ScopeOptions & { rows: string; measure: 'count' | 'coverage' | 'per1000'; subcodes?: boolean; format: string; output?: string }) => {
      const format = checkFormat(options.format);
      const input: Input<'analysis.matrix'> = { ...scopeInput(options), rows: options.rows, ...(options.subcodes ? { includeSubcodes: true } : {}) };
      const content = await withProject(file, async (service) =>
        format === 'csv' ? (await service.run('analysis.matrixCsv', { ...input, measure: options.measure })).csv : json(await service.run('analysis.matrix', input)),
      );
      emit(io, content, options.output);
    });

  addScopeOptions(
    program
      .command('cooccurrence')
      .description('the code × code co-occurrence matrix: segments of two codes that overlap, or that fall in the same paragraph')
      .argument('<project>', 'the project file')
      .addOption(new Option('--scope <scope>', 'overlap: pairs of segments sharing at least one character; paragraph: blocks both codes touch').choices(['overlap', 'paragraph']).default('overlap'))
      .requiredOption('--format <format>', 'csv or json')
      .option('-o, --output <file>', 'write to this file (default: standard output)'),
    'rows and columns',
  )
    .addHelpText(
      'after',
      '\nThe diagonal is each code\'s segment count. JSON cells also give, for overlap, the distinct passages coded with\n' +
        'both codes and their characters, and every co-occurring pair of segment ids.',
    )
    .action(async (file: string, options: ScopeOptions & { scope: 'overlap' | 'paragraph'; format: string; output?: string }) => {
      const format = checkFormat(options.format);
      const input: Input<'analysis.cooccurrence'> = { ...scopeInput(options), scope: options.scope };
      const content = await withProject(file, async (service) =>
        format === 'csv' ? (await service.run('analysis.cooccurrenceCsv', input)).csv : json(await service.run('analysis.cooccurrence', input)),
      );
      emit(io, content, options.output);
    });

  program
    .command('search')
    .description('search the documents\' text; prints each hit in its context (keyword in context)')
    .argument('<project>', 'the project file')
    .argument('<query>', 'words, "a phrase", prefix*, NEAR(word word, 5), AND / OR / NOT, ( ); case and accents are ignored')
    .option('--limit <n>', 'show at most this many hits (default 100)', parsePositive)
    .option('--context <n>', 'characters of context on each side (default 60)', parseCount)
    .option('--where <condition>', 'only documents meeting a condition on an attribute (see `gloss matrix --help`); repeat to combine', collect, [])
    .option('--doc <id|title>', 'only this document; repeat for several', collect, [])
    .option('--json', 'print JSON')
    .action(async (file: string, query: string, options: { limit?: number; context?: number; where: string[]; doc: string[]; json?: boolean }) => {
      const result = await withProject(file, (service) =>
        service.run('search.query', {
          query,
          ...(options.limit !== undefined ? { limit: options.limit } : {}),
          ...(options.context !== undefined ? { context: options.context } : {}),
          ...scopeInput({ where: options.where, doc: options.doc }),
        }),
      );
      io.out(options.json ? json(result) : formatSearch(result));
    });

  program
    .command('autocode')
    .description('code every search hit, widened to its word, sentence or paragraph; one action, undone by one `gloss undo`')
    .argument('<project>', 'the project file')
    .argument('<query>', 'a search, as for `gloss search`')
    .requiredOption('--code <path>', 'the code path or id')
    .addOption(new Option('--scope <unit>', 'what to code around each hit').choices(['word', 'sentence', 'paragraph']).default('word'))
    .option('--coder <name>', 'who codes (default: $GLOSS_CODER or your user name)')
    .option('--dry-run', 'only show what would be coded')
    .option('--where <condition>', 'only documents meeting a condition on an attribute; repeat to combine', collect, [])
    .option('--doc <id|title>', 'only this document; repeat for several', collect, [])
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nA hit whose widened passage this code already covers for this coder is left alone; passages that overlap are\n' +
        'merged into one coding.',
    )
    .action(async (file: string, query: string, options: { code: string; scope: 'word' | 'sentence' | 'paragraph'; coder?: string; dryRun?: boolean; where: string[]; doc: string[]; json?: boolean }) => {
      const input: Input<'search.autocodeApply'> = {
        query,
        code: options.code,
        coder: options.coder ?? defaultCoderName(),
        scope: options.scope,
        ...scopeInput({ where: options.where, doc: options.doc }),
      };
      const result = await withProject(file, (service) => service.run(options.dryRun ? 'search.autocodePreview' : 'search.autocodeApply', input));
      if (options.json) {
        io.out(json(result));
        return;
      }
      io.out(formatPreview(result, options.dryRun === true));
      if (!options.dryRun && result.passages.length > 0) io.err(`\`gloss undo ${file}\` takes all ${result.passages.length} back at once.`);
    });

  const attribute = program.command('attribute').description('set or remove document attributes (author, year, journal, …)');

  attribute
    .command('set')
    .description('set a document\'s attribute; a new attribute takes --type, or a type guessed from the value')
    .argument('<project>', 'the project file')
    .argument('<name>', 'the attribute, e.g. year')
    .argument('<value>', 'text; a number (2021, 3.5); a date yyyy-mm-dd; or yes/no, true/false')
    .requiredOption('--doc <id|title>', 'the document')
    .option('--type <type>', `the type of a new attribute: ${ATTRIBUTE_TYPES.join(', ')}`, parseTypeOption)
    .action(async (file: string, name: string, value: string, options: { doc: string; type?: AttributeType }) => {
      const result = await withProject(file, (service) =>
        service.run('attributes.set', { document: options.doc, attribute: name, value, ...(options.type !== undefined ? { type: options.type } : {}) }),
      );
      io.out(`${result.attribute.name} (${result.attribute.type}) = ${String(result.value)}`);
    });

  attribute
    .command('unset')
    .description('remove a document\'s value of an attribute')
    .argument('<project>', 'the project file')
    .argument('<name>', 'the attribute')
    .requiredOption('--doc <id|title>', 'the document')
    .action(async (file: string, name: string, options: { doc: string }) => {
      const result = await withProject(file, (service) => service.run('attributes.unset', { document: options.doc, attribute: name }));
      io.out(`${result.attribute.name}: unset`);
    });

  attribute
    .command('define')
    .description('create an attribute, or change its type (every value must fit the new one)')
    .argument('<project>', 'the project file')
    .argument('<name>', 'the attribute')
    .requiredOption('--type <type>', ATTRIBUTE_TYPES.join(', '), parseTypeOption)
    .action(async (file: string, name: string, options: { type: AttributeType }) => {
      const result = await withProject(file, (service) => service.run('attributes.define', { name, type: options.type }));
      io.out(`${result.name} (${result.type}), ${plural(result.documents, 'document')} with a value`);
    });

  attribute
    .command('delete')
    .description('delete an attribute and every document\'s value of it (undo brings them back)')
    .argument('<project>', 'the project file')
    .argument('<name>', 'the attribute')
    .action(async (file: string, name: string) => {
      const result = await withProject(file, (service) => service.run('attributes.delete', { attribute: name }));
      io.out(`Deleted ${name} and ${result.values} values. \`gloss undo ${file}\` brings them back.`);
    });

  const attributes = program
    .command('attributes')
    .description('show every document\'s attributes as a grid; `gloss attributes import PROJECT FILE.csv` imports them')
    .argument('<project>', 'the project file')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const [list, values] = await withProject(file, async (service) => [await service.run('attributes.list', {}), await service.run('attributes.values', {})] as const);
      if (options.json) {
        io.out(json({ attributes: list, documents: values }));
        return;
      }
      if (list.length === 0) {
        io.out('No attributes yet. Set one with `gloss attribute set PROJECT --doc TITLE NAME VALUE`, or import a CSV with `gloss attributes import PROJECT FILE.csv`.');
        return;
      }
      const show = (value: unknown): string => (value === undefined ? '' : value === true ? 'yes' : value === false ? 'no' : String(value));
      io.out(
        table(
          ['document', ...list.map((a) => `${a.name} (${a.type})`)],
          values.map((document) => [document.title, ...list.map((a) => show(document.values[a.name]))]),
        ),
      );
    });

  attributes
    .command('import')
    .description('import attributes from a CSV: first column "title" (or "document"), then one column per attribute; one undoable action')
    .argument('<project>', 'the project file')
    .argument('<file>', 'the CSV file')
    .option('--type <name=type>', 'the type of a new attribute, e.g. year=number (default: guessed from its values); repeat for several', collectTypes, {})
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nAn empty cell leaves that value as it is. Types: text; number (2021, 3.5); date yyyy-mm-dd; yes/no or true/false.')
    .action(async (file: string, csvFile: string, options: { type: Record<string, AttributeType>; json?: boolean }) => {
      const csv = readTextFile(csvFile);
      const result = await withProject(file, (service) => service.run('attributes.importCsv', { csv, ...(Object.keys(options.type).length > 0 ? { types: options.type } : {}) }));
      if (options.json) {
        io.out(json(result));
        return;
      }
      const created = result.attributesCreated.length > 0 ? `; new attributes: ${result.attributesCreated.join(', ')}` : '';
      io.out(`${plural(result.valuesSet, 'value')} set for ${plural(result.documents, 'document')} (${result.unchanged} unchanged)${created}`);
      for (const missing of result.unmatched) io.err(`row ${missing.row}: no document titled "${missing.title}"`);
    });
}
