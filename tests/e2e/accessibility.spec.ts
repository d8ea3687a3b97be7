// Every page of the app in Chromium under axe-core (light and dark), the layout's landmarks, skip link, tab
// order and focus rings, and thumb-sized controls on a phone; the list of pages is read from app/pages, so a
// new page without an axe run fails here.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expectNoSeriousViolations } from '../support/accessibility'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage as openSignedInPage } from '../support/signed-in-page'
import type { SignedInOptions } from '../support/signed-in-page'

let server: ServerProcess
let zoneId: number
let gatewayId: number
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '1000', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const list = async (what: string) => (await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/${what}`)).json() as { data: Array<{ id: number }> }).data
  zoneId = (await list('zones'))[0]!.id
  gatewayId = (await list('gateways'))[0]!.id
})
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
})
test.afterAll(async () => {
  await server.stop()
})

async function signedInPage(browser: Browser, path: string, options: SignedInOptions = {}): Promise<Page> {
  const page = await openSignedInPage(browser, server, 'admin', path, { listens: false, ...options })
  contexts.push(page.context())
  return page
}

/** The address of every page file under app/pages (dynamic segments filled with a real zone and gateway). */
function pageAddresses(): string[] {
  const root = join(process.cwd(), 'app/pages')
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.vue'))
  return files.map(file => '/' + relative(root, join(root, file)).replace(/\.vue$/, '').replace(/(^|\/)index$/, '')
    .replace('[zone]', String(zoneId)).replace('[gateway]', String(gatewayId))).sort()
}

/** Pages a signed-in admin can open; /login and /setup are checked signed out. */
const signedOut = ['/login', '/setup']

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every signed-in page has no serious or critical axe violation (${colorScheme})`, async ({ browser }) => {
    test.setTimeout(240_000)
    const addresses = pageAddresses().filter(address => !signedOut.includes(address))
    expect(addresses.length).toBeGreaterThanOrEqual(16)
    const page = await signedInPage(browser, '/', { colorScheme })
    for (const address of addresses) {
      await page.goto(`${server.url}${address}`)
      await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
      await expect(page.locator('main h1').first()).toBeVisible()
      // Skeletons and "Loading…" give way to the page's content before axe reads it.
      await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0)
      await expectNoSeriousViolations(page, `${address} (${colorScheme})`)
    }
  })
}

test('the login page and the first-run setup page have no serious or critical axe violation', async ({ browser }) => {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${server.url}/login`)
  await expect(page.locator('input[name=email]')).toBeVisible()
  await expectNoSeriousViolations(page, '/login')
  const fresh = await startServer({ DEMO_DATA: 'off', SIMULATOR: 'off' })
  try {
    await page.goto(`${fresh.url}/setup`)
    await expect(page.getByTestId('setup-form')).toBeVisible()
    await expectNoSeriousViolations(page, '/setup')
  }
  finally {
    await fresh.stop()
  }
  expect(pageAddresses()).toEqual(expect.arrayContaining(signedOut))
})

test('the login form\'s fields are visible boxes: a border or ring, and a label each', async ({ browser }) => {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${server.url}/login`)
  for (const name of ['email', 'password']) {
    const input = page.locator(`input[name=${name}]`)
    const edge = await input.evaluate((element) => {
      const style = getComputedStyle(element)
      return { border: Number.parseFloat(style.borderTopWidth), ring: style.boxShadow }
    })
    expect(edge.border > 0 || edge.ring !== 'none', `${name} has a visible edge`).toBe(true)
  }
  await expect(page.getByLabel('E-mail')).toHaveAttribute('name', 'email')
  await expect(page.getByLabel('Password')).toHaveAttribute('name', 'password')
  await page.screenshot({ path: 'test-results/screens/login.png' })
})

