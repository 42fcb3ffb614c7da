/**
 * The options every team-review command shares: which coders are compared, over which codes and
 * documents (`--coders`, `--code`, `--doc`), and how agreement is measured (`--unit`,
 * `--overlap`, `--include-uncoded`). One definition, so `gloss agreement`, `gloss review …` and
 * `gloss report` read them alike.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { GlossError } from '../domain/errors.js';
import { collect } from './commandKit.js';

/** "Ani,Ben" → ["Ani", "Ben"]; at least two names. */
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

export interface ScopeOptions {
  coders: string;
  code: string[];
  doc: string[];
}

export interface ScopeInput {
  coders: string[];
  codes?: string[];
  documents?: string[];
}

export function scopeInput(options: ScopeOptions): ScopeInput {
  return {
    coders: parseCoders(options.coders),
    ...(options.code.length > 0 ? { codes: options.code } : {}),
    ...(options.doc.length > 0 ? { documents: options.doc } : {}),
  };
}

export const SCOPE_DOCUMENTS = 'only this document; repeat for several (default: the documents every compared coder coded in)';

export function addScopeOptions(command: Command, documentHelp = SCOPE_DOCUMENTS): Command {
  return command
    .requiredOption('--coders <names>', 'the coders to compare, separated by commas: Ani,Ben[,Cem…]')
    .option('--code <path>', 'only this code (path or id); repeat for several (default: every code the coders used)', collect, [])
    .option('--doc <id|title>', documentHelp, collect, []);
}

export interface MeasureOptions extends ScopeOptions {
  unit: 'char' | 'segment';
  overlap?: number;
  includeUncoded?: boolean;
}

/** The scope options plus how agreement is measured. */
export function addMeasureOptions(command: Command): Command {
  return addScopeOptions(command)
    .addOption(new Option('--unit <unit>', 'char: every character is a unit; segment: segments match by overlap').choices(['char', 'segment']).default('char'))
    .option('--overlap <share>', 'segment level: the share two segments must overlap by, intersection / union (default 0.8)', parseOverlap)
    .option('--include-uncoded', 'character level: also count the text no chosen coder coded with the code (it swamps the figures)');
}

export function measureInput(options: MeasureOptions): ScopeInput & { unit: 'char' | 'segment'; overlap?: number; includeUncoded?: boolean } {
  if (options.overlap !== undefined && options.unit !== 'segment') throw new GlossError('invalid_input', '--overlap applies to --unit segment; add --unit segment, or leave --overlap out.');
  if (options.includeUncoded && options.unit === 'segment') throw new GlossError('invalid_input', '--include-uncoded applies to the character level; leave it out with --unit segment.');
  return {
    ...scopeInput(options),
    unit: options.unit,
    ...(options.overlap !== undefined ? { overlap: options.overlap } : {}),
    ...(options.unit === 'char' ? { includeUncoded: options.includeUncoded ?? false } : {}),
  };
}
