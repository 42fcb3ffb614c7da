/**
 * XSD validation with xmllint, for the REFI-QDA export tests. Where xmllint is missing the
 * checks never pass silently: in CI (which installs it) they fail; elsewhere the test file
 * registers a skipped test that says why (reportXmllint), and the checks are left out.
 */
import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

export const XMLLINT_MISSING = 'xmllint is not installed (Debian: apt-get install libxml2-utils)';

export type XmllintPolicy = 'run' | 'fail' | 'skip';

/** What to do with an XSD check: run it, fail it (CI promised xmllint), or skip it with the reason. */
export function xmllintPolicy(available: boolean, ci: string | undefined): XmllintPolicy {
  if (available) return 'run';
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0' ? 'fail' : 'skip';
}

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const policy = xmllintPolicy(hasXmllint, process.env.CI);

/**
 * xmllint --noout --schema XSD on `file`: its complaints ('' when valid), or null when the
 * check is skipped here. Throws in CI when xmllint is missing.
 */
export function schemaErrorsOf(file: string, xsd: string): string | null {
  if (policy === 'fail') throw new Error(`XSD validation cannot run: ${XMLLINT_MISSING}. CI installs it, so the CI image is broken.`);
  if (policy === 'skip') return null;
  const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : `${run.stdout}${run.stderr}`.trim();
}

/** Call once in a test file that validates: a visible skipped test (or a failing one in CI) where xmllint is missing. */
export function reportXmllint(): void {
  if (policy === 'skip') it.skip(`XSD validation: skipped, ${XMLLINT_MISSING}`, () => {});
  if (policy === 'fail') {
    it('XSD validation needs xmllint, which CI installs', () => {
      throw new Error(`XSD validation cannot run: ${XMLLINT_MISSING}.`);
    });
  }
}
