// The map (list, legend, vehicle panel, route replay, geozone drawing), Reports and System pages in Russian and
// Polish on a 375 px phone: their words in the language, counts in its plural forms, numbers in its format, no
// missing message key and nothing scrolling sideways. The browser's language (Accept-Language) picks the language.
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { backfilledPositions, day } from '../support/backfilled-day'
import { demoEmail, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { expectNoSidewaysScroll, signedInPage } from '../support/signed-in-page'

let server: ServerProcess
let vehicleId: number

test.beforeAll(async () => {
  server = await startServer()
  const admin = await login(server, demoEmail('admin', 'greenfield'))
  const vehicles = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/vehicles`)).json() as { data: Array<{ id: number }> }
  vehicleId = vehicles.data[0]!.id
  const response = await ingest(server.url, await createToken(admin, ['ingest']), '/api/ingest/positions', { positions: backfilledPositions(vehicleId) })
  expect(response.status).toBe(201)
})
test.afterAll(async () => {
  await server.stop()
})

/** What each language shows for the back-filled day (80 fixes, one stop, 40 km/h, ignition on, fuel 55 %). */
const LANGUAGES = [
  {
    locale: 'ru-RU',
    tabs: ['Транспорт', 'Геозоны', 'События'],
    legend: ['В движении', 'Нет GPS', 'Последний час'],
    speedLabel: 'Скорость',
    replay: { open: 'Воспроизвести маршрут', from: 'С', to: 'По', load: 'Загрузить', next: 'Следующая точка' },
    summary: '80 точек · 1 стоянка',
    speed: '40,0 км/ч',
    sensors: 'зажигание вкл. · топливо 55 %',
    draw: 'Нарисовать геозону',
    drawHint: 'поставлено: 0, нужно ещё: 3',
    report: { show: 'Показать', column: 'Пробег', maxSpeed: '40 км/ч', driving: /\d+ мин/ },
    system: { heading: 'Система', state: 'подключено' },
  },
  {
    locale: 'pl-PL',
    tabs: ['Pojazdy', 'Strefy', 'Zdarzenia'],
    legend: ['W ruchu', 'Brak GPS', 'Ostatnia godzina'],
    speedLabel: 'Prędkość',
    replay: { open: 'Odtwórz trasę', from: 'Od', to: 'Do', load: 'Wczytaj', next: 'Następny punkt' },
    summary: '80 punktów · 1 postój',
    speed: '40,0 km/h',
    sensors: 'zapłon wł. · paliwo 55%',
    draw: 'Narysuj strefę',
    drawHint: 'wstawione: 0, potrzeba jeszcze: 3',
    report: { show: 'Pokaż', column: 'Przebieg', maxSpeed: '40 km/h', driving: /\d+ min/ },
    system: { heading: 'System', state: 'połączono' },
  },
] as const

/** Console warnings about message keys a page asked for and its language lacks. */
function missingKeys(page: Page): string[] {
  const found: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('[i18n] missing key')) found.push(message.text())
  })
  return found
}

for (const language of LANGUAGES) {
  test.describe(`in ${language.locale}`, () => {
    test.use({ locale: language.locale, timezoneId: 'Europe/Amsterdam' })

    test('the map, a vehicle panel, its route replay and geozone drawing speak the language on a phone', async ({ browser }) => {
      test.setTimeout(120_000)
      let missing: string[] = []
      const page = await signedInPage(browser, server, 'admin', '/map', { viewport: { width: 375, height: 812 }, prepare: (page) => { missing = missingKeys(page) } })
      try {
        for (const tab of language.tabs) await expect(page.getByRole('tab', { name: new RegExp(tab) })).toBeVisible()
        for (const word of language.legend) await expect(page.getByTestId('map-legend')).toContainText(word)
        await expectNoSidewaysScroll(page)

        await page.getByTestId('vehicle-list').locator(`li[data-vehicle-id="${vehicleId}"]`).getByRole('button').click()
        const panel = page.getByTestId('vehicle-panel')
        await expect(panel).toContainText(language.speedLabel)
        const replay = panel.getByTestId('replay')
        await replay.getByRole('button', { name: language.replay.open }).click()
        await replay.getByLabel(language.replay.from, { exact: true }).fill(day)
        await replay.getByLabel(language.replay.to, { exact: true }).fill(day)
        await replay.getByRole('button', { name: language.replay.load }).click()
        await expect(replay.getByTestId('replay-summary')).toHaveText(language.summary)
        await expect(replay.getByTestId('replay-speed-value')).toHaveText(language.speed)
        await expect(replay.getByTestId('replay-sensors')).toHaveText(language.sensors)
        await replay.getByRole('button', { name: language.replay.next }).click()
        await expect(replay.getByTestId('replay-readout')).toHaveAttribute('data-index', '1')
        await expectNoSidewaysScroll(page)

        await expect(page.getByTestId('map')).toHaveAttribute('data-state', 'ready')
        await page.getByRole('tab', { name: new RegExp(language.tabs[1]) }).click()
        await page.getByRole('button', { name: language.draw }).click()
        await expect(page.getByTestId('geozone-draft')).toContainText(language.drawHint)
        await expectNoSidewaysScroll(page)
        await page.screenshot({ path: test.info().outputPath('map.png'), fullPage: true })
        expect(missing).toEqual([])
      }
      finally {
        await page.context().close()
      }
    })

    test('Reports and System speak the language on a phone', async ({ browser }) => {
      let missing: string[] = []
      const page = await signedInPage(browser, server, 'admin', '/reports', { viewport: { width: 375, height: 812 }, prepare: (page) => { missing = missingKeys(page) } })
      try {
        await page.getByLabel(language.replay.from, { exact: true }).fill(day)
        await page.getByLabel(language.replay.to, { exact: true }).fill(day)
        await page.getByRole('button', { name: language.report.show }).click()
        const table = page.getByTestId('summary-table')
        await expect(table.locator('thead')).toContainText(language.report.column)
        const row = table.locator(`tr[data-vehicle-id="${vehicleId}"][data-day="${day}"]`)
        await expect(row).toContainText(language.report.maxSpeed)
        await expect(row).toContainText(language.report.driving)
        await expectNoSidewaysScroll(page)
        await page.screenshot({ path: test.info().outputPath('reports.png'), fullPage: true })

        await page.goto(`${server.url}/system`)
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(language.system.heading)
        await expect(page.getByTestId('browser-connection')).toContainText(language.system.state)
        await expect(page.getByTestId('server-numbers')).toBeVisible()
        await expectNoSidewaysScroll(page)
        await page.screenshot({ path: test.info().outputPath('system.png'), fullPage: true })
        expect(missing).toEqual([])
      }
      finally {
        await page.context().close()
      }
    })
  })
}
