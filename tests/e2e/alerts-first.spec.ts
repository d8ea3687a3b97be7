// Alerts first, in Chromium: a zone's alerts and commands above its charts, the phone dashboard's alerts
// before the feed; alerts say who handled them, when and for how long, and link to their zone; activity rows
// and notifications are coloured, linked and in local time, the bell caps at 99+; charts break at gaps, draw
// the zone's target, shrink to a fresh zone's data and have readable axes in dark mode.
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage as openSignedInPage } from '../support/signed-in-page'
import type { SignedInOptions } from '../support/signed-in-page'

let server: ServerProcess
let admin: Session
let deviceToken: string
let zoneId: number
const NODE = 'alerts-first-node'
const contexts: BrowserContext[] = []
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  server = await startServer({ TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  admin = await login(server, demoEmail('admin', 'greenfield'))
  deviceToken = await createToken(admin, ['ingest'])
  // A zone of the test's own, new (a fresh install's situation), with a target and an undelayed threshold.
  const post = (path: string, body: unknown) => admin.fetch(path, { method: 'POST', body: JSON.stringify(body) })
  const created = await post(`/api/tenants/${admin.user.tenantId}/zones`, { name: 'Alerts first bay', targets: { temperature: 22 }, thresholds: { temperature: { min: 15, max: 30, delaySeconds: 0 } } })
  expect(created.status).toBe(201)
  zoneId = (await created.json() as { data: { id: number } }).data.id
  expect((await post(`/api/tenants/${admin.user.tenantId}/devices`, { uid: NODE, name: 'Alerts first node', zoneId })).status).toBe(201)
  // Four minutes ago a minute of samples every 5 s, then silence, then the last 30 s: a gap of about 2.5 min.
  const now = Date.now()
  const sample = (agoMs: number, value: number) => ({ metric: 'temperature', value, at: new Date(now - agoMs).toISOString() })
  const samples = [...Array.from({ length: 12 }, (_, n) => sample(240_000 - n * 5000, 21 + n / 10)), ...Array.from({ length: 6 }, (_, n) => sample(30_000 - n * 5000, 23))]
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: NODE, samples })).status).toBe(201)
  // A breach raises a (warning or critical) alert in that zone.
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: NODE, samples: [{ metric: 'temperature', value: 45 }] })).status).toBe(201)
})
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})
test.afterAll(async () => {
  await server.stop()
})

async function signedInPage(browser: Browser, role: 'admin' | 'operator' | 'viewer', path: string, options: SignedInOptions = {}): Promise<Page> {
  const page = await openSignedInPage(browser, server, role, path, { viewport: { width: 1440, height: 900 }, ...options })
  contexts.push(page.context())
  return page
}

test('at 1440 × 900 a zone\'s open alerts and command form are on screen, above its charts', async ({ browser }) => {
  const page = await signedInPage(browser, 'operator', `/zones/${zoneId}`)
  const alerts = page.getByTestId('zone-alerts').locator('li').first()
  await expect(alerts).toBeVisible()
  await expect(alerts).toBeInViewport()
  await expect(page.getByTestId('zone-command-form')).toBeInViewport()
  const firstChart = (await page.getByTestId('zone-chart').first().boundingBox())!
  expect((await alerts.boundingBox())!.y).toBeLessThan(firstChart.y)
  expect((await page.getByTestId('zone-command-form').boundingBox())!.y).toBeLessThan(firstChart.y)
  await page.screenshot({ path: 'test-results/screens/zone-alerts-first.png' })
})

test('on a phone the dashboard shows the active alerts before the activity feed', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/', { viewport: { width: 390, height: 844 } })
  await expect(page.getByTestId('active-alerts').locator('li').first()).toBeVisible()
  const alerts = (await page.getByTestId('active-alerts').boundingBox())!
  const feed = (await page.getByTestId('activity-feed').boundingBox())!
  expect(alerts.y).toBeLessThan(feed.y)
})

