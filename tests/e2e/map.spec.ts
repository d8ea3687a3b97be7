// The vehicle map in Chromium with the simulator driving: the fleet is drawn offline and moves, a vehicle's
// panel shows its track, operators draw (polygons, circles), reshape, rename and delete geozones (viewers cannot), geo events are listed
// and toasted, the page works on a phone and says so when WebGL is missing. Screenshots are kept as artifacts.
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let admin: Session
let deviceToken: string

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  admin = await login(server, demoEmail('admin', 'greenfield'))
  deviceToken = await createToken(admin, ['ingest'])
})
test.afterAll(async () => {
  await server.stop()
})
// Each map keeps drawing while open: close a test's pages so the next test does not share the CPU with them.
const contexts: BrowserContext[] = []
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})

/** A signed-in page at `path`, once its channels are live; requests leaving the server are collected in `foreign`. */
async function signedInPage(browser: Browser, role: 'operator' | 'viewer', path: string, { viewport = { width: 1280, height: 800 }, withoutWebGl = false } = {}): Promise<{ page: Page, foreign: string[] }> {
  const context = await browser.newContext({ viewport })
  contexts.push(context)
  const page = await context.newPage()
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !/^(data|blob):/.test(request.url())) foreign.push(request.url())
  })
  if (withoutWebGl) {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return kind.includes('webgl') ? null : original.call(this, kind as '2d', ...rest as [])
      } as typeof original
    })
  }
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`)
  await page.fill('input[name=email]', demoEmail(role, 'greenfield'))
  await page.fill('input[name=password]', 'lookout-demo')
  await page.click('button[type=submit]')
  // Bounds for a loaded 2-core machine: the socket connects within a second when it is idle.
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-channels', '0', { timeout: 30_000 })
  return { page, foreign }
}

/** Each listed vehicle's "lat,lon". */
async function listedPositions(page: Page): Promise<string[]> {
  return page.getByTestId('vehicle-list').locator('li').evaluateAll(rows => rows.map(row => `${(row as HTMLElement).dataset.lat},${(row as HTMLElement).dataset.lon}`))
}

async function updatesOf(map: Locator): Promise<number> {
  return Number(await map.getAttribute('data-updates'))
}

test('the map draws the whole fleet without fetching tiles, and vehicles move live', async ({ browser }) => {
  const { page, foreign } = await signedInPage(browser, 'viewer', '/map')
  const map = page.getByTestId('map')
  await expect(map).toHaveAttribute('data-state', 'ready')
  await expect(map.locator('canvas')).toBeVisible()
  const fleet = await (await admin.fetch('/api/tenants/1/fleet')).json() as { data: Array<{ position: unknown }> }
  await expect(map).toHaveAttribute('data-vehicles', String(fleet.data.filter(vehicle => vehicle.position).length))
  await expect(page.getByTestId('vehicle-list').locator('li')).toHaveCount(fleet.data.length)
  await expect(page.getByTestId('map-legend')).toContainText('No GPS')

  const updates = await updatesOf(map)
  const before = await listedPositions(page)
  await expect.poll(() => updatesOf(map), { timeout: 5000 }).toBeGreaterThan(updates + 2)
  await expect.poll(async () => (await listedPositions(page)).some((position, index) => position !== before[index]), { timeout: 10_000 }).toBe(true)
  await page.screenshot({ path: 'test-results/screens/map.png' })
  expect(foreign).toEqual([])
})

test('clicking a vehicle in the list opens its panel with the last hour\'s track', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'viewer', '/map')
  const row = page.getByTestId('vehicle-list').locator('li').first()
  const vehicleId = await row.getAttribute('data-vehicle-id')
  const name = (await row.getByTestId('vehicle-name').textContent())!.trim()
  await row.getByRole('button').click()
  const panel = page.getByTestId('vehicle-panel')
  await expect(panel).toHaveAttribute('data-vehicle-id', vehicleId!)
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name)
  await expect(panel.getByTestId('vehicle-speed')).toContainText('km/h')
  await expect(panel).toContainText('Fuel')
  // The track loads, then grows with the vehicle's live positions.
  const track = panel.getByTestId('vehicle-track')
  await expect.poll(async () => Number(await track.getAttribute('data-points')), { timeout: 5000 }).toBeGreaterThan(1)
  const points = Number(await track.getAttribute('data-points'))
  await expect.poll(async () => Number(await track.getAttribute('data-points')), { timeout: 5000 }).toBeGreaterThan(points)
  await page.screenshot({ path: 'test-results/screens/map-vehicle.png' })
  await panel.getByRole('button', { name: 'Close vehicle panel' }).click()
  await expect(panel).toHaveCount(0)
})

test('an operator draws a geozone on the map, names it, renames it and deletes it', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'operator', '/map')
  await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready')
  await page.getByRole('tab', { name: /Geozones/ }).click()
  await page.getByTestId('geozone-draw').click()
  const canvas = page.getByTestId('map').locator('canvas')
  const box = (await canvas.boundingBox())!
  for (const [x, y] of [[0.35, 0.35], [0.65, 0.35], [0.5, 0.65]] as const) {
    await canvas.click({ position: { x: box.width * x, y: box.height * y } })
    await page.waitForTimeout(350)
  }
  await expect(page.getByTestId('geozone-draft')).toHaveAttribute('data-corners', '3')
  await expect(page.getByTestId('geozone-save')).toBeDisabled()
  await page.getByRole('textbox', { name: 'Geozone name' }).fill('Drawn yard')
  await page.getByTestId('geozone-save').click()
  const row = page.getByTestId('geozone-list').locator('li[data-name="Drawn yard"]')
  await expect(row).toBeVisible()
  const stored = await (await admin.fetch('/api/tenants/1/geozones')).json() as { data: Array<{ id: number, name: string, shape: { kind: string, ring?: unknown[] } }> }
  const drawn = stored.data.find(zone => zone.name === 'Drawn yard')!
  expect(drawn.shape.kind).toBe('polygon')
  expect(drawn.shape.ring).toHaveLength(3)

  await row.getByRole('button', { name: 'Rename Drawn yard' }).click()
  await row.getByRole('textbox', { name: 'New name' }).fill('Drawn field')
  await row.getByRole('button', { name: 'Save' }).click()
  const renamed = page.getByTestId('geozone-list').locator(`li[data-geozone-id="${drawn.id}"]`)
  await expect(renamed).toHaveAttribute('data-name', 'Drawn field')
  await page.screenshot({ path: 'test-results/screens/map-geozones.png' })

  await renamed.getByRole('button', { name: 'Delete Drawn field' }).click()
  await renamed.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(renamed).toHaveCount(0)
  const after = await (await admin.fetch('/api/tenants/1/geozones')).json() as { data: Array<{ id: number }> }
  expect(after.data.map(zone => zone.id)).not.toContain(drawn.id)
})

test('an operator draws a circle, and reshapes a polygon by dragging one of its corners', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'operator', '/map')
  await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready')
  await page.getByRole('tab', { name: /Geozones/ }).click()
  const canvas = page.getByTestId('map').locator('canvas')
  const box = (await canvas.boundingBox())!
  const at = (x: number, y: number) => ({ x: box.width * x, y: box.height * y })
  type Stored = { id: number, name: string, shape: { kind: string, ring?: Array<[number, number]>, center?: [number, number], radiusMeters?: number } }
  const stored = async (name: string) => ((await (await admin.fetch('/api/tenants/1/geozones')).json()) as { data: Stored[] }).data.find(zone => zone.name === name)!

  // A circle: its centre, then a point on its edge.
  await page.getByTestId('geozone-draw').click()
  await page.getByTestId('geozone-draft').getByRole('tab', { name: 'Circle' }).click()
  await expect(page.getByTestId('geozone-draft')).toHaveAttribute('data-kind', 'circle')
  await canvas.click({ position: at(0.5, 0.5) })
  await page.waitForTimeout(350)
  await canvas.click({ position: at(0.6, 0.5) })
  await expect(page.getByTestId('geozone-draft')).toContainText(/Radius [\d,]+\sm/)
  await page.getByRole('textbox', { name: 'Geozone name' }).fill('Drawn circle')
  await page.getByTestId('geozone-save').click()
  await expect(page.getByTestId('geozone-list').locator('li[data-name="Drawn circle"]')).toBeVisible()
  const circle = await stored('Drawn circle')
  expect(circle.shape.kind).toBe('circle')
  expect(circle.shape.radiusMeters).toBeGreaterThan(1)

  // A polygon drawn by clicks, then reshaped: its corners sit where they were clicked, and one is dragged.
  await page.getByTestId('geozone-draw').click()
  for (const [x, y] of [[0.3, 0.3], [0.45, 0.3], [0.4, 0.45]] as const) {
    await canvas.click({ position: at(x, y) })
    await page.waitForTimeout(350)
  }
  await page.getByRole('textbox', { name: 'Geozone name' }).fill('Drawn paddock')
  await page.getByTestId('geozone-save').click()
  const row = page.getByTestId('geozone-list').locator('li[data-name="Drawn paddock"]')
  await expect(row).toBeVisible()
  const before = (await stored('Drawn paddock')).shape.ring!
  await row.getByRole('button', { name: 'Reshape Drawn paddock' }).click()
  await expect(page.getByTestId('geozone-draft')).toHaveAttribute('data-corners', '3')
  const from = at(0.45, 0.3)
  const to = at(0.55, 0.2)
  await page.mouse.move(box.x + from.x, box.y + from.y)
  await page.mouse.down()
  for (let step = 1; step <= 5; step++) await page.mouse.move(box.x + from.x + (to.x - from.x) * step / 5, box.y + from.y + (to.y - from.y) * step / 5)
  await page.mouse.up()
  // A drag moves the corner, it adds none.
  await expect(page.getByTestId('geozone-draft')).toHaveAttribute('data-corners', '3')
  await page.screenshot({ path: 'test-results/screens/map-geozone-reshape.png' })
  await page.getByTestId('geozone-save').click()
  await expect(page.getByTestId('geozone-draft')).toHaveCount(0)
  const after = (await stored('Drawn paddock')).shape.ring!
  expect(after).toHaveLength(3)
  expect(after[0]).toEqual(before[0])
  expect(after[2]).toEqual(before[2])
  // Dragged right and up: east and north.
  expect(after[1]![0]).toBeGreaterThan(before[1]![0])
  expect(after[1]![1]).toBeGreaterThan(before[1]![1])
})

test('a viewer sees the geozones but no controls to change them, and the server refuses anyway', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'viewer', '/map')
  await page.getByRole('tab', { name: /Geozones/ }).click()
  await expect(page.getByTestId('geozone-list').locator('li').first()).toBeVisible()
  await expect(page.getByTestId('geozone-draw')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^(Rename|Delete) / })).toHaveCount(0)
  const xsrf = (await page.context().cookies()).find(cookie => cookie.name === 'XSRF-TOKEN')!.value
  const refused = await page.request.post(`${server.url}/api/tenants/1/geozones`, {
    headers: { 'x-xsrf-token': decodeURIComponent(xsrf) },
    data: { name: 'Not allowed', shape: { kind: 'circle', center: [4.9, 52.37], radiusMeters: 100 } },
  })
  expect(refused.status()).toBe(403)
})

test('a vehicle entering a geozone is toasted and listed in the geo events', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'viewer', '/map')
  // Live positions arriving show the fleet channel is subscribed.
  await expect.poll(() => updatesOf(page.getByTestId('map')), { timeout: 5000 }).toBeGreaterThan(2)
  const created = await admin.fetch('/api/tenants/1/geozones', { method: 'POST', body: JSON.stringify({ name: 'Far field', shape: { kind: 'circle', center: [6.2, 52.1], radiusMeters: 300 } }) })
  expect(created.status).toBe(201)
  const vehicleId = Number(await page.getByTestId('vehicle-list').locator('li').first().getAttribute('data-vehicle-id'))
  expect((await ingest(server.url, deviceToken, '/api/ingest/positions', { vehicleId, lat: 52.1, lon: 6.2, speed: 20, satellites: 9 })).status).toBe(201)
  await expect(page.getByText(/entered Far field/).first()).toBeVisible({ timeout: 15_000 })
  await page.getByRole('tab', { name: /Events/ }).click()
  await expect(page.getByTestId('geo-events').locator('li[data-kind="enter"]').filter({ hasText: 'Far field' }).first()).toBeVisible()
})

test('works on a 375 px wide phone: the map full width, the list below it, the panel below the map instead of over it', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'viewer', '/map', { viewport: { width: 375, height: 812 } })
  const map = page.getByTestId('map')
  await expect(map).toHaveAttribute('data-state', 'ready')
  const mapBox = (await map.boundingBox())!
  expect(mapBox.width).toBeGreaterThan(300)
  const listBox = (await page.getByTestId('vehicle-list').boundingBox())!
  expect(listBox.y).toBeGreaterThan(mapBox.y + mapBox.height - 1)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.getByTestId('vehicle-list').locator('li').first().getByRole('button').click()
  const panel = page.getByTestId('vehicle-panel')
  await expect(panel).toBeVisible()
  const panelBox = (await panel.boundingBox())!
  // Opening the panel scrolled the page: measure the map again where it is now.
  const mapNow = (await map.boundingBox())!
  expect(panelBox.y).toBeGreaterThanOrEqual(mapNow.y + mapNow.height)
  await page.screenshot({ path: 'test-results/screens/map-phone.png' })
  await page.getByRole('button', { name: 'Hide list' }).click()
  await expect(page.getByTestId('vehicle-list')).toBeHidden()
})

test('without WebGL the page says the map needs it, and the list, panel and geozones still work', async ({ browser }) => {
  const { page } = await signedInPage(browser, 'operator', '/map', { withoutWebGl: true })
  await expect(page.getByTestId('map-no-webgl')).toContainText('The map needs WebGL')
  await expect(page.getByTestId('map')).toHaveAttribute('data-vehicles', '0')
  await page.getByTestId('vehicle-list').locator('li').first().getByRole('button').click()
  await expect(page.getByTestId('vehicle-panel')).toBeVisible()
  // Nothing to draw on, but the geozones can still be renamed and deleted.
  await page.getByRole('tab', { name: /Geozones/ }).click()
  await expect(page.getByRole('button', { name: /^Rename / }).first()).toBeVisible()
  await expect(page.getByTestId('geozone-draw')).toHaveCount(0)
})
