// Commands from the vehicle panel in Chromium with the simulator's Codec 8 trackers connected: an operator on a
// phone blocks Van 2's engine and watches the command reach its final status live, an admin sends a free-text
// command, a viewer sees them listed without controls; a vehicle without an IMEI says commands need a tracker.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, signedInPage } from '../support/signed-in-page'

let server: ServerProcess

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', POSITION_BATCH_MS: '200' })
})
test.afterAll(async () => {
  await server.stop()
})

/** Opens `name`'s panel from the vehicle list. */
async function openVehicle(page: Page, name: string) {
  await page.getByTestId('vehicle-list').locator('li').filter({ has: page.getByTestId('vehicle-name').getByText(name, { exact: true }) }).getByRole('button').click()
  const panel = page.getByTestId('vehicle-panel')
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(name)
  return panel
}

test('an operator on a phone blocks a tracker vehicle\'s engine and sees the tracker\'s answer arrive live', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'operator', '/map', { viewport: { width: 375, height: 812 } })
  const tractor = await openVehicle(page, 'Tractor 1')
  await expect(tractor.getByTestId('vehicle-commands-no-tracker')).toContainText('Commands need a Teltonika tracker')
  await expect(tractor.getByTestId('command-engine_block')).toHaveCount(0)

  const panel = await openVehicle(page, 'Van 2')
  await expect(panel.getByTestId('vehicle-custom-command')).toHaveCount(0)
  await panel.getByTestId('command-engine_block').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Engine block Van 2?')
  await dialog.getByTestId('confirm-command').click()

  // Only the POST's answer (queued) comes back over HTTP; every later status comes over the WebSocket.
  const row = panel.getByTestId('vehicle-command-list').locator('li').first()
  await expect(row).toContainText('Engine block', { timeout: 15_000 })
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 })
  await expect(row.getByTestId('command-response')).toHaveText('DOUT1:1 Timeout:Infinity')
  await panel.getByTestId('vehicle-commands').scrollIntoViewIfNeeded()
  await expectNoSidewaysScroll(page)
  await page.screenshot({ path: 'test-results/screens/map-vehicle-commands-phone.png' })
  await page.context().close()
})

test('an admin also sends a free-text command and sees the tracker\'s answer', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'admin', '/map')
  const panel = await openVehicle(page, 'Van 2')
  const form = panel.getByTestId('vehicle-custom-command')
  await form.getByRole('textbox', { name: 'Tracker command' }).fill('getver')
  await form.getByRole('button', { name: 'Send' }).click()
  const row = panel.getByTestId('vehicle-command-list').locator('li').first()
  // Bounds sized for a loaded 2-core machine: the POST, then the tracker's turn.
  await expect(row).toContainText('getver', { timeout: 15_000 })
  await expect(row).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 })
  await expect(row.getByTestId('command-response')).toHaveText('Simulated tracker: getver done')
  await page.context().close()
})

test('a viewer sees the vehicle\'s commands with the tracker\'s answer but no buttons', async ({ browser }) => {
  const page = await signedInPage(browser, server, 'viewer', '/map')
  const panel = await openVehicle(page, 'Van 2')
  await expect(panel.getByTestId('vehicle-commands-no-tracker')).toHaveCount(0)
  const row = panel.getByTestId('vehicle-command-list').locator('li').filter({ hasText: 'Engine block' })
  await expect(row).toHaveAttribute('data-status', 'succeeded')
  await expect(row).toContainText('Engine block')
  await expect(row.getByTestId('command-response')).toHaveText('DOUT1:1 Timeout:Infinity')
  await expect(panel.getByTestId('vehicle-commands').getByRole('button')).toHaveCount(0)
  await expect(panel.getByTestId('vehicle-commands').getByRole('textbox')).toHaveCount(0)
  await page.context().close()
})