test('an alert says who acknowledged and who resolved it, when, and for how long, and links to its zone', async ({ browser }) => {
  const operator = await signedInPage(browser, 'operator', '/alerts')
  const row = operator.getByTestId('alerts-list').locator('li').filter({ hasText: 'Alerts first bay' }).first()
  await expect(row.getByTestId('alert-duration')).toHaveText(/^open for \d+ (s|min)$/)
  await row.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(row.getByTestId('alert-handled-by')).toContainText('acknowledged by')
  await expect(row.getByTestId('alert-handled-by')).not.toContainText('user ')
  await expect(row.getByTestId('alert-handled-by').locator('time')).not.toHaveText(ISO_INSTANT)

  // Another person resolves it; reloading shows both names from the alerts API.
  const alertId = await row.getAttribute('data-alert-id')
  expect((await admin.fetch(`/api/alerts/${alertId}/resolve`, { method: 'POST' })).status).toBe(200)
  await operator.getByRole('combobox', { name: 'Status' }).click()
  await operator.getByRole('option', { name: 'All' }).click()
  const resolved = operator.locator(`[data-alert-id="${alertId}"]`)
  await expect(resolved).toHaveAttribute('data-status', 'resolved')
  await expect(resolved.getByTestId('alert-handled-by')).toContainText(/resolved by \S+/)
  await expect(resolved.getByTestId('alert-duration')).toHaveText(/^lasted \d+ (s|min)$/)
  await operator.reload()
  await operator.getByRole('combobox', { name: 'Status' }).click()
  await operator.getByRole('option', { name: 'All' }).click()
  await expect(resolved.getByTestId('alert-handled-by')).toContainText(/resolved by [A-Z]/)
  await resolved.getByTestId('alert-subject-link').click()
  await expect(operator).toHaveURL(`${server.url}/zones/${zoneId}`)
})

test('activity rows are coloured by what they report, in local time, and link to their zone', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/')
  const raised = page.getByTestId('activity-feed').locator('li[data-kind="alert.raised"]').filter({ hasText: 'Alerts first bay' }).first()
  await expect(raised).toHaveAttribute('data-tone', 'error')
  expect(await raised.evaluate(element => getComputedStyle(element).borderLeftWidth)).toBe('4px')
  await expect(raised.locator('time')).not.toHaveText(ISO_INSTANT)
  await raised.getByTestId('activity-link').click()
  await expect(page).toHaveURL(`${server.url}/zones/${zoneId}`)
})

test('over 99 unread notifications read 99+ on the bell; each links to its page and shows local times', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/alerts')
  const vehicle = await admin.fetch(`/api/tenants/${admin.user.tenantId}/vehicles`, { method: 'POST', body: JSON.stringify({ name: 'Badge van', plate: 'BADGE-1', speedLimit: 50 }) })
  expect(vehicle.status).toBe(201)
  const vehicleId = (await vehicle.json() as { data: { id: number } }).data.id
  // 101 excursions over the limit in one batch: 101 speeding notifications for every user.
  const start = Date.now() - 300_000
  const positions = Array.from({ length: 202 }, (_, n) => ({ vehicleId, lat: 52 + n / 10_000, lon: 4, speed: n % 2 === 0 ? 90 : 10, at: new Date(start + n * 1000).toISOString() }))
  expect((await ingest(server.url, deviceToken, '/api/ingest/positions', { positions })).status).toBe(201)
  const bell = page.getByTestId('notifications-button')
  await expect(page.getByTestId('notifications-badge')).toContainText('99+', { timeout: 10_000 })
  await expect(bell).toHaveAttribute('aria-label', /Notifications, \d+ unread/)
  await bell.click()
  const speeding = page.getByTestId('notifications-list').locator('li[data-kind="speeding"]').first()
  await expect(speeding).toHaveAttribute('data-tone', 'warning')
  await expect(speeding).not.toContainText(ISO_INSTANT)
  await speeding.getByTestId('notification-link').click()
  await expect(page).toHaveURL(`${server.url}/map`)
})

test('a chart breaks its line where samples stopped, draws the zone\'s target, and spans a fresh zone\'s data, not the whole hour', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', `/zones/${zoneId}`)
  const chart = page.locator('[data-testid="zone-chart"][data-metric="temperature"]').getByTestId('time-series-chart')
  await expect(chart).not.toHaveAttribute('data-points', '0')
  await expect(chart).toHaveAttribute('data-gaps', /^[1-9]/)
  await expect(chart).toHaveAttribute('data-reference-lines', 'target 22|min 15|max 30')
  // The zone's data began about 4 min ago: the 1 h window starts there (at most 5 min back), not 60 min back.
  const from = Number(await chart.getAttribute('data-window-from'))
  expect(Date.now() - from).toBeLessThan(7 * 60_000)
  await page.screenshot({ path: 'test-results/screens/zone-chart-gap-target.png' })
})

test('in dark mode chart tick labels are light', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', `/zones/${zoneId}`, { colorScheme: 'dark' })
  const chart = page.locator('[data-testid="zone-chart"][data-metric="temperature"]').getByTestId('time-series-chart')
  await expect(chart).not.toHaveAttribute('data-points', '0')
  const color = await chart.getAttribute('data-tick-color')
  const [r, g, b] = [1, 3, 5].map(at => Number.parseInt(color!.slice(at, at + 2), 16))
  expect((r! + g! + b!) / 3).toBeGreaterThan(180)
  await page.screenshot({ path: 'test-results/screens/zone-chart-dark.png' })
})
