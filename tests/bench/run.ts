/**
 * Gloss benchmarks: `npm run bench -- [--scale 0.05] [--only import,codings]`.
 *
 * Builds a synthetic project (tests/bench/generateProject.ts) through the real service in a
 * temporary folder and prints a report: aligned for people, one `key value unit` line per
 * figure for scripts (tests/bench/report.ts). Sections live in tests/bench/sections/.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Bench } from './fixture.js';
import { DEFAULT_PARAMS, scaledParams } from './generateProject.js';
import { Report } from './report.js';
import { SECTIONS } from './sections/index.js';
import { formatCount, formatDuration, now, secondsSince } from './timing.js';

const USAGE = `Usage: node dist/tests/bench/run.js [options]

  --scale <fraction>        size of the project relative to the default (1 = ${formatCount(DEFAULT_PARAMS.documents)} documents,
                            ${DEFAULT_PARAMS.textBytes / 1e6} MB of text, ${DEFAULT_PARAMS.codes} codes, ${formatCount(DEFAULT_PARAMS.codings)} codings); default 1
  --only <name,...>         run only these sections: ${SECTIONS.map((section) => section.name).join(', ')}
  --seed <n>                seed of the generator; default ${DEFAULT_PARAMS.seed}
  --service-budget <s>      apply every coding through the service only if the first 2,000
                            predict at most this many seconds; default 420
  --service-sample <n>      otherwise measure this many codings.apply calls; default 20000
  --json <file>             also write every figure to <file> as JSON
  --keep                    keep the temporary folder (its path is printed)
  --help`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) fail(`--${name} must be a positive number, not "${text}".`);
  return value;
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        scale: { type: 'string' },
        only: { type: 'string' },
        seed: { type: 'string' },
        'service-budget': { type: 'string' },
        'service-sample': { type: 'string' },
        json: { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scale = positiveNumber('scale', values.scale, 1);
  const seed = Math.floor(positiveNumber('seed', values.seed, DEFAULT_PARAMS.seed));
  const serviceBudgetSeconds = positiveNumber('service-budget', values['service-budget'], 420);
  const serviceSample = Math.floor(positiveNumber('service-sample', values['service-sample'], 20_000));
  const known = new Map(SECTIONS.map((section) => [section.name, section]));
  const only = values.only?.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  for (const name of only ?? []) if (!known.has(name)) fail(`There is no section "${name}".`);
  const sections = only ? SECTIONS.filter((section) => only.includes(section.name)) : SECTIONS;
  if (sections.length === 0) fail('--only names no section.');

  const params = scaledParams(scale, seed);
  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
  const bench = new Bench({ scale, params, dir, serviceBudgetSeconds, serviceSample });
  const report = new Report();
  const probe = new Database(':memory:');
  const sqliteVersion = probe.prepare('SELECT sqlite_version()').pluck().get() as string;
  probe.close();
  const cpu = cpus();

  report.line(`Gloss benchmark, scale ${scale}`);
  report.note(
    `scale ${scale}: ${formatCount(params.documents)} documents, ${(params.textBytes / 1e6).toFixed(1)} MB of text, ` +
      `${formatCount(params.codes)} codes (up to ${params.codeDepth} levels), ${formatCount(params.codings)} codings, ${params.coders} coders; seed ${params.seed}`,
  );
  report.note(`node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, SQLite ${sqliteVersion}`);
  report.note(`folder ${dir}${values.keep ? ' (kept)' : ' (removed at the end; --keep keeps it)'}`);
  report.note(`sections: ${sections.map((section) => section.name).join(', ')}`);
  report.figure('bench.scale', scale, 'x', 'of the default project');

  const start = now();
  try {
    for (const section of sections) {
      report.section(section.title);
      const sectionStart = now();
      await section.run(bench, report);
      report.note(`(section took ${formatDuration(secondsSince(sectionStart))}, including any setup it needed)`);
    }
    report.line('');
    report.figure('bench.total_s', secondsSince(start), 's', 'wall time of the whole run');
    if (values.json !== undefined) writeFileSync(values.json, `${report.toJson()}\n`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
