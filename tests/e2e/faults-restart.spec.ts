// A killed server (SIGKILL, no goodbye to the sockets) restarted on the same data and port: the page notices,
// reconnects by itself, reloads what the new process cannot replay, and shows what is published afterwards.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { serverSdk } from '../support/clients'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

/** An activity event on tenant 1's feed, as the server would publish it. */
function activity(id: number, message: string) {
  return { id, tenantId: 1, kind: 'test', message, actorUserId: null, subject: {}, createdAt: new Date().toISOString() }
}

test('after a SIGKILL the page reconnects by itself to the restarted server, reloads, and shows new events', async ({ browser }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lookout-e2e-kill-'))
  let server: ServerProcess = await startServer({ DATA_DIR: dataDir })
  try {
    const page = await signedInPage(browser, server, 'viewer', '/')
    const feed = page.getByTestId('activity-feed').locator('li[data-kind=test]')
    await serverSdk(server).trigger('private-tenant.1.events', 'event.created', activity(1, 'before the kill'))
    await expect(feed).toHaveCount(1)

    const exited = new Promise(done => server.child.once('exit', done))
    server.child.kill('SIGKILL')
    await exited
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', /reconnecting|offline|polling/, { timeout: 15_000 })

    server = await startServer({ DATA_DIR: dataDir, PORT: String(server.port) })
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 })
    await expect(page.getByTestId('reloaded-notice')).toBeVisible({ timeout: 10_000 })
    await serverSdk(server).trigger('private-tenant.1.events', 'event.created', activity(2, 'after the restart'))
    await expect(feed.first()).toHaveText(/after the restart/, { timeout: 5_000 })
    await page.context().close()
  }
  finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
