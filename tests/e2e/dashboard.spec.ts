// The dashboard, notifications and the layout in Chromium: live counters, critical alerts toasted and listed,
// latest commands changing status, keyboard navigation, and a dark phone view.
import { expect, test } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, signedInPage } from '../support/signed-in-page'

let server: ServerProcess
let admin: Session
let deviceToken: string

test.beforeAll(async () => {
  server = await startServer()
  admin = await login(server, demoEmail('admin', 'greenfield'))
  deviceToken = await createToken(admin, ['ingest'])
})
test.afterAll(async () => {
  await server.stop()
})

/** A node of a zone that is calm now (no open alert: 'ok', or 'unknown' while its nodes are silent), so an alert there is the test's doing. */
async function calmNode(): Promise<{ uid: string, zoneId: number }> {
  const zones = await (await admin.fetch('/api/tenants/1/zones')).json() as { data: Array<{ id: number, status: string }> }
  const devices = await (await admin.fetch('/api/tenants/1/devices')).json() as { data: Array<{ uid: string, zoneId: number | null }> }
  const node = devices.data.find(device => zones.data.some(zone => zone.id === device.zoneId && (zone.status === 'ok' || zone.status === 'unknown')))!
  return { uid: node.uid, zoneId: node.zoneId! }
}

test('a critical alert raises the counter, is toasted and lands in the notifications, which read on opening', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'operator', '/')
  const alertsCard = page.locator('[data-card=alerts]').getByTestId('summary-value')
  await expect(alertsCard).toHaveText(/^\d+$/)
  const before = Number(await alertsCard.textContent())
  const bell = page.getByTestId('notifications-button')
  await expect(bell).toHaveAttribute('data-unread', /^\d+$/)
  const unreadBefore = Number(await bell.getAttribute('data-unread'))

  const node = await calmNode()
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'temperature', value: 45, at: new Date(Date.now() - 40_000).toISOString() }, { metric: 'temperature', value: 45 }] })).status).toBe(201)

  await expect(page.locator('[data-sonner-toast], [role=alert], li[role=status]').filter({ hasText: 'Critical' }).first()).toBeVisible({ timeout: 2000 })
  await expect(alertsCard).toHaveText(String(before + 1), { timeout: 3000 })
  await expect(page.getByTestId('active-alerts').locator('li').filter({ hasText: 'emperature' }).first()).toBeVisible()
  await expect(bell).toHaveAttribute('data-unread', String(unreadBefore + 1))
  await page.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true })

  await bell.click()
  await expect(page.getByTestId('notifications-list').locator('li[data-kind=alert]').first()).toContainText('Critical')
  await expect(bell).toHaveAttribute('data-unread', '0')
  await page.screenshot({ path: 'test-results/screens/notifications.png' })
  await page.keyboard.press('Escape')
  await page.reload()
  await expect(page.getByTestId('notifications-button')).toHaveAttribute('data-unread', '0')
})

test('a command sent by an operator shows in the latest commands and its status changes live', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/')
  await expect(page.getByText('No commands sent yet.')).toBeVisible()
  const operator = await login(server, demoEmail('operator', 'greenfield'))
  const node = await calmNode()
  const sent = await operator.fetch(`/api/zones/${node.zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'irrigate', params: { minutes: 5 } }) })
  expect(sent.status).toBe(201)
  const command = (await sent.json() as { data: { id: number } }).data
  const row = page.locator(`[data-testid=latest-commands] [data-command-id="${command.id}"]`)
  await expect(row).toHaveAttribute('data-status', 'queued', { timeout: 2000 })
  // The zone's node fetches its commands (now 'sent'), then reports the outcome.
  const fetched = await fetch(`${server.url}/api/ingest/commands?device=${node.uid}`, { headers: { authorization: `Bearer ${deviceToken}` } })
  expect(fetched.status).toBe(200)
  await expect(row).toHaveAttribute('data-status', 'sent', { timeout: 2000 })
  for (const status of ['acknowledged', 'succeeded']) {
    expect((await ingest(server.url, deviceToken, `/api/ingest/commands/${command.id}/status`, { status })).status).toBeLessThan(300)
  }
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 2000 })
})

test('g then a letter opens a page from the keyboard', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/')
  await page.keyboard.press('g')
  await page.keyboard.press('a')
  await expect(page).toHaveURL(/\/alerts$/)
  await expect(page.getByRole('heading', { name: 'Alerts' })).toBeVisible()
})

test('the dashboard works on a 375 px phone in dark mode, with the navigation behind the menu button', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/', { viewport: { width: 375, height: 812 }, colorScheme: 'dark' })
  await expect(page.getByTestId('summary-cards')).toBeVisible()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/screens/dashboard-phone-dark.png', fullPage: true })
  await page.getByRole('button', { name: /open|menu|sidebar/i }).first().click()
  await page.getByRole('link', { name: 'Zones' }).click()
  await expect(page).toHaveURL(/\/zones$/)
})
