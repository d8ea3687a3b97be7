// The gateway page of a Modbus gateway in Chromium, the simulator serving the demo's Modbus devices: poll health,
// a register the device does not have marked bad with its error, an admin editing the connection and testing it
// (values, the exception of the bad register, a refused connection), and an operator who sees neither.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { freePort } from '../support/free-port'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

let server: ServerProcess
let admin: Session
let boilerId: number
let devicePort: number

test.beforeAll(async () => {
  // Outages off: the device must answer whenever the test reads it.
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', SIMULATOR_OUTAGES: 'off' })
  admin = await login(server, demoEmail('admin', 'greenfield'))
  const gateways = await (await admin.fetch('/api/tenants/1/gateways')).json() as { data: Array<{ id: number, serial: string, connection: { port?: number } }> }
  const boiler = gateways.data.find(gateway => gateway.serial === 'GREENFIELD-GW-2')!
  boilerId = boiler.id
  devicePort = boiler.connection.port!
  // Register 500 is beyond the simulated device's registers: it answers Modbus exception 2.
  const added = await admin.fetch(`/api/gateways/${boilerId}/data-points`, { method: 'POST', body: JSON.stringify({ register: 500, label: 'Bad register', group: 'Boiler' }) })
  expect(added.status).toBe(201)
})
test.afterAll(async () => {
  await server.stop()
})

async function editConnection(page: Page, fields: Record<string, string>): Promise<void> {
  await page.getByTestId('edit-connection').click()
  const form = page.getByTestId('connection-form')
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label, { exact: true }).fill(value)
  await form.getByRole('button', { name: 'Save' }).click()
}

test('an admin sees poll health and the bad register\'s error, edits the connection and tests it', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'admin', `/gateways/${boilerId}`, { viewport: { width: 1280, height: 1600 } })
  const summary = page.getByTestId('connection-summary')
  await expect(summary).toContainText(`127.0.0.1:${devicePort}`)
  await expect(summary).toContainText('every 2000 ms')
  await expect(page.getByTestId('poll-last')).not.toHaveText('not polled yet', { timeout: 15_000 })

  // The register the device does not have: bad, with the exception, and counted in poll health.
  const bad = page.locator('[data-testid=data-point][data-register="500"]')
  await expect(bad).toHaveAttribute('data-quality', 'bad', { timeout: 15_000 })
  await expect(bad.getByTestId('data-point-error')).toContainText(/illegal data address/i)
  await expect(page.getByTestId('poll-error')).toContainText(/illegal data address/i, { timeout: 10_000 })
  const supply = page.locator('[data-testid=data-point][data-register="20"]')
  await expect(supply).toHaveAttribute('data-quality', 'good')
  await expect(supply.getByTestId('data-point-value')).toHaveText(/^-?\d+(\.\d+)?$/)

  await page.getByTestId('test-connection').click()
  const result = page.getByTestId('connection-test')
  await expect(result).toHaveAttribute('data-connected', 'true')
  const rows = result.getByTestId('connection-test-point')
  await expect(rows.filter({ hasText: 'Supply temperature' })).toHaveAttribute('data-ok', 'true')
  await expect(rows.filter({ hasText: 'Supply temperature' }).getByTestId('connection-test-value')).toHaveText(/^-?\d+(\.\d+)?$/)
  await expect(rows.filter({ hasText: 'Bad register' })).toHaveAttribute('data-ok', 'false')
  await expect(rows.filter({ hasText: 'Bad register' }).getByTestId('connection-test-value')).toContainText(/illegal data address/i)
  await page.screenshot({ path: 'test-results/screens/gateway-modbus.png', fullPage: true })

  // A port out of range is refused at its field; a faster schedule is saved.
  await editConnection(page, { Port: '70000' })
  await expect(page.getByTestId('connection-form')).toContainText('65535')
  await page.getByTestId('connection-form').getByLabel('Port', { exact: true }).fill(String(devicePort))
  await page.getByTestId('connection-form').getByLabel('Poll interval (ms)').fill('1000')
  await page.getByTestId('connection-form').getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('connection-form')).toHaveCount(0)
  await expect(summary).toContainText('every 1000 ms')

  // Pointed at a port nobody listens on, the test says the connection was refused.
  const closed = await freePort()
  await editConnection(page, { Port: String(closed) })
  await expect(summary).toContainText(`127.0.0.1:${closed}`)
  await page.getByTestId('test-connection').click()
  await expect(result).toHaveAttribute('data-connected', 'false')
  await expect(page.getByTestId('connection-test-error')).toContainText(/refused/i)
  await expect(page.getByTestId('poll-error')).toContainText(/refused/i, { timeout: 15_000 })
  await editConnection(page, { Port: String(devicePort) })
  await expect(summary).toContainText(`127.0.0.1:${devicePort}`)
})

test('an operator sees poll health but neither the connection nor Test connection, and cannot change it', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'operator', `/gateways/${boilerId}`)
  await expect(page.getByTestId('poll-health')).toBeVisible()
  await expect(page.getByTestId('data-point').first()).toBeVisible()
  await expect(page.getByTestId('connection-panel')).toHaveCount(0)
  await expect(page.getByTestId('test-connection')).toHaveCount(0)
  await expect(page.getByText(`127.0.0.1:${devicePort}`)).toHaveCount(0)
  const operator = await login(server, demoEmail('operator', 'greenfield'))
  const change = await operator.fetch(`/api/gateways/${boilerId}`, { method: 'PATCH', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '10.1.2.3', port: 502 } }) })
  expect(change.status).toBe(403)
  const test = await operator.fetch(`/api/gateways/${boilerId}/test`, { method: 'POST' })
  expect(test.status).toBe(403)
})

test('an admin moves the bad register into the device\'s range in Settings, and the point is read well again', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'admin', '/settings/gateways', { listens: false })
  const boiler = page.locator('[data-gateway="GREENFIELD-GW-2"]')
  await boiler.getByRole('button', { name: 'Data points' }).click()
  const row = boiler.locator('[data-data-point]').filter({ hasText: 'Bad register' })
  await expect(row).toContainText('holding 500 · uint16')
  await row.getByRole('button', { name: 'Edit Bad register' }).click()
  await row.getByRole('spinbutton', { name: 'Register' }).fill('5')
  await row.getByRole('button', { name: 'Save' }).click()
  await expect(row).toContainText('holding 5 · uint16')
  await page.goto(`${server.url}/gateways/${boilerId}`)
  const moved = page.locator('[data-testid=data-point][data-register="5"]')
  await expect(moved).toHaveAttribute('data-quality', 'good', { timeout: 15_000 })
  await expect(moved.getByTestId('data-point-error')).toHaveCount(0)
})
