// A new site in Chromium from an empty database (DEMO_DATA=off, SIMULATOR=off): /setup creates the first admin,
// who configures a zone with a threshold, a node in it and a token; the token's telemetry shows on the zone page,
// a breach held past the delay raises exactly one alert, a second browser sees the zone appear live, a viewer
// sees no Settings, is refused by the API and changes their own password; Settings work on a phone, deletes ask
// first, and the devices page assigns a node to a zone. Screenshots are kept as artifacts.
import { expect, test } from '@playwright/test'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, gotoLive } from '../support/signed-in-page'

const ADMIN = { name: 'Ada Admin', email: 'ada@hillside.example', password: 'hillside-admin-1' }
const VIEWER = { name: 'Vic Viewer', email: 'vic@hillside.example', password: 'hillside-viewer-1' }
const NODE_UID = 'bay1-node-1'
/** The threshold's delay: short, so a breach is held past it within a few seconds. */
const DELAY_SECONDS = 2

let server: ServerProcess
const contexts: BrowserContext[] = []

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  server = await startServer({ DEMO_DATA: 'off', SIMULATOR: 'off', TELEMETRY_BATCH_MS: '200' })
})
test.afterAll(async () => {
  await Promise.all(contexts.splice(0).map(context => context.close()))
  await server.stop()
})

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme })
  contexts.push(context)
  return context.newPage()
}

async function signIn(page: Page, user: { email: string, password: string }, path: string): Promise<void> {
  await page.goto(`${server.url}/login?redirect=${encodeURIComponent(path)}`)
  await page.fill('input[name=email]', user.email)
  await page.fill('input[name=password]', user.password)
  await page.click('button[type=submit]')
  await expect(page).toHaveURL(`${server.url}${path}`)
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
}

/** The signed-in page's tenant, as /api/auth/me tells it. */
async function tenantOf(page: Page): Promise<number> {
  return (await (await page.request.get(`${server.url}/api/auth/me`)).json() as { user: { tenantId: number } }).user.tenantId
}