test('one banner holding the status bar (outside any h1), one main, html lang, and a skip link into main', async ({ browser }) => {
  const page = await signedInPage(browser, '/zones')
  expect(await page.locator('html').getAttribute('lang')).toBe('en')
  await expect(page.getByRole('banner')).toHaveCount(1)
  await expect(page.getByRole('main')).toHaveCount(1)
  await expect(page.getByRole('banner').getByTestId('connection-status')).toBeVisible()
  await expect(page.locator('h1 [data-testid="connection-status"]')).toHaveCount(0)
  await expect(page.locator('h1')).toHaveCount(1)
  await page.keyboard.press('Tab')
  const skip = page.getByTestId('skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
})

test('tab order runs banner, then the sidebar\'s links, then the page; every stop shows a focus ring', async ({ browser }) => {
  const page = await signedInPage(browser, '/zones', { viewport: { width: 1440, height: 900 } })
  await expect(page.locator('main a').first()).toBeVisible()
  const stops: Array<{ region: string, outline: string, width: number }> = []
  for (let step = 0; step < 30; step++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement
      const style = getComputedStyle(element)
      const region = element.closest('header') ? 'banner' : element.closest('nav[aria-label="Pages"]') ? 'sidebar' : element.closest('main') ? 'main' : 'other'
      return { region, outline: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), shadow: style.boxShadow }
    })
    stops.push({ region: stop.region, outline: stop.outline === 'none' && stop.shadow === 'none' ? 'none' : 'shown', width: stop.width })
    if (stop.region === 'main') break
  }
  const regions = stops.map(stop => stop.region).filter(region => region !== 'other')
  const order = ['banner', 'sidebar', 'main']
  expect(regions.map(region => order.indexOf(region))).toEqual([...regions.map(region => order.indexOf(region))].sort())
  expect(new Set(regions)).toEqual(new Set(order))
  expect(stops.filter(stop => stop.outline === 'none'), 'focus stops without a visible ring').toEqual([])
  const sidebarStop = stops.find(stop => stop.region === 'sidebar')!
  expect(sidebarStop.width).toBeGreaterThanOrEqual(2)
})

test('on a phone the header buttons, range buttons, map zoom and panel close are at least 44 × 44 px, and the map is left uncovered', async ({ browser }) => {
  const phone = { viewport: { width: 390, height: 844 } }
  const expectThumbSized = async (page: Page, selector: string, what: string) => {
    const boxes = await page.locator(selector).evaluateAll(elements => elements.filter(element => (element as HTMLElement).offsetParent !== null)
      .map(element => element.getBoundingClientRect()).map(box => ({ width: Math.round(box.width), height: Math.round(box.height) })))
    expect(boxes.length, `${what} found`).toBeGreaterThan(0)
    for (const box of boxes) expect(Math.min(box.width, box.height), `${what} ${JSON.stringify(box)}`).toBeGreaterThanOrEqual(44)
  }
  const zone = await signedInPage(browser, `/zones/${zoneId}`, phone)
  await expect(zone.getByTestId('zone-range')).toBeVisible()
  await expectThumbSized(zone, 'header button', 'header button')
  await expectThumbSized(zone, '[data-testid="zone-range"] button', 'range button')

  const map = await signedInPage(browser, '/map', phone)
  await expect(map.getByTestId('map')).toHaveAttribute('data-state', 'ready')
  await expectThumbSized(map, '.maplibregl-ctrl-group button', 'map zoom button')
  await map.getByTestId('vehicle-list').locator('li').first().getByRole('button').first().click()
  await expectThumbSized(map, '[data-testid="vehicle-panel"] button[aria-label="Close vehicle panel"]', 'panel close')
  const mapBox = (await map.getByTestId('map').boundingBox())!
  for (const testId of ['vehicle-panel', 'map-legend']) {
    const box = (await map.getByTestId(testId).boundingBox())!
    expect(box.y, `${testId} starts below the map`).toBeGreaterThanOrEqual(mapBox.y + mapBox.height)
  }
  await map.screenshot({ path: 'test-results/screens/map-phone-uncovered.png', fullPage: true })
})
