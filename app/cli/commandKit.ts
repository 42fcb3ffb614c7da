/** What every `gloss` command file shares: output, opening a project, parsing arguments. */
import { InvalidArgumentError } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { GlossError } from '../domain/errors.js';
import { GlossService } from '../service/service.js';

export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Open the project for one command and close it whatever happens. */
export async function withProject<T>(file: string, action: (service: GlossService) => Promise<T>): Promise<T> {
  const service = GlossService.open(file);
  try {
    return await action(service);
  } finally {
    service.close();
  }
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** For repeatable options: `--code A --code B`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('must be a whole number, 1 or more.');
  return Number(value);
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number, 0 or more.');
  return Number(value);
}

/** Offsets are code points; the message says so. */
export function parseOffset(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number of characters (code points), 0 or more.');
  return Number(value);
}

/** A file the user named, read whole, or an error that says what is wrong with the path. */
export function readInputFile(file: string): Uint8Array {
  if (!existsSync(file)) throw new GlossError('not_found', `${file} does not exist. Check the path and try again.`);
  if (!statSync(file).isFile()) throw new GlossError('bad_file', `${file} is a folder; give the files inside it instead.`);
  return readFileSync(file);
}
