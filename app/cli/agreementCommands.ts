/**
 * `gloss agreement` and `gloss disagreements`: inter-coder agreement per code and overall, and
 * every place where the coders differ (Team review). Thin doors onto the service.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Statistic } from '../domain/agreement/statistic.js';
import { GlossError } from '../domain/errors.js';
import type { AgreementResult, CharacterAgreement, DisagreementsResult, SegmentAgreement } from '../service/agreementViews.js';

import { collect, withProject, type CliOutput } from './commandKit.js';

/** "Ani,Ben" → ["Ani", "Ben"]; at least two distinct names. */
export function parseCoders(text: string): string[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  if (names.length < 2) {
    throw new GlossError('invalid_input', `Name at least two coders to compare, separated by commas: --coders Ani,Ben (got "${text}"). \`gloss coders PROJECT\` lists them.`);
  }
  return names;
}

function parseOverlap(value: string): number {
  const share = Number(value);
  if (value.trim() === '' || !Number.isFinite(share)) throw new InvalidArgumentError('must be a number more than 0 and at most 1, e.g. 0.8.');
  if (share > 1 && share <= 100) throw new InvalidArgumentError(`must be a share from 0 to 1: write ${share / 100} for ${share}%.`);
  if (!(share > 0 && share <= 1)) throw new InvalidArgumentError('must be more than 0 and at most 1, e.g. 0.8.');
  return share;
}

function isStatistic(value: unknown): value is Statistic {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const { value: figure } = value as { value?: unknown };
  return keys.includes('value') && keys.every((key) => key === 'value' || key === 'reason') && (figure === null || typeof figure === 'number');
}

/**
 * The JSON the CLI prints: every statistic `{ value, reason }` becomes a number, or null beside a
 * `<name>Reason` string ("cohenKappa": null, "cohenKappaReason": "...").
 */
export function flattenStatistics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flattenStatistics);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (isStatistic(entry)) {
      result[key] = entry.value;
      if (entry.value === null) result[`${key}Reason`] = entry.reason;
    } else {
      result[key] = flattenStatistics(entry);
    }
  }
  return result;
}

/** The JSON document of `gloss agreement --json`: coders, unit, codes and overall first. */
function agreementJson(result: AgreementResult): unknown {
  const { coders, unit, codes, overall, ...rest } = result;
  return flattenStatistics({ coders, unit, codes, overall, ...rest });
}

function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : i === cells.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Undefined figures point to a footnote with their reason: "undefined (a)". */
class Footnotes {
  private readonly reasons: string[] = [];

  cell(statistic: Statistic): string {
    if (statistic.value !== null) return statistic.value.toFixed(3);
    let index = this.reasons.indexOf(statistic.reason);
    if (index < 0) index = this.reasons.push(statistic.reason) - 1;
    return `undefined (${this.label(index)})`;
  }

  private label(index: number): string {
    return index < 26 ? String.fromCharCode(97 + index) : `${index + 1}`;
  }

  toString(): string {
    return this.reasons.map((reason, i) => `(${this.label(i)}) ${reason}`).join('\n');
  }
}

function count(n: number, what: string): string {
  return `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;
}

function heading(result: AgreementResult): string[] {
  const level =
    result.unit === 'char'
      ? `character level (${result.includeUncoded ? 'text no coder coded counts' : 'only text at least one coder coded with the code counts'})`
      : `segment level (segments match at ≥ ${Math.round(result.overlap * 1000) / 10}% overlap of their union)`;
  const lines = [`Agreement of ${result.coders.join(', ')} at ${level}, over ${count(result.documents.length, 'document')}.`];
  for (const note of result.notes) lines.push(`Note: ${note}`);
  return lines;
}

function formatCharacters(result: CharacterAgreement): string {
  const notes = new Footnotes();
  const header = ['code', 'characters', '% agree', "Cohen's κ", "Scott's π", "Fleiss' κ", 'B–P κ', 'α', 'uα', 'uα 2004'];
  const cells = (label: string, row: CharacterAgreement['overall'] | CharacterAgreement['codes'][number]): string[] => [
    label,
    row.units.toLocaleString('en-US'),
    ...[row.percentAgreement, row.cohenKappa, row.scottPi, row.fleissKappa, row.brennanPrediger, row.krippendorffAlpha, row.unitizingAlpha, row.unitizingAlpha2004].map((statistic) => notes.cell(statistic)),
  ];
  const rows = result.codes.map((row) => cells(row.code, row));
  const o = result.overall;
  rows.push(cells('All codes (pooled)', o));
  const lines = [
    ...heading(result),
    '',
    table(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9])),
    '',
    `|uα (any of these codes against none): ${notes.cell(o.binaryUnitizingAlpha)}`,
    `cuα (which code, where coders' codings intersect): ${notes.cell(o.cuAlpha)}`,
    `uα: Krippendorff, Mathet, Bouvry & Widlöcher (2016), over the whole documents; uα 2004: Krippendorff (2004).`,
  ];
  const footnotes = notes.toString();
  if (footnotes) lines.push('', footnotes);
  return lines.join('\n');
}

