// The alerts and system pages in Chromium: live alerts, acknowledging updates another operator's browser,
// viewers cannot act, and the system page shows the connection; screenshots are kept as artifacts.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import { expectNoSidewaysScroll, signedInPage } from '../support/signed-in-page'
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

test('a new alert appears live, and acknowledging it updates another operator\'s browser', async ({ browser }) => {
  const first = await signedInPage(browser, server, 'operator', '/alerts')
  const second = await signedInPage(browser, server, 'operator', '/alerts')
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'ph', value: 9.4, at: new Date(Date.now() - 40_000).toISOString() }, { metric: 'ph', value: 9.4 }] })).status).toBe(201)
  const alertOn = (page: Page) => page.getByTestId('alerts-list').locator('li').filter({ hasText: 'pH' }).first()
  await expect(alertOn(first)).toBeVisible({ timeout: 2000 })
  await expect(alertOn(second)).toHaveAttribute('data-status', 'active')
  await alertOn(first).getByRole('button', { name: 'Acknowledge' }).click()
  await expect(alertOn(second)).toHaveAttribute('data-status', 'acknowledged', { timeout: 2000 })
  await first.screenshot({ path: 'test-results/screens/alerts.png', fullPage: true })
})

test('a viewer sees alerts but no buttons to act on them', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/alerts')
  await expect(page.getByTestId('alerts-list').locator('li').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Resolve' })).toHaveCount(0)
})

test('the system page shows this browser\'s connection and the server\'s numbers, and pages leave their channels', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/system', { listens: false })
  await expect(page.getByTestId('browser-connection')).toContainText('connected')
  await expect(page.getByTestId('server-numbers')).toContainText('Connections')
  await page.goto(`${server.url}/`)
  await page.getByRole('link', { name: 'System' }).first().click()
  // The dashboard's channels were left when it unmounted; only the layout's notifications channel stays.
  await expect(page.getByTestId('browser-connection')).toContainText('connected')
  await expect(page.getByTestId('channel-diagnostics').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('channel-diagnostics').locator('tbody tr')).toContainText(/private-user\.\d+/)
  await page.screenshot({ path: 'test-results/screens/system.png', fullPage: true })
})

test('works on a 375 px wide phone', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/alerts', { viewport: { width: 375, height: 740 } })
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeVisible()
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/screens/alerts-phone.png', fullPage: true })
})

test('a gateway comes online on the gateways page as soon as it reports', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/gateways')
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const gateways = await (await admin.fetch('/api/tenants/1/gateways')).json() as { data: Array<{ serial: string, online: boolean }> }
  const gateway = gateways.data.find(candidate => !candidate.online)!
  const row = page.locator(`[data-gateway="${gateway.serial}"]`)
  await expect(row).toHaveAttribute('data-online', 'false')
  expect((await ingest(server.url, deviceToken, '/api/ingest/gateways/heartbeat', { gateway: gateway.serial })).status).toBe(201)
  await expect(row).toHaveAttribute('data-online', 'true', { timeout: 2000 })
  await page.screenshot({ path: 'test-results/screens/gateways-online.png', fullPage: true })
})

test('a zone turns to alert on the zones page when a node breaches a threshold', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/zones')
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  // A zone of the test's own whose rule has no delay: one breaching sample raises its alert, and no alert
  // the simulator raised earlier (at most one per rule per 10 minutes) stands in the way.
  const post = (path: string, body: unknown) => admin.fetch(path, { method: 'POST', body: JSON.stringify(body) })
  const thresholds = { temperature: { min: 15, max: 30, delaySeconds: 0 } }
  const created = await post('/api/tenants/1/zones', { name: 'Breach test bay', targets: { temperature: 22 }, thresholds })
  expect(created.status).toBe(201)
  const { data: zoneRow } = await created.json() as { data: { id: number } }
  expect((await post('/api/tenants/1/devices', { uid: 'breach-test-node', name: 'Breach test node', zoneId: zoneRow.id })).status).toBe(201)
  // Configured elsewhere, the zone shows up on the open page live; its node has not reported yet, so its status is not known.
  const zone = page.locator(`[data-zone="${zoneRow.id}"]`)
  await expect(zone).toHaveAttribute('data-status', 'unknown')
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: 'breach-test-node', samples: [{ metric: 'temperature', value: 45 }] })).status).toBe(201)
  await expect(zone).toHaveAttribute('data-status', 'alert', { timeout: 2000 })
  await page.screenshot({ path: 'test-results/screens/zones-alert.png', fullPage: true })
})
