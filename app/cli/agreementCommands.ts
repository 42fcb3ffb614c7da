/**
 * `gloss agreement` and `gloss disagreements`: inter-coder agreement per code and overall, and
 * every place where the coders differ (Team review). Thin doors onto the service.
 */
import type { Command } from 'commander';
import type { Statistic } from '../domain/agreement/statistic.js';
import type { AgreementResult, CharacterAgreement, DisagreementsResult, SegmentAgreement } from '../service/agreementViews.js';
import { addMeasureOptions, addScopeOptions, measureInput, scopeInput, type MeasureOptions, type ScopeOptions } from './coderScope.js';
import { withProject, type CliOutput } from './commandKit.js';

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
  lines.push(`Convention: ${result.convention.label}. ${result.convention.explanation}`);
  for (const note of result.notes) lines.push(`Note: ${note}`);
  // The service's notes speak the workbench's words; here the flag that does it.
  if (result.skippedDocuments.length > 0 || result.documents.length === 0) lines.push('Note: name documents with --doc to compare them anyway.');
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

export function registerAgreementCommands(program: Command, io: CliOutput): void {
  addMeasureOptions(
    program
      .command('agreement')
      .description(
        'inter-coder agreement per code and overall: percent agreement, Cohen\'s kappa, Scott\'s pi, Fleiss\' kappa, Brennan–Prediger, Krippendorff\'s alpha and the unitizing alphas (character level), or MAXQDA-style segment matching (segment level). An undefined figure is shown as undefined with its reason.',
      )
      .argument('<project>', 'the project file'),
  )
    .option('--json', 'print JSON: each figure a number, or null with a "<name>Reason" beside it')
    .action(async (file: string, options: MeasureOptions & { json?: boolean }) => {
      const input = measureInput(options);
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
