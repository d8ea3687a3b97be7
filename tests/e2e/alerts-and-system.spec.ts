// The alerts and system pages in Chromium: live alerts, acknowledging updates another operator's browser,
// viewers cannot act, and the system page shows the connection; screenshots are kept as artifacts.
import { expect, test } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let deviceToken: string
let nodeUid: string

test.beforeAll(async () => {
  server = await startServer()
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  deviceToken = await createToken(admin, ['ingest'])
  nodeUid = (await firstZonedNode(admin)).uid
})
test.afterAll(async () => {
  await server.stop()
})

/** A signed-in page at `path`, once live; `listens` when the page subscribes to channels (wait for them too). */
async function signedInPage(browser: Browser, role: 'operator' | 'viewer', path: string, { viewport = { width: 1280, height: 800 }, listens = true } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`)
  await page.fill('input[name=email]', demoEmail(role, 'greenfield'))
  await page.fill('input[name=password]', 'lookout-demo')
  await page.click('button[type=submit]')
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  if (listens) await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-channels', '0')
  return page
}

test('a new alert appears live, and acknowledging it updates another operator\'s browser', async ({ browser }) => {
  const first = await signedInPage(browser, 'operator', '/alerts')
  const second = await signedInPage(browser, 'operator', '/alerts')
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'ph', value: 9.4 }] })).status).toBe(201)
  const alertOn = (page: Page) => page.getByTestId('alerts-list').locator('li').filter({ hasText: 'pH' }).first()
  await expect(alertOn(first)).toBeVisible({ timeout: 2000 })
  await expect(alertOn(second)).toHaveAttribute('data-status', 'active')
  await alertOn(first).getByRole('button', { name: 'Acknowledge' }).click()
  await expect(alertOn(second)).toHaveAttribute('data-status', 'acknowledged', { timeout: 2000 })
  await first.screenshot({ path: 'test-results/screens/alerts.png', fullPage: true })
})

test('a viewer sees alerts but no buttons to act on them', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/alerts')
  await expect(page.getByTestId('alerts-list').locator('li').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Resolve' })).toHaveCount(0)
})

test('the system page shows this browser\'s connection and the server\'s numbers, and pages leave their channels', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/system', { listens: false })
  await expect(page.getByTestId('browser-connection')).toContainText('connected')
  await expect(page.getByTestId('server-numbers')).toContainText('Connections')
  await page.goto(`${server.url}/`)
  await page.getByRole('link', { name: 'System' }).first().click()
  // The dashboard's feed was left when the dashboard unmounted: nothing listens here.
  await expect(page.getByTestId('browser-connection')).toContainText('connected')
  await expect(page.getByTestId('channel-diagnostics').locator('tbody tr')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/system.png', fullPage: true })
})

test('works on a 375 px wide phone', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/alerts', { viewport: { width: 375, height: 740 } })
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'test-results/screens/alerts-phone.png', fullPage: true })
})
