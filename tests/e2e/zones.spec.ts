// The zones pages in Chromium with the simulator on: a live list that opens a zone; a zone's live charts, nodes,
// commands whose status changes on the page, presence of other viewers; viewers cannot command; screenshots kept.
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage as openSignedInPage } from '../support/signed-in-page'
import type { SignedInOptions } from '../support/signed-in-page'

let server: ServerProcess
let zoneId: number
/** Browser contexts a test opened: closed after it, so nobody lingers in a zone's presence for the next test. */
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const zones = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/zones`)).json() as { data: Array<{ id: number }> }
  zoneId = zones.data[0]!.id
})
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})
test.afterAll(async () => {
  await server.stop()
})

/** A signed-in page whose context is closed after the test. */
async function signedInPage(browser: Browser, role: 'admin' | 'operator' | 'viewer', path: string, options: SignedInOptions = {}): Promise<Page> {
  const page = await openSignedInPage(browser, server, role, path, { viewport: { width: 1280, height: 900 }, ...options })
  contexts.push(page.context())
  return page
}

/** Points drawn by a chart (its series, without threshold lines). */
async function pointsOf(chart: Locator): Promise<number> {
  return Number(await chart.getByTestId('time-series-chart').getAttribute('data-points'))
}

test('the zones list shows live zones whose counts follow commands, and a card opens its zone', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', '/zones')
  const reloads: number[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/api/tenants/1/zones')) reloads.push(Date.now())
  })
  const cards = page.getByTestId('zones-list').locator('li')
  await expect(cards).toHaveCount(3)
  await expect(cards.first()).toHaveAttribute('data-status', /^(ok|warning|alert)$/)
  const card = page.locator(`li[data-zone="${zoneId}"]`)
  const counts = card.getByTestId('zone-counts')
  await expect(counts).toHaveAttribute('data-pending-commands', '0', { timeout: 10_000 })

  const operator = await login(server, demoEmail('operator', 'greenfield'))
  expect((await operator.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'vent', params: { percent: 40 } }) })).status).toBe(201)
  // The simulator finishes the command within a few of its 500 ms ticks: the count rises, then falls back.
  await expect(counts).toHaveAttribute('data-pending-commands', /^[1-9]/, { timeout: 3000 })
  await expect(counts).toHaveAttribute('data-pending-commands', '0', { timeout: 10_000 })
  await expect(page.getByText('Loading…')).toHaveCount(0)
  expect(reloads.length).toBeGreaterThanOrEqual(2)
  // Reloads caused by events come at most once a second (a little slack for the request's own timing).
  reloads.slice(1).forEach((at, index) => expect(at - reloads[index]!).toBeGreaterThan(900))
  await page.screenshot({ path: 'test-results/screens/zones.png', fullPage: true })

  await card.getByRole('link').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/zones/${zoneId}$`))
  await expect(page.getByTestId('zone-status')).toHaveAttribute('data-status', /^(ok|warning|alert)$/)
})

test('a zone shows live charts with thresholds and its nodes with when they were last heard', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', `/zones/${zoneId}`)
  const charts = page.getByTestId('zone-chart')
  await expect(charts).toHaveCount(5)
  await expect(page.locator('[data-testid=zone-chart][data-metric=ph]')).toContainText('pH')
  await page.getByTestId('zone-range').getByRole('button', { name: '15 min' }).click()
  await expect(page.getByTestId('zone-range').getByRole('button', { name: '15 min' })).toHaveAttribute('aria-pressed', 'true')
  const chart = page.locator('[data-testid=zone-chart][data-metric=temperature]')
  await expect.poll(() => pointsOf(chart)).toBeGreaterThan(0)
  const before = await pointsOf(chart)
  // A 15 min window has 1.8 s slots; samples come every 500 ms, so a new point appears within a few seconds.
  await expect.poll(() => pointsOf(chart), { timeout: 8000 }).toBeGreaterThan(before)

  const node = page.getByTestId('zone-nodes').locator('li').first()
  await expect(node).toHaveAttribute('data-stale', 'false')
  await expect(node.getByTestId('node-last-seen')).toHaveText(/^last seen (just now|\d+ s ago)$/)
  await expect(node).toContainText('pH')
  await expect(page.getByTestId('zone-viewers')).toContainText('Greenfield viewer')
  // The dashboard panel scrolls inside the window: a tall window shows the whole page in one screenshot.
  await page.setViewportSize({ width: 1280, height: 1600 })
  await page.screenshot({ path: 'test-results/screens/zone.png', fullPage: true })
})

