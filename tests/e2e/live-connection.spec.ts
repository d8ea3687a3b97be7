// The browser's realtime layer in Chromium: live events, an honest status bar, fallback polling while the
// socket is blocked, recovery without duplicates, and a reload notice when a restart lost the history.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import type Pusher from 'pusher'
import { serverSdk } from '../support/clients'
import { demoEmail } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let sdk: Pusher

test.beforeAll(async () => {
  server = await startServer()
  sdk = serverSdk(server)
})
test.afterAll(async () => {
  await server.stop()
})

async function signIn(page: Page, target: ServerProcess = server): Promise<void> {
  await page.goto(`${target.url}/login`)
  await page.fill('input[name=email]', demoEmail('viewer', 'greenfield'))
  await page.fill('input[name=password]', 'lookout-demo')
  await page.click('button[type=submit]')
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('connection-status')).toContainText('Live')
  // The feed's channel is confirmed by the server: events published from now on reach the page.
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-channels', '0')
}

let nextId = 100_000
/** Publishes an activity event on tenant 1's feed as the server would. */
async function publish(message: string): Promise<void> {
  nextId += 1
  await sdk.trigger('private-tenant.1.events', 'event.created', {
    id: nextId, tenantId: 1, kind: 'test', message, actorUserId: null, subject: {}, createdAt: new Date().toISOString(),
  })
}

const feed = (page: Page) => page.getByTestId('activity-feed').locator('li[data-kind=test]')

test('shows an event published on the server within 2 seconds', async ({ page }) => {
  await signIn(page)
  const started = Date.now()
  await publish('pump 3 started')
  await expect(feed(page).first()).toHaveText(/pump 3 started/, { timeout: 2000 })
  expect(Date.now() - started).toBeLessThan(2000)
})

test('polls while the socket is blocked, then recovers with every event exactly once, in order', async ({ page }) => {
  let blocked = false
  await page.routeWebSocket(/\/app\//, (ws) => {
    if (blocked) {
      void ws.close({ code: 1006 })
      return
    }
    const upstream = ws.connectToServer()
    const interval = setInterval(() => {
      if (blocked) {
        clearInterval(interval)
        void upstream.close()
        void ws.close({ code: 1006 })
      }
    }, 100)
  })
  await signIn(page)
  await publish('before outage')
  await expect(feed(page)).toHaveCount(1)

  blocked = true
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute('data-state', 'connected', { timeout: 10_000 })
  for (const n of [1, 2, 3]) await publish(`during outage ${n}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'polling', { timeout: 20_000 })
  await expect(feed(page)).toHaveCount(4, { timeout: 20_000 })

  blocked = false
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 })
  await publish('after outage')
  await expect(feed(page)).toHaveCount(5)
  await expect(feed(page)).toHaveText([/after outage/, /during outage 3/, /during outage 2/, /during outage 1/, /before outage/])
})

test('shows a server restart honestly, reconnects by itself, and reloads what it could not replay', async ({ page }) => {
  const port = 40_000 + Math.floor(Math.random() * 20_000)
  const dataDir = mkdtempSync(join(tmpdir(), 'lookout-e2e-'))
  let restartable = await startServer({ PORT: String(port), DATA_DIR: dataDir })
  const restartableSdk = serverSdk(restartable)
  try {
    await signIn(page, restartable)
    await restartableSdk.trigger('private-tenant.1.events', 'event.created', { id: 1, tenantId: 1, kind: 'test', message: 'before restart', actorUserId: null, subject: {}, createdAt: new Date().toISOString() })
    await expect(feed(page)).toHaveCount(1)

    await restartable.stop()
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', /reconnecting|offline/, { timeout: 15_000 })
    await expect(page.getByTestId('connection-status')).not.toContainText('Live')

    restartable = await startServer({ PORT: String(port), DATA_DIR: dataDir })
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
    // The new process has a new history epoch: the page cannot replay, so it reloads and says so.
    await expect(page.getByTestId('reloaded-notice')).toBeVisible({ timeout: 10_000 })
    await serverSdk(restartable).trigger('private-tenant.1.events', 'event.created', { id: 2, tenantId: 1, kind: 'test', message: 'after restart', actorUserId: null, subject: {}, createdAt: new Date().toISOString() })
    await expect(feed(page).first()).toHaveText(/after restart/, { timeout: 5000 })
  }
  finally {
    await restartable.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
