// axe-core checks for end-to-end tests: a page may have no serious or critical accessibility violation.
import AxeBuilder from '@axe-core/playwright'
import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

/**
 * Runs axe on `page` (as it is now) and fails the test, listing rule, help and up to three elements each, on
 * any serious or critical violation; softly, so a test checking several pages reports all of them.
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map(node => node.target.join(' ')).join(' | ')}`)
  expect.soft(serious, `axe on ${label}`).toEqual([])
}
