/**
 * A companion to the list reporter, which shows a skipped test as "-" without its reason:
 * after the run, prints each distinct skip reason once, with the projects and number of tests
 * it covers ("electron: 12 tests skipped: Electron binary not installed here: …").
 */
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasons implements Reporter {
  private readonly reasons = new Map<string, { projects: Set<string>; tests: number }>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const annotations = [...test.annotations, ...(result.annotations ?? [])];
    const reason = annotations.find((annotation) => annotation.type === 'skip' && annotation.description)?.description ?? 'no reason given';
    const entry = this.reasons.get(reason) ?? { projects: new Set<string>(), tests: 0 };
    entry.projects.add(test.parent.project()?.name ?? '?');
    entry.tests++;
    this.reasons.set(reason, entry);
  }

  onEnd(_result: FullResult): void {
    for (const [reason, { projects, tests }] of this.reasons) {
      console.log(`  ${[...projects].join(', ')}: ${tests} test${tests === 1 ? '' : 's'} skipped: ${reason}`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
