// Route replay and CSV export in Chromium: a back-filled day of a vehicle is replayed from its panel (play at
// 60×, pause, step, stops counted, on a desktop and on a phone), its track and the Reports page's summary are
// downloaded as CSV. The browser runs in Europe/Amsterdam; no request leaves the server.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { at, backfilledPositions, day } from '../support/backfilled-day'
import { DEMO_PASSWORD, demoEmail, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, gotoLive } from '../support/signed-in-page'

let server: ServerProcess
let vehicleId: number
let vehicleName: string

test.beforeAll(async () => {
  server = await startServer()
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const vehicles = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/vehicles`)).json() as { data: Array<{ id: number, name: string }> }
  vehicleId = vehicles.data[0]!.id
  vehicleName = vehicles.data[0]!.name
  const response = await ingest(server.url, await createToken(admin, ['ingest']), '/api/ingest/positions', { positions: backfilledPositions(vehicleId) })
  expect(response.status).toBe(201)
})
test.afterAll(async () => {
  await server.stop()
})
const contexts: BrowserContext[] = []
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})

/** An admin's page at `path` in Amsterdam time; requests leaving the server are collected in `foreign`. */
async function signedIn(browser: Browser, path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page, foreign: string[] }> {
  const context = await browser.newContext({ viewport, timezoneId: 'Europe/Amsterdam', acceptDownloads: true })
  contexts.push(context)
  const page = await context.newPage()
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url())) foreign.push(request.url())
  })
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`)
  await page.fill('input[name=email]', demoEmail('admin', 'greenfield'))
  await page.fill('input[name=password]', DEMO_PASSWORD)
  await page.click('button[type=submit]')
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  return { page, foreign }
}

/** Opens the vehicle's panel on the map and loads the replay of the back-filled day. */
async function openReplay(page: Page): Promise<void> {
  await page.getByTestId('vehicle-list').locator(`li[data-vehicle-id="${vehicleId}"]`).getByRole('button').click()
  const replay = page.getByTestId('vehicle-panel').getByTestId('replay')
  await replay.getByRole('button', { name: 'Replay route' }).click()
  await replay.getByLabel('From').fill(day)
  await replay.getByLabel('To').fill(day)
  await replay.getByRole('button', { name: 'Load' }).click()
  await expect(replay.getByTestId('replay-summary')).toHaveText('80 fixes · 1 stop')
}

/** The replay's current fix index. */
async function replayIndex(page: Page): Promise<number> {
  return Number(await page.getByTestId('replay-readout').getAttribute('data-index'))
}

test('replays a day: steps, plays at 60× and pauses, showing time, speed and sensors', async ({ browser }) => {
  const { page, foreign } = await signedIn(browser, '/map')
  await openReplay(page)
  await expect(page.getByTestId('replay-time')).toHaveAttribute('data-at', at(0))
  await expect(page.getByTestId('replay-speed-value')).toHaveText('40.0 km/h')
  await expect(page.getByTestId('replay-sensors')).toHaveText('ignition on · fuel 55%')
  await page.getByRole('button', { name: 'Next fix' }).click()
  await expect(page.getByTestId('replay-time')).toHaveAttribute('data-at', at(0.5))
  await page.getByTestId('replay-speed').selectOption('60')
  await page.getByTestId('replay-play').click()
  // At 60× a fix every 30 s of track time passes every half second.
  await expect.poll(() => replayIndex(page), { timeout: 20_000 }).toBeGreaterThan(4)
  await page.getByTestId('replay-pause').click()
  const paused = await replayIndex(page)
  await page.waitForTimeout(1500)
  expect(await replayIndex(page)).toBe(paused)
  // Dragging the timeline to the stop shows the parked vehicle with its ignition off.
  await page.getByTestId('replay-slider').fill(String(Date.parse(at(20))))
  await expect(page.getByTestId('replay-sensors')).toHaveText('ignition off · fuel 55%')
  await expect(page.getByTestId('replay-speed-value')).toHaveText('0.0 km/h')
  await page.screenshot({ path: test.info().outputPath('replay.png') })
  expect(foreign).toEqual([])
})

test('replay works on a phone without sideways scrolling', async ({ browser }) => {
  const { page, foreign } = await signedIn(browser, '/map', { width: 375, height: 740 })
  await openReplay(page)
  await page.getByRole('button', { name: 'Next fix' }).click()
  await expect(page.getByTestId('replay-readout')).toHaveAttribute('data-index', '1')
  await expectNoSidewaysScroll(page)
  expect(foreign).toEqual([])
})

test('downloads the replayed track and the Reports page\'s summary as CSV', async ({ browser }) => {
  const { page, foreign } = await signedIn(browser, '/map')
  await openReplay(page)
  const [trackDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('replay-csv').click()])
  expect(trackDownload.suggestedFilename()).toMatch(new RegExp(`^vehicle-${vehicleId}-track_.*\\.csv$`))
  const track = readFileSync((await trackDownload.path())!, 'utf8').trimEnd().split('\r\n')
  expect(track).toHaveLength(81)
  expect(track[1]).toMatch(new RegExp(`^${at(0)},52.1,5.1,40,`))

  await gotoLive(page, server, '/reports')
  await page.getByLabel('From').fill(day)
  await page.getByLabel('To').fill(day)
  await page.getByRole('button', { name: 'Show' }).click()
  const row = page.getByTestId('summary-table').locator(`tr[data-vehicle-id="${vehicleId}"][data-day="${day}"]`)
  await expect(row).toContainText(vehicleName)
  await expect(row).toContainText('40 km/h')
  const [summaryDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()])
  const summary = readFileSync((await summaryDownload.path())!, 'utf8').split('\r\n')
  expect(summary[0]).toBe('vehicleId,vehicleName,day,distanceKm,drivingSeconds,idleSeconds,maxSpeed,geozoneVisits,speedingEvents')
  expect(summary.some(line => line.startsWith(`${vehicleId},${vehicleName},${day},`))).toBe(true)
  expect(foreign).toEqual([])
})
