// The gateway pages and the unassigned-devices page in Chromium, the simulator on: the list opens a gateway,
// an operator adds a data point whose readings show live (value, quality, chart), viewers cannot add, a device
// in no zone shows its report live, and the gateway page works on a phone; screenshots are kept as artifacts.
import { expect, test } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

const PUMP_HOUSE = 'GREENFIELD-GW-1'
let server: ServerProcess
let deviceToken: string
let pumpHouseId: number

test.beforeAll(async () => {
  // Outages off: a gateway falling silent would leave its page without the values the test reads.
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', SIMULATOR_OUTAGES: 'off', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  deviceToken = await createToken(admin, ['ingest'])
  const gateways = await (await admin.fetch('/api/tenants/1/gateways')).json() as { data: Array<{ id: number, serial: string }> }
  pumpHouseId = gateways.data.find(gateway => gateway.serial === PUMP_HOUSE)!.id
})
test.afterAll(async () => {
  await server.stop()
})

/** Sends one reading of `register` of the Pump house gateway, as the gateway would. */
async function sendReading(register: number, value: number, quality: 'good' | 'bad'): Promise<void> {
  const response = await ingest(server.url, deviceToken, '/api/ingest/readings', { gateway: PUMP_HOUSE, readings: [{ register, value, quality }] })
  expect(response.status).toBe(201)
}

test('the gateway list opens a gateway; a data point an operator adds shows its readings live', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'operator', '/gateways', { viewport: { width: 1280, height: 1400 } })
  const row = page.locator(`[data-gateway="${PUMP_HOUSE}"]`)
  await expect(page.getByTestId('gateways-summary')).toHaveText(/^\d of 2 online$/)
  await expect(row).toHaveAttribute('data-online', 'true', { timeout: 5000 })
  await expect(row.getByTestId('gateway-contact')).toContainText('s ago')
  await page.screenshot({ path: 'test-results/screens/gateways.png', fullPage: true })

  // The row is a link a keyboard reaches.
  await row.getByRole('link').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${server.url}/gateways/${pumpHouseId}`)
  await expect(page.getByRole('heading', { name: 'Pump house' })).toBeVisible()
  await expect(page.getByTestId('gateway-online')).toHaveAttribute('data-online', 'true')
  await expect(page.getByTestId('data-point-group')).toHaveCount(2)
  await expect(page.getByTestId('data-point')).toHaveCount(5)
  // History the simulator wrote since start-up is charted.
  const flow = page.locator('[data-testid=data-point][data-register="0"]')
  await expect(flow.getByTestId('time-series-chart')).not.toHaveAttribute('data-points', '0')

  await page.getByTestId('add-data-point').click()
  await page.getByLabel('Register').fill('90')
  await page.getByLabel('Label').fill('Tank level')
  await page.getByLabel('Unit').fill('%')
  await page.getByLabel('Group').fill('Tank')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  const tank = page.locator('[data-testid=data-point][data-register="90"]')
  await expect(tank).toBeVisible()
  await expect(tank.getByTestId('data-point-value')).toHaveText('—')
  await expect(tank).toContainText('No readings in this range')

  // The simulator does not know register 90: what shows is what this test sends.
  await sendReading(90, 42.5, 'good')
  await expect(tank.getByTestId('data-point-value')).toHaveText('42.5', { timeout: 3000 })
  await expect(tank).toHaveAttribute('data-quality', 'good')
  await expect(tank.getByTestId('time-series-chart')).toHaveAttribute('data-points', '1')
  const firstTime = await tank.getByTestId('data-point-time').getAttribute('datetime')
  await sendReading(90, 17.25, 'bad')
  await expect(tank.getByTestId('data-point-value')).toHaveText('17.25', { timeout: 3000 })
  await expect(tank).toHaveAttribute('data-quality', 'bad')
  await expect(tank.getByTestId('data-point-quality')).toHaveText('bad')
  await expect(tank.getByTestId('data-point-time')).not.toHaveAttribute('datetime', firstTime!)
  await expect(tank.getByTestId('time-series-chart')).toHaveAttribute('data-points', '2')
  await page.screenshot({ path: 'test-results/screens/gateway.png', fullPage: true })

  // A register that is taken is refused, and the form says so at the field.
  await page.getByTestId('add-data-point').click()
  await page.getByLabel('Register').fill('90')
  await page.getByLabel('Label').fill('Again')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByTestId('data-point-form')).toContainText('register 90 already has a data point', { timeout: 15_000 })
  // It stays there: the form's own check of the register typed just before (debounced by default) must not wipe it.
  await page.waitForTimeout(600)
  await expect(page.getByTestId('data-point-form')).toContainText('register 90 already has a data point', { timeout: 1 })
})

test('a viewer sees a gateway but cannot add data points; an unknown gateway says so', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', `/gateways/${pumpHouseId}`)
  await expect(page.getByTestId('data-point').first()).toBeVisible()
  await expect(page.getByTestId('add-data-point')).toHaveCount(0)
  await page.goto(`${server.url}/gateways/999999`)
  await expect(page.getByTestId('gateway-not-found')).toBeVisible()
})

test('a device in no zone is listed, and its report shows live', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/devices')
  const spare = page.locator('[data-device="greenfield-spare-1"]')
  await expect(spare).toHaveAttribute('data-freshness', 'never')
  await expect(spare.getByTestId('device-last-seen')).toContainText('never')
  await expect(page.getByTestId('devices-list').locator('[data-device]')).toHaveCount(1)
  const response = await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: 'greenfield-spare-1', samples: [{ metric: 'temperature', value: 21 }] })
  expect(response.status).toBe(201)
  await expect(spare).toHaveAttribute('data-freshness', 'fresh', { timeout: 3000 })
  await expect(spare.getByTestId('device-last-seen')).toContainText(/\d s ago/)
  await expect(spare.getByTestId('device-stale')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/screens/devices.png', fullPage: true })
})

test('the gateway list and a gateway\'s page work on a 375 px wide phone', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/gateways', { viewport: { width: 375, height: 812 } })
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  await expect(page.locator(`[data-gateway="${PUMP_HOUSE}"]`)).toBeVisible()
  expect(await overflow()).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'test-results/screens/gateways-phone.png', fullPage: true })
  await page.locator(`[data-gateway="${PUMP_HOUSE}"]`).getByRole('link').click()
  await expect(page.getByRole('heading', { name: 'Pump house' })).toBeVisible()
  await expect(page.getByTestId('time-series-chart').first()).toBeVisible()
  expect(await overflow()).toBeLessThanOrEqual(0)
  await page.screenshot({ path: 'test-results/screens/gateway-phone.png', fullPage: true })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: 'test-results/screens/gateway-phone-dark.png', fullPage: true })
})
