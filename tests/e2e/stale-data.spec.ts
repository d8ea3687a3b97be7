// Stale data looks stale in Chromium (simulator off, so nothing reports unless the test says so): a zone whose
// nodes are all silent is 'unknown' (list, dashboard, zone page) until one reports; a gateway's values lose their
// "good" badge and are dimmed with their age while the page's connection is down and under an offline banner.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

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

/** A new gateway of tenant 1 with one data point (register 7), silent until the test sends a reading. */
async function newGateway(name: string, offlineAfterSeconds: number): Promise<{ id: number, serial: string }> {
  const serial = `STALE-${name.toUpperCase().replace(/\W/g, '-')}-${Date.now()}`
  const created = await admin.fetch('/api/tenants/1/gateways', { method: 'POST', body: JSON.stringify({ name, serial, offlineAfterSeconds }) })
  expect(created.status).toBe(201)
  const { data } = await created.json() as { data: { id: number } }
  const point = await admin.fetch(`/api/gateways/${data.id}/data-points`, { method: 'POST', body: JSON.stringify({ register: 7, label: 'Flow', unit: 'l/min', group: 'Main' }) })
  expect(point.status).toBe(201)
  return { id: data.id, serial }
}

async function sendGoodReading(serial: string): Promise<void> {
  expect((await ingest(server.url, deviceToken, '/api/ingest/readings', { gateway: serial, readings: [{ register: 7, value: 12.5, quality: 'good' }] })).status).toBe(201)
}

const card = (page: Page) => page.locator('[data-testid=data-point][data-register="7"]')

test('a zone whose nodes are all silent is unknown, not ok, until one of them reports', async ({ browser }) => {
  const { uid, zoneId } = await firstZonedNode(admin)
  const listed = await (await admin.fetch('/api/tenants/1/zones')).json() as { data: Array<{ id: number, status: string }> }
  expect(listed.data.find(zone => zone.id === zoneId)!.status).toBe('unknown')

  const page = await signedInPage(browser, server, 'viewer', '/')
  await expect(page.locator('[data-card=zones]')).toContainText('unknown')
  await page.goto(`${server.url}/zones`)
  const row = page.locator(`[data-zone="${zoneId}"]`)
  await expect(row).toHaveAttribute('data-status', 'unknown')
  await expect(row).toContainText('unknown')

  // pH inside every demo threshold: the zone has no reason to be anything but ok once it is heard.
  expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: uid, samples: [{ metric: 'ph', value: 6.2 }] })).status).toBe(201)
  await expect(row).toHaveAttribute('data-status', 'ok', { timeout: 10_000 })

  await page.goto(`${server.url}/zones/${zoneId}`)
  await expect(page.getByTestId('zone-status')).toHaveAttribute('data-status', 'ok')
  await page.context().close()
})

test('a gateway\'s values are dimmed with their age and lose the good badge while the page is not live', async ({ browser }) => {
  const gateway = await newGateway('Connection probe', 3600)
  await sendGoodReading(gateway.serial)
  let blocked = false
  const page = await signedInPage(browser, server, 'viewer', `/gateways/${gateway.id}`, {
    prepare: page => page.routeWebSocket(/\/app\//, (ws) => {
      if (blocked) return void ws.close({ code: 1006 })
      const upstream = ws.connectToServer()
      const watch = setInterval(() => {
        if (!blocked) return
        clearInterval(watch)
        void upstream.close()
        void ws.close({ code: 1006 })
      }, 100)
    }),
  })
  await expect(card(page)).toHaveAttribute('data-stale', 'false')
  await expect(card(page).getByTestId('data-point-quality')).toHaveText('good')

  blocked = true
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', /reconnecting|offline|polling/, { timeout: 15_000 })
  await expect(card(page)).toHaveAttribute('data-stale', 'true')
  await expect(card(page).getByTestId('data-point-quality')).toHaveText('stale')
  await expect(card(page).getByTestId('data-point-time')).toContainText('as of')

  blocked = false
  await page.getByTestId('retry-now').click()
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 10_000 })
  await expect(card(page).getByTestId('data-point-quality')).toHaveText('good')
  await page.context().close()
})

test('a gateway\'s values under its offline banner are dimmed with their age and lose the good badge', async ({ browser }) => {
  const gateway = await newGateway('Falls silent', 10)
  await sendGoodReading(gateway.serial)
  const page = await signedInPage(browser, server, 'viewer', `/gateways/${gateway.id}`)
  await expect(card(page).getByTestId('data-point-quality')).toHaveText('good')

  // Ten seconds without contact: the banner comes, and what is under it is no longer vouched for.
  await expect(page.getByTestId('gateway-overdue')).toBeVisible({ timeout: 20_000 })
  await expect(card(page)).toHaveAttribute('data-stale', 'true')
  await expect(card(page).getByTestId('data-point-quality')).toHaveText('stale')
  await expect(card(page).getByTestId('data-point-time')).toContainText(/as of \d+ s ago/)
  await page.screenshot({ path: 'test-results/screens/gateway-stale.png' })
  await page.context().close()
})
