// Every page in every language, in Chromium on a 375 px phone: <html lang> names the language, vue-i18n reports
// no missing key, nothing is wider than the screen (Russian and Polish words are longer). And the user menu's
// language selector switches the pages at once and keeps the choice across page loads.
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

const PHONE = { width: 375, height: 740 }
let server: ServerProcess
let zoneId: number
let gatewayId: number

test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '1000', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const list = async (what: string) => (await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/${what}`)).json() as { data: Array<{ id: number }> }).data
  zoneId = (await list('zones'))[0]!.id
  gatewayId = (await list('gateways'))[0]!.id
})
test.afterAll(async () => {
  await server.stop()
})

/** Every page file under app/pages as an address (dynamic segments filled with a real zone and gateway). */
function pageAddresses(): string[] {
  const root = join(process.cwd(), 'app/pages')
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.vue'))
  return files.map(file => '/' + relative(root, join(root, file)).replace(/\.vue$/, '').replace(/(^|\/)index$/, '')
    .replace('[zone]', String(zoneId)).replace('[gateway]', String(gatewayId))).sort()
}

/** Collects vue-i18n's missing-key and fallback warnings (i18n/i18n.config.ts prints them in production builds too). */
function missingKeys(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (message) => {
    if (/\[i18n\] missing key|\[intlify\]/.test(message.text())) seen.push(message.text())
  })
  return seen
}

/** Elements, outside any sideways-scrolling or clipping box, that stick out of the viewport; and the page's width. */
async function overflow(page: Page): Promise<{ scrollWidth: number, wide: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const { overflowX } = getComputedStyle(parent)
        if (overflowX !== 'visible') return true
      }
      return false
    }
    const wide = [...document.body.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return false
      if (box.width <= width + 1 && box.right <= width + 1 && box.left >= -1) return false
      if (getComputedStyle(element).visibility === 'hidden' || clipped(element)) return false
      return true
    })
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}[${Math.round(element.getBoundingClientRect().width)}px] "${(element.textContent ?? '').trim().slice(0, 40)}"`
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5).map(describe) }
  })
}

async function expectFits(page: Page, address: string): Promise<void> {
  const measured = await overflow(page)
  expect(measured.scrollWidth, `${address} scrolls sideways`).toBeLessThanOrEqual(PHONE.width)
  expect(measured.wide, `${address} has elements wider than the screen`).toEqual([])
}

for (const [language, acceptLanguage] of [['ru', 'ru-RU'], ['pl', 'pl-PL'], ['en', 'en-GB']] as const) {
  test(`every page in ${language}: <html lang="${language}">, no missing keys, nothing wider than a 375 px phone`, async ({ browser }) => {
    test.setTimeout(300_000)
    const addresses = pageAddresses().filter(address => !['/login', '/setup'].includes(address))
    expect(addresses.length).toBeGreaterThanOrEqual(16)

    const signedOut = await browser.newContext({ viewport: PHONE, locale: acceptLanguage })
    const loginPage = await signedOut.newPage()
    const loginMissing = missingKeys(loginPage)
    await loginPage.goto(`${server.url}/login`)
    await expect(loginPage.locator('html')).toHaveAttribute('lang', language)
    await expect(loginPage.locator('button[type=submit]')).toBeEnabled()
    await expectFits(loginPage, '/login')
    expect(loginMissing).toEqual([])
    await signedOut.close()

    const page = await signedInPage(browser, server, 'admin', '/', { viewport: PHONE, locale: acceptLanguage, listens: false })
    const missing = missingKeys(page)
    try {
      for (const address of addresses) {
        await page.goto(`${server.url}${address}`)
        await expect(page.locator('html')).toHaveAttribute('lang', language)
        await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
        await expect(page.locator('main h1').first()).toBeVisible()
        await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0)
        await expectFits(page, address)
      }
      expect(missing).toEqual([])
    }
    finally {
      await page.context().close()
    }
  })
}

test('the user menu\'s language selector switches the page at once and keeps the choice on the next page load', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'operator', '/zones', { locale: 'en-GB', listens: false })
  try {
    await page.getByTestId('user-menu').click()
    await page.getByRole('menuitem', { name: 'Language' }).click()
    await page.getByRole('menuitemcheckbox', { name: 'Polski' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
    await expect(page.getByRole('navigation', { name: 'Strony' })).toContainText('Strefy')
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
    await expect(page.getByTestId('connection-status')).toContainText('Połączono')
  }
  finally {
    const operator = await login(server, demoEmail('operator', 'greenfield'))
    await operator.fetch('/api/auth/locale', { method: 'PUT', body: JSON.stringify({ locale: null }) })
    await page.context().close()
  }
})
