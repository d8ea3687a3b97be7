// Pages' sockets belong to their user, in Chromium: every page connection signs in, and "Sign out everywhere
// else" in the user menu ends another browser's session and closes its socket.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

let server: ServerProcess

test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server.stop()
})

/** Records the Pusher frames the page's sockets receive, and the sockets that closed. */
function watchSockets(page: Page): { received: string[], closed: () => number } {
  const received: string[] = []
  let closed = 0
  page.on('websocket', (socket) => {
    socket.on('framereceived', frame => received.push(String(frame.payload)))
    socket.on('close', () => { closed += 1 })
  })
  return { received, closed: () => closed }
}

test('a page signs its socket in on every connection', async ({ browser }) => {
  let frames: ReturnType<typeof watchSockets> | null = null
  const page = await signedInPage(browser, server, 'viewer', '/', { prepare: (fresh) => { frames = watchSockets(fresh) } })
  await expect.poll(() => frames!.received.filter(frame => frame.includes('pusher:signin_success')).length).toBe(1)
  await page.context().close()
})

test('"Sign out everywhere else" ends another browser\'s session and closes its socket', async ({ browser }) => {
  let otherFrames: ReturnType<typeof watchSockets> | null = null
  const other = await signedInPage(browser, server, 'operator', '/', { prepare: (fresh) => { otherFrames = watchSockets(fresh) } })
  const mine = await signedInPage(browser, server, 'operator', '/')
  await mine.getByTestId('user-menu').click()
  await mine.getByRole('menuitem', { name: 'Sign out everywhere else' }).click()
  await expect(mine.getByText('Signed out of 1 other session', { exact: true })).toBeVisible()
  // Server-to-client data is a JSON string, so the code arrives escaped inside it.
  await expect.poll(() => otherFrames!.received.some(frame => frame.includes('pusher:error') && /\\?"code\\?":4009/.test(frame))).toBe(true)
  await other.reload()
  await expect(other).toHaveURL(/\/login/)
  await mine.reload()
  await expect(mine.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  await other.context().close()
  await mine.context().close()
})