function formatSegments(result: SegmentAgreement): string {
  const notes = new Footnotes();
  const [first, second] = result.coders;
  const pairwise = result.coders.length > 2;
  const header = ['code', 'matched', pairwise ? 'only first' : `only ${first}`, pairwise ? 'only second' : `only ${second}`, '% agree'];
  const rows = result.codes.map((row) => [row.code, String(row.matched), String(row.onlyFirst), String(row.onlySecond), notes.cell(row.percentAgreement)]);
  const o = result.overall;
  rows.push(['All codes', String(o.matched), String(o.onlyFirst), String(o.onlySecond), notes.cell(o.percentAgreement)]);
  const lines = [...heading(result), ''];
  if (pairwise) lines.push(`Counts are summed over the ${result.coders.length * (result.coders.length - 1) / 2} pairs of coders (first and second in each pair's order); --json lists every pair.`, '');
  lines.push(
    table(header, rows, new Set([1, 2, 3, 4])),
    '',
    `MAXQDA's kappa (P_o − 1/q) / (1 − 1/q), q = ${o.codesInTable} codes: ${notes.cell(o.maxqdaKappa)}`,
    '(It assumes each segment could equally have taken any of q mutually exclusive codes; it rises as codes are added.)',
  );
  const footnotes = notes.toString();
  if (footnotes) lines.push('', footnotes);
  return lines.join('\n');
}

function shorten(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function formatDisagreements(result: DisagreementsResult): string {
  const { counts } = result;
  const total = result.disagreements.length;
  const lines = [
    `${count(total, 'place')} where ${result.coders.join(', ')} differ, over ${count(result.documents.length, 'document')}: ` +
      `${counts['one-coded']} one-coded, ${counts['different-codes']} different codes, ${counts['different-boundaries']} different boundaries.`,
  ];
  for (const note of result.notes) lines.push(`Note: ${note}`);
  const width = Math.max(...result.coders.map((coder) => coder.length));
  for (const place of result.disagreements) {
    lines.push('', `${place.documentTitle} [${place.start}, ${place.end}) ${place.kind}: ${place.codes.join(', ')}`);
    for (const { coder, segments } of place.coders) {
      if (segments.length === 0) lines.push(`  ${coder.padEnd(width)}  (not coded${place.codes.length > 1 ? ' with these codes' : ' with this code'})`);
      for (const segment of segments) lines.push(`  ${coder.padEnd(width)}  [${segment.start}, ${segment.end}) ${segment.code}  “${shorten(segment.text, 80)}”`);
    }
  }
  return lines.join('\n');
}

interface ScopeOptions {
  coders: string;
  code: string[];
  doc: string[];
}

function scopeInput(options: ScopeOptions): { coders: string[]; codes?: string[]; documents?: string[] } {
  return {
    coders: parseCoders(options.coders),
    ...(options.code.length > 0 ? { codes: options.code } : {}),
    ...(options.doc.length > 0 ? { documents: options.doc } : {}),
  };
}

function addScopeOptions(command: Command): Command {
  return command
    .requiredOption('--coders <names>', 'the coders to compare, separated by commas: Ani,Ben[,Cem…]')
    .option('--code <path>', 'only this code (path or id); repeat for several (default: every code the coders used)', collect, [])
    .option('--doc <id|title>', 'only this document; repeat for several (default: the documents every chosen coder coded in)', collect, []);
}

export function registerAgreementCommands(program: Command, io: CliOutput): void {
  addScopeOptions(
    program
      .command('agreement')
      .description(
        'inter-coder agreement per code and overall: percent agreement, Cohen\'s kappa, Scott\'s pi, Fleiss\' kappa, Brennan–Prediger, Krippendorff\'s alpha and the unitizing alphas (character level), or MAXQDA-style segment matching (segment level). An undefined figure is shown as undefined with its reason.',
      )
      .argument('<project>', 'the project file'),
  )
    .addOption(new Option('--unit <unit>', 'char: every character is a unit; segment: segments match by overlap').choices(['char', 'segment']).default('char'))
    .option('--overlap <share>', 'segment level: the share two segments must overlap by, intersection / union (default 0.8)', parseOverlap)
    .option('--include-uncoded', 'character level: also count the text no chosen coder coded with the code (it swamps the figures)')
    .option('--json', 'print JSON: each figure a number, or null with a "<name>Reason" beside it')
    .action(async (file: string, options: ScopeOptions & { unit: 'char' | 'segment'; overlap?: number; includeUncoded?: boolean; json?: boolean }) => {
      if (options.overlap !== undefined && options.unit !== 'segment') throw new GlossError('invalid_input', '--overlap applies to --unit segment; add --unit segment, or leave --overlap out.');
      if (options.includeUncoded && options.unit === 'segment') throw new GlossError('invalid_input', '--include-uncoded applies to the character level; leave it out with --unit segment.');
      const input = {
        ...scopeInput(options),
        unit: options.unit,
        ...(options.overlap !== undefined ? { overlap: options.overlap } : {}),
        ...(options.unit === 'char' ? { includeUncoded: options.includeUncoded ?? false } : {}),
      };
      const result = await withProject(file, (service) => service.run('agreement.compute', input));
      if (options.json) io.out(JSON.stringify(agreementJson(result), null, 2));
      else io.out(result.unit === 'char' ? formatCharacters(result) : formatSegments(result));
    });

  addScopeOptions(
    program
      .command('disagreements')
      .description('every place where the coders differ: one coded and another did not (one-coded), the same passage with different codes, the same code with different boundaries; each with every coder\'s ranges and text')
      .argument('<project>', 'the project file'),
  )
    .option('--json', 'print JSON')
    .action(async (file: string, options: ScopeOptions & { json?: boolean }) => {
      const result = await withProject(file, (service) => service.run('agreement.disagreements', scopeInput(options)));
      io.out(options.json ? JSON.stringify(result, null, 2) : formatDisagreements(result));
    });
}
