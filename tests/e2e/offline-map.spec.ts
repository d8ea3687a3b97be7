// The offline base map in Chromium: land and water drawn from Natural Earth at zoom 2, light and dark, with
// every request answered by Lookout itself (anything else is blocked and fails the test).
import { expect, test } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

let server: ServerProcess

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on' })
})
test.afterAll(async () => {
  await server.stop()
})

/** A signed-in map page whose requests may only go to the server: the others are aborted and listed. */
async function offlineMapPage(browser: Browser, colorScheme: 'light' | 'dark'): Promise<{ page: Page, foreign: string[], basemap: number[] }> {
  const foreign: string[] = []
  const basemap: number[] = []
  const page = await signedInPage(browser, server, 'viewer', '/map', {
    colorScheme,
    prepare: async (page) => {
      await page.context().route('**/*', async (route) => {
        const url = route.request().url()
        if (url.startsWith(`${server.url}/`) || /^(data|blob):/.test(url)) return route.continue()
        foreign.push(url)
        await route.abort('blockedbyclient')
      })
      page.on('response', (response) => {
        if (response.url().startsWith(`${server.url}/basemap/`)) basemap.push(response.status())
      })
    },
  })
  return { page, foreign, basemap }
}

/** Share of the map's pixels within a few levels of `rgb`, read from a screenshot decoded in the page. */
async function shareOfColor(page: Page, rgb: [number, number, number]): Promise<number> {
  const png = (await page.getByTestId('map').locator('canvas').screenshot()).toString('base64')
  return page.evaluate(async ({ png, rgb }) => {
    const image = new Image()
    image.src = `data:image/png;base64,${png}`
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    const context = canvas.getContext('2d')!
    context.drawImage(image, 0, 0)
    const { data } = context.getImageData(0, 0, image.width, image.height)
    let matching = 0
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - rgb[0]) <= 4 && Math.abs(data[i + 1]! - rgb[1]) <= 4 && Math.abs(data[i + 2]! - rgb[2]) <= 4) matching++
    }
    return matching / (data.length / 4)
  }, { png, rgb })
}

/** Zooms out with the map's own button until the map is at zoom 2 or below. */
async function zoomOutToWorld(page: Page): Promise<void> {
  const map = page.getByTestId('map')
  await expect(map).toHaveAttribute('data-state', 'ready', { timeout: 30_000 })
  for (let clicks = 0; clicks < 20 && Number(await map.getAttribute('data-zoom')) > 2; clicks++) {
    await page.getByRole('button', { name: 'Zoom out' }).click()
    await page.waitForTimeout(400)
  }
  expect(Number(await map.getAttribute('data-zoom'))).toBeLessThanOrEqual(2)
  await expect(map).toHaveAttribute('data-base', 'offline')
}

const LOOKS = {
  light: { land: [244, 243, 238], water: [219, 231, 240] },
  dark: { land: [31, 41, 55], water: [11, 18, 32] },
} as const

for (const scheme of ['light', 'dark'] as const) {
  test(`the offline base map draws land and water at zoom 2 (${scheme}) with nothing fetched from outside`, async ({ browser }) => {
    const { page, foreign, basemap } = await offlineMapPage(browser, scheme)
    await zoomOutToWorld(page)
    // Land comes in tiles of the GeoJSON as the worker cuts them: wait for it rather than for a fixed time.
    await expect.poll(() => shareOfColor(page, [...LOOKS[scheme].land]), { timeout: 20_000 }).toBeGreaterThan(0.1)
    expect(await shareOfColor(page, [...LOOKS[scheme].water])).toBeGreaterThan(0.1)
    await page.screenshot({ path: `test-results/screens/offline-map-${scheme}.png` })
    // Land and borders, each from Lookout (200, or 304 when revalidated).
    expect(basemap.length).toBeGreaterThanOrEqual(2)
    expect(basemap.filter(status => status !== 200 && status !== 304)).toEqual([])
    expect(foreign).toEqual([])
    await page.context().close()
  })
}
