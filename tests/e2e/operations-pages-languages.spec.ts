// The dashboard, zones, gateways, devices and alerts pages in Russian and Polish, with the simulator on: headings,
// filters and status words in the reader's language, Russian and Polish plural forms of the zone counts, relative
// times and numbers written the language's way. English stays as the other e2e specs assert it.
import { expect, test } from '@playwright/test'
import type { Browser, Page } from '@playwright/test'
import { demoEmail, login } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { signedInPage } from '../support/signed-in-page'

let server: ServerProcess
let gatewayId: number
let zoneId: number
const pages: Page[] = []

test.beforeAll(async () => {
  // Outages off: a gateway falling silent would leave its page without the values the test reads.
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '500', SIMULATOR_OUTAGES: 'off', TELEMETRY_BATCH_MS: '200', POSITION_BATCH_MS: '200' })
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const list = async (what: string) => (await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/${what}`)).json() as { data: Array<{ id: number }> }).data
  gatewayId = (await list('gateways'))[0]!.id
  zoneId = (await list('zones'))[0]!.id
})
test.afterEach(async () => {
  await Promise.all(pages.splice(0).map(page => page.context().close()))
})
test.afterAll(async () => {
  await server.stop()
})

/** A signed-in page in the browser language `locale`, closed after the test. */
async function open(browser: Browser, role: 'admin' | 'operator', path: string, locale: string): Promise<Page> {
  const page = await signedInPage(browser, server, role, path, { locale })
  pages.push(page)
  return page
}

/** The Russian or Polish form of a count, by the language's own plural rules: [one, few, many]. */
function pluralForm(language: 'ru' | 'pl', n: number, forms: [string, string, string]): string {
  const formIndex: Record<string, number> = { one: 0, few: 1, many: 2, other: 1 }
  const index = formIndex[new Intl.PluralRules(language).select(n)] ?? 2
  return `${n} ${forms[index]}`
}

test('zones in Russian: headings, status words and every count in its plural form', async ({ browser }) => {
  const page = await open(browser, 'operator', '/zones', 'ru-RU')
  await expect(page.getByRole('heading', { name: 'Зоны', level: 1 })).toBeVisible()
  const cards = page.getByTestId('zones-list').locator('li')
  await expect(cards.first()).toBeVisible()
  for (const card of await cards.all()) {
    await expect(card).toContainText(/(норма|внимание|тревога|нет данных)/)
    const counts = card.getByTestId('zone-counts')
    const alerts = Number(await counts.getAttribute('data-open-alerts'))
    const commands = Number(await counts.getAttribute('data-pending-commands'))
    await expect(counts).toContainText(pluralForm('ru', alerts, ['открытое оповещение', 'открытых оповещения', 'открытых оповещений']))
    await expect(counts).toContainText(pluralForm('ru', commands, ['команда в очереди', 'команды в очереди', 'команд в очереди']))
    await expect(counts).toHaveText(/^\d+ (узел|узла|узлов) · /)
  }
})

test('a zone in Polish: telemetry ranges, nodes heard "temu", command form and status in Polish', async ({ browser }) => {
  const page = await open(browser, 'operator', `/zones/${zoneId}`, 'pl-PL')
  await expect(page.getByRole('heading', { name: 'Telemetria' })).toBeVisible()
  await expect(page.getByTestId('zone-range').getByRole('button', { name: '7 dni' })).toBeVisible()
  await expect(page.getByTestId('zone-nodes').getByTestId('node-last-seen').first()).toHaveText(/^ostatni kontakt (przed chwilą|\d+ s temu)$/)
  await expect(page.getByTestId('zone-status')).toHaveText(/^(w normie|ostrzeżenie|alarm|brak danych)$/)
  await expect(page.getByTestId('zone-command-form')).toContainText('Polecenie')
  await expect(page.getByTestId('zone-command-form').getByRole('button', { name: 'Wyślij' })).toBeVisible()
})

test('gateways in Polish: the online summary, badges and a gateway\'s data points with decimal commas', async ({ browser }) => {
  const page = await open(browser, 'admin', '/gateways', 'pl-PL')
  await expect(page.getByTestId('gateways-summary')).toHaveText(/^online: \d+ z \d+$/)
  await expect(page.getByTestId('gateways-list').locator('li').first()).toContainText(/(online|offline)/)
  await expect(page.getByTestId('gateway-contact').first()).toContainText(/ostatni kontakt (\d+ (s|min) temu|nigdy)/)
  await page.goto(`${server.url}/gateways/${gatewayId}`)
  await expect(page.getByRole('heading', { name: 'Punkty danych' })).toBeVisible()
  await expect(page.getByTestId('connection-panel')).toContainText('Połączenie')
  // Simulated values have decimals: Polish writes them with a comma, never a point.
  await expect(page.getByTestId('data-point-value').filter({ hasText: ',' }).first()).toBeVisible({ timeout: 15_000 })
  for (const value of await page.getByTestId('data-point-value').allTextContents()) expect(value).toMatch(/^(—|-?\d+(,\d+)?)$/)
})

test('alerts and the dashboard in Russian: filters, severities and counters', async ({ browser }) => {
  const page = await open(browser, 'operator', '/alerts', 'ru-RU')
  await expect(page.getByRole('heading', { name: 'Оповещения' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Статус' })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Важность' })).toBeVisible()
  await page.getByRole('combobox', { name: 'Статус' }).click()
  await expect(page.getByRole('option', { name: 'Подтверждённые' })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.goto(`${server.url}/`)
  await expect(page.getByRole('heading', { name: 'Обзор' })).toBeVisible()
  await expect(page.locator('[data-card=gateways]')).toContainText('Шлюзы в сети')
  await expect(page.locator('[data-card=alerts]')).toContainText(/критических: \d+ · предупреждений: \d+/)
  await expect(page.getByText('События', { exact: true })).toBeVisible()
})

test('devices in Polish: the page and its empty or listed devices', async ({ browser }) => {
  const page = await open(browser, 'admin', '/devices', 'pl-PL')
  await expect(page.getByRole('heading', { name: 'Nieprzypisane urządzenia' })).toBeVisible()
  await expect(page.getByTestId('devices-empty').or(page.getByTestId('device-last-seen').first())).toContainText(/(Każde urządzenie jest przypisane do strefy|ostatni kontakt)/)
})
