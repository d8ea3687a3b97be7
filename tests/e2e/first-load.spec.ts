// The first load's weight in Chromium: login -> dashboard stays within its JavaScript budget, counted as
// bytes received over the wire (compressed, every fetch counted), and the map library waits for the map page.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

/** The budget for login -> dashboard: 300 KB of compressed JavaScript. */
const JS_BUDGET_BYTES = 300 * 1024

let server: ServerProcess

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.stop()
})

interface ScriptTraffic {
  /** Encoded body bytes received for every JavaScript response, a chunk fetched twice counted twice. */
  wireBytes: number
  /** Decoded body bytes of the same responses. */
  decodedBytes: number
  urls: string[]
  /** URLs of responses over 1 KB (Nitro compresses no smaller file) sent without Content-Encoding. */
  uncompressed: string[]
}

/**
 * Counts the JavaScript a page receives, from Chromium's network accounting: a response's bytes on the
 * wire minus its headers' (cache hits receive nothing and count nothing).
 */
async function watchScripts(page: Page): Promise<ScriptTraffic> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  const scripts = new Map<string, { url: string, headerBytes: number, encoded: boolean, decoded: number }>()
  const traffic: ScriptTraffic = { wireBytes: 0, decodedBytes: 0, urls: [], uncompressed: [] }
  cdp.on('Network.responseReceived', ({ requestId, response, type }) => {
    if (type !== 'Script' && !/javascript/.test(response.mimeType)) return
    const encoding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1]
    scripts.set(requestId, { url: response.url, headerBytes: response.encodedDataLength, encoded: encoding === 'br' || encoding === 'gzip', decoded: 0 })
    traffic.urls.push(response.url)
  })
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const script = scripts.get(requestId)
    if (script) script.decoded += dataLength
  })
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const script = scripts.get(requestId)
    if (!script) return
    traffic.wireBytes += encodedDataLength - script.headerBytes
    traffic.decodedBytes += script.decoded
    if (!script.encoded && script.decoded > 1024) traffic.uncompressed.push(script.url)
  })
  return traffic
}

/** The page's `<script>` bodies fetched again, to tell which libraries came. */
async function bodiesOf(page: Page, urls: string[]): Promise<string[]> {
  return Promise.all(urls.map(url => page.request.get(url).then(response => response.text())))
}

test('login -> dashboard receives at most 300 KB of compressed JavaScript, none of it the map library', async ({ browser }) => {
  let traffic: ScriptTraffic | undefined
  const page = await signedInPage(browser, server, 'viewer', '/', { prepare: async (page) => { traffic = await watchScripts(page) } })
  await expect(page.locator('[data-card=alerts]').getByTestId('summary-value')).toHaveText(/^\d+$/)
  const scripts = traffic!
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(`login -> dashboard: ${scripts.urls.length} JS responses, ${kb(scripts.wireBytes)} over the wire, ${kb(scripts.decodedBytes)} decoded`)
  expect(scripts.urls.length).toBeGreaterThan(0)
  expect(scripts.uncompressed).toEqual([])
  expect(scripts.wireBytes).toBeLessThanOrEqual(JS_BUDGET_BYTES)
  // MapLibre's bundle names its canvas class; it must not travel to a page without a map.
  expect((await bodiesOf(page, scripts.urls)).filter(body => body.includes('maplibregl-canvas')).length).toBe(0)
  await page.context().close()
})

test('the map page fetches the map library when it opens', async ({ browser }) => {
  let traffic: ScriptTraffic | undefined
  const page = await signedInPage(browser, server, 'viewer', '/map', { prepare: async (page) => { traffic = await watchScripts(page) } })
  await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
  expect((await bodiesOf(page, traffic!.urls)).filter(body => body.includes('maplibregl-canvas')).length).toBeGreaterThan(0)
  await page.context().close()
})
