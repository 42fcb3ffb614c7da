#!/usr/bin/env node
import { GlossError } from '../domain/errors.js';
import { buildProgram } from './program.js';

const io = {
  out: (text: string) => process.stdout.write(`${text}\n`),
  err: (text: string) => process.stderr.write(`${text}\n`),
};

try {
  await buildProgram(io).parseAsync(process.argv);
} catch (error) {
  if (error instanceof GlossError) {
    io.err(`gloss: ${error.message}${error.cliHint ? ` ${error.cliHint}` : ''}`);
  } else {
    io.err(`gloss: unexpected problem: ${error instanceof Error ? error.message : String(error)}. Nothing was changed.`);
  }
  process.exitCode = 1;
}
