/**
 * Automated accessibility checks: axe-core over the whole page as it stands, reporting only the
 * violations that block people (serious and critical), each with the rule, what it means and the
 * elements that break it, so a failing test says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.x A and AA rules (axe's own best-practice rules are advice, not conformance). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const where = violation.nodes
        .slice(0, 12)
        .map((node) => `${node.target.join(' ')}${node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ').trim()})` : ''}`)
        .join('; ');
      return `${violation.impact} ${violation.id}: ${violation.help} [${violation.nodes.length}] ${where}`;
    });
}
