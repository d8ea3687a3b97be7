// The status bar in Chromium never lies: "Live" only once the server confirmed the page's channels (and a snapshot
// loaded after that holds what happened before it), fallback polling behind a proxy that drops WebSocket upgrades
// (the bar wrapping inside the header on a phone), plain words and "Retry now" while down, and Live again within
// 3 s of a restarted server being healthy.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { serverSdk } from '../support/clients'
import { freePort } from '../support/free-port'
import { DEMO_PASSWORD, demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, signedInPage } from '../support/signed-in-page'
import { startStrippingProxy } from '../support/stripping-proxy'

let server: ServerProcess

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.stop()
})

/** Signs in as the greenfield viewer through the login form at `baseUrl`, without waiting for the connection. */
async function signInAt(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.fill('input[name=email]', demoEmail('viewer', 'greenfield'))
  await page.fill('input[name=password]', DEMO_PASSWORD)
  await page.click('button[type=submit]')
}

/** Records every state the status bar takes, from the first moment it exists. */
async function recordStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { statusStates: string[] }).statusStates = seen
    new MutationObserver(() => {
      const state = document.querySelector('[data-testid=connection-status]')?.getAttribute('data-state')
      if (state && seen.at(-1) !== state) seen.push(state)
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] })
  })
}

let nextId = 500_000
/** An activity event on tenant 1's feed, as the server would publish it. */
function activity(message: string) {
  nextId += 1
  return { id: nextId, tenantId: 1, kind: 'test', message, actorUserId: null, subject: {}, createdAt: new Date().toISOString() }
}

test('says Connecting, never Live, until the server confirmed the page\'s channels; what happened meanwhile shows', async ({ page }) => {
  let release!: () => void
  const released = new Promise<void>((resolve) => { release = resolve })
  // Channel authorisations wait: the socket connects, but no private channel can be confirmed yet.
  await page.route('**/broadcasting/auth', async (route) => {
    await released
    await route.continue()
  })
  await recordStates(page)
  await signInAt(page, server.url)
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-state', 'connecting')
  await expect(status).toContainText('Connecting')
  await expect(page.getByTestId('activity-feed')).toBeAttached()

  // Persisted and broadcast while the page's feed is loaded but not yet subscribed: no socket gets it.
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const zoneName = `Race zone ${Date.now()}`
  expect((await admin.fetch('/api/tenants/1/zones', { method: 'POST', body: JSON.stringify({ name: zoneName }) })).status).toBe(201)
  await expect(status).toHaveAttribute('data-state', 'connecting')
  await expect(status).not.toContainText('Live')

  release()
  await expect(status).toHaveAttribute('data-state', 'connected')
  await expect(status).toContainText('Live')
  expect(await page.evaluate(() => (window as unknown as { statusStates: string[] }).statusStates)).toEqual(['connecting', 'connected'])
  // The feed loaded again once its channel was confirmed, so the zone's creation is in it.
  await expect(page.getByTestId('activity-feed')).toContainText(zoneName)
})

test('behind a proxy that drops the upgrade, polls within 5 s, says so, keeps updating, and wraps inside a phone\'s header', async ({ browser }) => {
  const proxy = await startStrippingProxy(server.url)
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } })
  try {
    const page = await context.newPage()
    await signInAt(page, proxy.url)
    const status = page.getByTestId('connection-status')
    await expect(status).toBeVisible()
    await expect(status).toHaveAttribute('data-state', 'polling', { timeout: 5000 })
    await expect(status).toContainText('Polling every 5 s')
    await expect(status).not.toContainText('Live')

    await serverSdk(server).trigger('private-tenant.1.events', 'event.created', activity('published while polling'))
    await expect(page.getByTestId('activity-feed')).toContainText('published while polling', { timeout: 15_000 })

    // Everything the bar says stays inside the header, and nothing scrolls sideways.
    await expect(page.getByTestId('retry-now')).toBeVisible()
    const fits = await status.evaluate((bar) => {
      const header = bar.closest('header, [data-slot=root]')!.getBoundingClientRect()
      const box = bar.getBoundingClientRect()
      return { right: box.right, width: window.innerWidth, below: box.bottom - header.bottom, overflow: bar.scrollWidth - bar.clientWidth }
    })
    expect(fits.right).toBeLessThanOrEqual(fits.width)
    expect(fits.below).toBeLessThanOrEqual(0)
    expect(fits.overflow).toBeLessThanOrEqual(0)
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: 'test-results/screens/status-bar-phone-polling.png' })
  }
  finally {
    await context.close()
    await proxy.close()
  }
})

test('after a restart: plain words and Retry now while down, Live again within 3 s of the server being healthy', async ({ browser }) => {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'lookout-e2e-status-'))
  let restartable = await startServer({ PORT: String(port), DATA_DIR: dataDir })
  try {
    const page = await signedInPage(browser, restartable, 'viewer', '/')
    const status = page.getByTestId('connection-status')

    await restartable.stop()
    await expect(status).toHaveAttribute('data-state', /reconnecting|offline/, { timeout: 15_000 })
    await expect(page.getByTestId('connection-reason')).toHaveText(/Server restarting|The live connection cannot be opened/)
    await expect(status).not.toHaveText(/\(\d{4}\)|PusherError|WebSocketError|Live/)
    await expect(page.getByTestId('retry-now')).toBeVisible()

    restartable = await startServer({ PORT: String(port), DATA_DIR: dataDir })
    // startServer resolves once /api/health answers 200: from here the page has 3 s.
    await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 3000 })
    await expect(page.getByTestId('retry-now')).toHaveCount(0)
    await page.context().close()
  }
  finally {
    await restartable.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
