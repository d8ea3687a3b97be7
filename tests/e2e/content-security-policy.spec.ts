// Every page works in Chromium under the Content-Security-Policy: no violation is reported while the pages
// hydrate, connect their WebSocket, draw charts and the map (its worker), and the map loads an operator's
// style and tiles from MAP_STYLE_URL's origin.
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

/** Collects CSP violations (the DOM event) and the console errors Chromium prints for them. */
async function watchViolations(page: Page, into: string[]): Promise<void> {
  await page.exposeFunction('reportViolation', (text: string) => { into.push(text) })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text())) into.push(`console: ${message.text()}`)
  })
}

test.describe('with the built-in map', () => {
  let server: ServerProcess
  test.beforeAll(async () => {
    server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '1000' })
  })
  test.afterAll(() => server.stop())

  test('every page loads, hydrates and goes live without a CSP violation', async ({ browser }) => {
    const violations: string[] = []
    const page = await signedInPage(browser, server, 'operator', '/', { prepare: p => watchViolations(p, violations) })
    const status = page.getByTestId('connection-status')
    for (const path of ['/zones', '/zones/1', '/devices', '/gateways', '/gateways/1', '/alerts', '/system', '/map', '/settings/zones', '/settings/nodes', '/']) {
      await page.goto(`${server.url}${path}`)
      // Live includes every channel's authorisation: a bound sized for a loaded 2-core machine.
      await expect(status, path).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
      if (path === '/map') await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready')
      if (path === '/zones/1') await expect(page.locator('canvas').first()).toBeVisible()
    }
    // Client-side navigation after hydration, through the sidebar.
    await page.getByRole('link', { name: 'Zones' }).first().click()
    await expect(page).toHaveURL(/\/zones$/)
    await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
    expect(violations).toEqual([])
    await page.context().close()
  })
})

test.describe('with MAP_STYLE_URL on another origin', () => {
  let server: ServerProcess
  let tiles: Server
  const requests: string[] = []
  // A 1×1 PNG tile.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

  test.beforeAll(async () => {
    tiles = createServer((request, response) => {
      requests.push(request.url ?? '')
      const origin = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`
      response.setHeader('access-control-allow-origin', '*')
      if (request.url === '/style.json') {
        response.setHeader('content-type', 'application/json')
        response.end(JSON.stringify({
          version: 8,
          sources: { raster: { type: 'raster', tiles: [`${origin}/tiles/{z}/{x}/{y}.png`], tileSize: 256 } },
          layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dde' } }, { id: 'raster', type: 'raster', source: 'raster' }],
        }))
      }
      else if (request.url?.startsWith('/tiles/')) {
        response.setHeader('content-type', 'image/png')
        response.end(png)
      }
      else {
        response.statusCode = 404
        response.end()
      }
    })
    await new Promise<void>(done => tiles.listen(0, '127.0.0.1', done))
    server = await startServer({ MAP_STYLE_URL: `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/style.json` })
  })
  test.afterAll(async () => {
    await server.stop()
    await new Promise(done => tiles.close(done))
  })

  test('the map loads the style and its tiles without a CSP violation', async ({ browser }) => {
    const violations: string[] = []
    const page = await signedInPage(browser, server, 'viewer', '/map', { prepare: p => watchViolations(p, violations) })
    await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready')
    await expect.poll(() => requests.filter(url => url.startsWith('/tiles/')).length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(requests).toContain('/style.json')
    await expect(page.getByTestId('map-style-problem')).toHaveCount(0)
    expect(violations).toEqual([])
    await page.context().close()
  })
})