test('an operator sends a command and watches its status change live to a final one', async ({ browser }) => {
  const page = await signedInPage(browser, 'operator', `/zones/${zoneId}`)
  const list = page.getByTestId('zone-commands')
  await expect(page.getByTestId('zone-command-form')).toBeVisible()
  await list.evaluate((element) => {
    const seen: string[] = []
    Object.assign(window, { seenStatuses: seen })
    const record = () => element.querySelectorAll('li').forEach(row => seen.push(`${row.dataset.commandId}:${row.dataset.status}`))
    new MutationObserver(record).observe(element, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] })
  })
  const answer = page.waitForResponse(response => response.url().endsWith(`/api/zones/${zoneId}/commands`) && response.request().method() === 'POST')
  await page.getByTestId('zone-command-form').getByRole('button', { name: 'Send' }).click()
  const sent = await answer
  expect(sent.status()).toBe(201)
  const { data } = await sent.json() as { data: { id: number, status: string } }
  expect(data.status).toBe('queued')
  const row = list.locator(`li[data-command-id="${data.id}"]`)
  await expect(row).toBeVisible()
  await expect(row).toHaveAttribute('data-status', /^(succeeded|failed)$/, { timeout: 10_000 })
  const seen = (await page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses))
    .filter(entry => entry.startsWith(`${data.id}:`)).map(entry => entry.split(':')[1]!)
  // Every step was shown, in lifecycle order: queued (or already sent), then on to the final status.
  const progress = seen.map(status => ['queued', 'sent', 'acknowledged'].indexOf(status) === -1 ? 3 : ['queued', 'sent', 'acknowledged'].indexOf(status))
  expect(['queued', 'sent']).toContain(seen[0])
  expect(progress).toEqual([...progress].sort((a, b) => a - b))
  expect(new Set(seen).size).toBeGreaterThanOrEqual(3)
})

test('two people on the same zone see each other, and see the other leave', async ({ browser }) => {
  const operator = await signedInPage(browser, 'operator', `/zones/${zoneId}`)
  const admin = await signedInPage(browser, 'admin', `/zones/${zoneId}`)
  await expect(operator.getByTestId('zone-viewers')).toContainText('Greenfield admin')
  await expect(admin.getByTestId('zone-viewers')).toContainText('Greenfield operator')
  await expect(admin.getByTestId('zone-viewers')).toHaveAttribute('data-count', '2')
  await admin.context().close()
  await expect(operator.getByTestId('zone-viewers')).not.toContainText('Greenfield admin')
  await expect(operator.getByTestId('zone-viewers')).toHaveAttribute('data-count', '1')
})

test('a viewer has no command form, and the server refuses the viewer\'s command with 403', async ({ browser }) => {
  const page = await signedInPage(browser, 'viewer', `/zones/${zoneId}`)
  await expect(page.getByTestId('zone-commands')).toBeAttached()
  await expect(page.getByTestId('zone-nodes').locator('li')).not.toHaveCount(0)
  await expect(page.getByTestId('zone-command-form')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0)
  const xsrf = (await page.context().cookies()).find(cookie => cookie.name === 'XSRF-TOKEN')
  expect(xsrf).toBeDefined()
  const refused = await page.request.post(`${server.url}/api/zones/${zoneId}/commands`, {
    data: { kind: 'irrigate', params: { seconds: 5 } }, headers: { 'x-xsrf-token': decodeURIComponent(xsrf!.value) },
  })
  expect(refused.status()).toBe(403)
  expect(await refused.text()).toContain('command')
})

test('on a 375 px phone the zone stacks in one column, and an unknown zone says so', async ({ browser }) => {
  const page = await signedInPage(browser, 'operator', `/zones/${zoneId}`, { viewport: { width: 375, height: 812 } })
  await expect.poll(() => pointsOf(page.getByTestId('zone-chart').first())).toBeGreaterThan(0)
  await expect(page.getByTestId('zone-nodes').locator('li')).not.toHaveCount(0)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const boxes = await Promise.all([page.getByTestId('zone-chart').nth(0), page.getByTestId('zone-chart').nth(1)].map(chart => chart.boundingBox()))
  expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1)
  expect(boxes[0]!.width).toBeGreaterThan(300)
  await page.screenshot({ path: 'test-results/screens/zone-phone.png', fullPage: true })

  await page.goto(`${server.url}/zones/999999`)
  await expect(page.getByTestId('zone-not-found')).toBeVisible()
  await page.getByRole('link', { name: 'All zones' }).click()
  await expect(page.getByTestId('zones-list').locator('li')).toHaveCount(3)
})
