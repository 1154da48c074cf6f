import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is; only serious and
 * critical findings are returned. Fluent's focus manager (tabster) adds
 * `aria-hidden` focus "dummies" that only redirect focus; Fluent documents
 * them as a known `aria-hidden-focus` false positive and Accessibility
 * Insights ignores them too.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter((node) => !(violation.id === 'aria-hidden-focus' && node.html.includes('data-tabster-dummy'))),
    }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
