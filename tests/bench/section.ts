import type { Bench } from './fixture.js';
import type { Report } from './report.js';

/**
 * One part of the benchmark report. To add one, write tests/bench/sections/<name>.ts exporting a
 * Section and list it in tests/bench/sections/index.ts; `--only <name>` then runs it alone.
 * Figure keys start with the section's name: `<name>.<figure>`.
 */
export interface Section {
  /** Short and lower-case: the `--only` name and the prefix of every figure key. */
  name: string;
  title: string;
  run(bench: Bench, report: Report): Promise<void>;
}
