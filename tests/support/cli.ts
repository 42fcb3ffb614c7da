import { spawnSync } from 'node:child_process';
import { cliEntry } from './paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `gloss` command as a user would, in a child process. */
export function gloss(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliEntry, ...args], {
    cwd: options.cwd,
    env: { ...process.env, GLOSS_CODER: 'tester', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Run and expect success; returns stdout. */
export function glossOk(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string {
  const run = gloss(args, options);
  if (run.status !== 0) throw new Error(`gloss ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}