test('a new site: setup, a zone with a threshold, a node, a token, live telemetry, one delayed alert', async ({ browser }) => {
  const admin = await newPage(browser)
  // With no user yet every page, the login page too, leads to /setup; the API says setup is needed.
  expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: true })
  await admin.goto(`${server.url}/zones`)
  await expect(admin).toHaveURL(`${server.url}/setup`)
  // The form is typed into before the page is interactive (its scripts held back): hydration keeps what was
  // typed, and the button waits for it rather than submitting natively (the password in the address).
  let releaseScripts!: () => void
  const scriptsHeld = new Promise<void>((resolve) => { releaseScripts = resolve })
  await admin.route(/\/_nuxt\/.*\.js$/, async (route) => { await scriptsHeld; await route.continue() })
  await admin.goto(`${server.url}/login`, { waitUntil: 'commit' })
  await expect(admin).toHaveURL(`${server.url}/setup`)
  const setup = admin.getByTestId('setup-form')
  await setup.locator('input[name=tenant]').fill('Hillside Farm')
  await setup.locator('input[name=name]').fill(ADMIN.name)
  await setup.locator('input[name=email]').fill(ADMIN.email)
  await setup.locator('input[name=password]').fill('too-short')
  await setup.locator('input[name=repeat]').fill('too-short')
  await expect(setup.getByRole('button', { name: 'Create and sign in' })).toBeDisabled()
  releaseScripts()
  await setup.getByRole('button', { name: 'Create and sign in' }).click()
  await expect(setup.locator('[data-slot=error]')).toHaveText(['At least 10 characters'])
  await expect(setup.locator('input[name=tenant]')).toHaveValue('Hillside Farm')
  await expect(admin).toHaveURL(`${server.url}/setup`)
  await admin.unrouteAll()
  await setup.locator('input[name=password]').fill(ADMIN.password)
  await setup.locator('input[name=repeat]').fill(ADMIN.password)
  await admin.screenshot({ path: 'test-results/screens/setup.png' })
  await setup.getByRole('button', { name: 'Create and sign in' }).click()
  // The admin is signed in afterwards and starts in Settings; setup cannot be replayed.
  await expect(admin).toHaveURL(`${server.url}/settings/zones`)
  await expect(admin.getByTestId('settings-empty')).toBeVisible()
  const replay = await fetch(`${server.url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: { name: 'Takeover' }, admin: { name: 'Mallory', email: 'm@evil.example', password: 'mallory-password' } }) })
  expect(replay.status).toBe(409)

  // A second browser signs in through the login form and watches the zones list.
  const watcher = await newPage(browser)
  await signIn(watcher, ADMIN, '/zones')
  await expect(watcher.getByText('No zones yet.')).toBeVisible()
  await watcher.evaluate(() => Object.assign(window, { sameDocument: true }))

  await admin.getByTestId('add-zone').click()
  const zoneForm = admin.getByTestId('zone-form')
  await zoneForm.locator('input[name=name]').fill('Bay 1')
  const rule = zoneForm.getByTestId('zone-rule').first()
  await rule.locator('input[name=metric]').fill('temperature')
  await rule.locator('input[name=min]').fill('10')
  await rule.locator('input[name=max]').fill('30')
  await rule.locator('input[name=delaySeconds]').fill(String(DELAY_SECONDS))
  await admin.screenshot({ path: 'test-results/screens/settings-zone-form.png' })
  await zoneForm.getByRole('button', { name: 'Create' }).click()
  const zoneRow = admin.getByTestId('settings-list').locator('li', { hasText: 'Bay 1' })
  await expect(zoneRow).toBeVisible()
  const zoneId = Number(await zoneRow.getAttribute('data-zone'))

  // The other browser saw it appear without reloading.
  await expect(watcher.getByTestId('zones-list').locator(`li[data-zone="${zoneId}"]`)).toContainText('Bay 1')
  expect(await watcher.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)

  await admin.getByTestId('settings-sections').getByRole('link', { name: 'Nodes' }).click()
  await admin.getByTestId('add-node').click()
  const nodeForm = admin.getByTestId('node-form')
  await nodeForm.locator('input[name=uid]').fill(NODE_UID)
  await nodeForm.locator('input[name=name]').fill('Bay 1 sensor')
  await nodeForm.getByTestId('node-zone').click()
  await admin.getByRole('option', { name: 'Bay 1' }).click()
  await nodeForm.getByRole('button', { name: 'Add' }).click()
  await expect(admin.locator(`li[data-node="${NODE_UID}"]`)).toContainText('Bay 1 sensor')

  await admin.getByTestId('settings-sections').getByRole('link', { name: 'API tokens' }).click()
  await admin.getByTestId('add-token').click()
  await admin.getByTestId('token-form').locator('input[name=name]').fill('bay sensors')
  await admin.getByTestId('token-form').getByRole('button', { name: 'Create' }).click()
  const token = (await admin.getByTestId('token-secret').textContent())!.trim()
  expect(token).toMatch(/^lk_\d+_/)
  // The recipe is filled in with this server's address and the real node.
  const telemetryRecipe = admin.getByTestId('curl-example').first()
  await expect(telemetryRecipe).toContainText(`${server.url}/api/ingest/telemetry`)
  await expect(telemetryRecipe).toContainText(`"device":"${NODE_UID}"`)
  await expect(telemetryRecipe).toContainText(`Bearer ${token}`)
  await admin.screenshot({ path: 'test-results/screens/settings-token-created.png' })
  await admin.getByTestId('token-done').click()
  await expect(admin.locator('li[data-token]')).toContainText('bay sensors')

  // The device posts with the token; the value shows on the zone page.
  await admin.goto(`${server.url}/zones/${zoneId}`)
  await expect(admin.getByTestId('connection-status')).toHaveAttribute('data-state', 'connected')
  await expect(admin.getByTestId('zone-alerts-empty')).toBeVisible()
  const inside = await ingest(server.url, token, '/api/ingest/telemetry', { device: NODE_UID, samples: [{ metric: 'temperature', value: 21.5 }] })
  expect(inside.status).toBe(201)
  await expect(admin.getByTestId('zone-nodes').locator('li')).toContainText('21.5 °C')

  // One breaching sample raises nothing: the breach has not lasted the delay yet.
  const tenantId = await tenantOf(admin)
  const zoneAlerts = async () => ((await (await admin.request.get(`${server.url}/api/tenants/${tenantId}/alerts`)).json()) as { data: Array<{ zoneId: number | null, metric: string | null }> })
    .data.filter(alert => alert.zoneId === zoneId && alert.metric === 'temperature')
  const report = async (value: number) => expect((await ingest(server.url, token, '/api/ingest/telemetry', { device: NODE_UID, samples: [{ metric: 'temperature', value }] })).status).toBe(201)
  /** Reports `value` every 500 ms for twice the delay. */
  const hold = async (value: number) => {
    const ends = Date.now() + DELAY_SECONDS * 2000
    for (let sample = 0; Date.now() < ends && sample < 40; sample++) {
      await report(value)
      await new Promise(done => setTimeout(done, 500))
    }
  }
  await report(35)
  expect(await zoneAlerts()).toHaveLength(0)
  // Held past the delay, the breach raises one alert, not one per sample.
  await hold(35)
  await expect(admin.getByTestId('zone-alerts').locator('li')).toHaveCount(1)
  expect(await zoneAlerts()).toHaveLength(1)
  await admin.screenshot({ path: 'test-results/screens/first-zone.png', fullPage: true })
  // The value flaps: back inside (the alert resolves), then out again past the delay: still that one alert.
  await report(20)
  await expect(admin.getByTestId('zone-alerts-empty')).toBeVisible()
  await hold(35)
  expect(await zoneAlerts()).toHaveLength(1)
})

test('a viewer added by the admin sees no Settings, and the API refuses the viewer with 403', async ({ browser }) => {
  const admin = await newPage(browser)
  await signIn(admin, ADMIN, '/settings/users')
  await admin.getByTestId('add-user').click()
  const form = admin.getByTestId('user-form')
  await form.locator('input[name=name]').fill(VIEWER.name)
  await form.locator('input[name=email]').fill(VIEWER.email)
  await form.locator('input[name=password]').fill(VIEWER.password)
  await form.getByRole('button', { name: 'Add' }).click()
  await expect(admin.locator(`li[data-user="${VIEWER.email}"]`)).toContainText(VIEWER.name)

  const viewer = await newPage(browser)
  await signIn(viewer, VIEWER, '/zones')
  await expect(viewer.getByTestId('zones-list').locator('li')).toHaveCount(1)
  await expect(viewer.getByRole('link', { name: 'Settings' })).toHaveCount(0)
  await viewer.goto(`${server.url}/settings/zones`)
  await expect(viewer.getByTestId('settings-refused')).toBeVisible()
  await expect(viewer.getByTestId('add-zone')).toHaveCount(0)
  const xsrf = decodeURIComponent((await viewer.context().cookies()).find(cookie => cookie.name === 'XSRF-TOKEN')!.value)
  const refused = await viewer.request.post(`${server.url}/api/tenants/${await tenantOf(viewer)}/zones`, { data: { name: 'Sneaky', targets: {}, thresholds: {} }, headers: { 'x-xsrf-token': xsrf } })
  expect(refused.status()).toBe(403)

  // Everybody changes their own password from the user menu; the old one stops working.
  await viewer.getByTestId('user-menu').click()
  await viewer.getByRole('menuitem', { name: 'Change password' }).click()
  const passwordForm = viewer.getByTestId('password-form')
  await passwordForm.locator('input[name=currentPassword]').fill(VIEWER.password)
  await passwordForm.locator('input[name=password]').fill('hillside-viewer-2')
  await passwordForm.locator('input[name=repeat]').fill('hillside-viewer-2')
  await passwordForm.getByRole('button', { name: 'Change password' }).click()
  await expect(passwordForm).toHaveCount(0)
  const loginWith = (password: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: VIEWER.email, password }) })
  expect((await loginWith('hillside-viewer-2')).status).toBe(200)
  expect((await loginWith(VIEWER.password)).status).toBe(401)
})

test('Settings work on a 375 px phone in dark mode, with a confirmation before a delete', async ({ browser }) => {
  const phone = await newPage(browser, { width: 375, height: 812 }, 'dark')
  await signIn(phone, ADMIN, '/settings/zones')
  const row = phone.getByTestId('settings-list').locator('li', { hasText: 'Bay 1' })
  await expect(row).toBeVisible()
  await expectNoSidewaysScroll(phone)
  await phone.screenshot({ path: 'test-results/screens/settings-phone-dark.png', fullPage: true })
  for (const section of ['nodes', 'gateways', 'vehicles', 'users', 'tokens']) {
    await phone.goto(`${server.url}/settings/${section}`)
    await expect(phone.getByTestId('settings-list').or(phone.getByTestId('settings-empty'))).toBeVisible()
    await expectNoSidewaysScroll(phone)
  }
  // Deleting asks first; cancelling keeps the node.
  await gotoLive(phone, server, '/settings/nodes')
  const node = phone.locator(`li[data-node="${NODE_UID}"]`)
  await node.getByTestId('delete').click()
  await phone.getByRole('button', { name: 'Cancel' }).click()
  await expect(node).toBeVisible()
  await node.getByTestId('delete').click()
  await phone.getByTestId('confirm-delete').click()
  await expect(node).toHaveCount(0)
})

test('an admin assigns a node that sits in no zone from the devices page, and it leaves the list', async ({ browser }) => {
  const admin = await newPage(browser)
  await signIn(admin, ADMIN, '/devices')
  // The page's channel authorisations done (so its subscriptions are confirmed), an event published now is not missed.
  await admin.waitForLoadState('networkidle')
  const tenantId = await tenantOf(admin)
  const xsrf = decodeURIComponent((await admin.context().cookies()).find(cookie => cookie.name === 'XSRF-TOKEN')!.value)
  const created = await admin.request.post(`${server.url}/api/tenants/${tenantId}/devices`, { data: { uid: 'loose-node', name: 'Loose node' }, headers: { 'x-xsrf-token': xsrf } })
  expect(created.status()).toBe(201)
  // Added elsewhere, it shows up here live.
  const row = admin.locator('li[data-device="loose-node"]')
  await expect(row).toBeVisible()
  await row.getByTestId('device-assign').click()
  await admin.getByRole('option', { name: 'Bay 1' }).click()
  await expect(row).toHaveCount(0)
  const nodes = await (await admin.request.get(`${server.url}/api/tenants/${tenantId}/devices`)).json() as { data: Array<{ uid: string, zoneId: number | null }> }
  expect(nodes.data.find(node => node.uid === 'loose-node')?.zoneId).toEqual(expect.any(Number))
})

test('an admin changes a user\'s role, resets their password and disables and enables them', async ({ browser }) => {
  const admin = await newPage(browser)
  await signIn(admin, ADMIN, '/settings/users')
  const row = admin.locator(`li[data-user="${VIEWER.email}"]`)
  const loginWith = (password: string) => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: VIEWER.email, password }) })

  await row.getByTestId('user-role').click()
  await admin.getByRole('option', { name: 'operator' }).click()
  // The toast's title and its screen-reader announcement carry the same words: the visible one counts.
  await expect(admin.getByText(`${VIEWER.name} is now operator`).filter({ visible: true }).first()).toBeVisible()

  await row.getByRole('button', { name: 'Reset password' }).click()
  const form = admin.getByTestId('password-form')
  await form.locator('input[name=password]').fill('hillside-reset-3')
  await form.locator('input[name=repeat]').fill('hillside-reset-3')
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form).toHaveCount(0)
  const signedIn = await loginWith('hillside-reset-3')
  expect(signedIn.status).toBe(200)
  expect((await signedIn.json() as { user: { role: string } }).user.role).toBe('operator')

  await row.getByTestId('delete').click()
  await admin.getByTestId('confirm-delete').click()
  await expect(row).toHaveAttribute('data-disabled', 'true')
  expect((await loginWith('hillside-reset-3')).status).not.toBe(200)
  await row.getByRole('button', { name: 'Enable' }).click()
  await expect(row).toHaveAttribute('data-disabled', 'false')
  expect((await loginWith('hillside-reset-3')).status).toBe(200)
})
