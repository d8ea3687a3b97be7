// The texts of the map, vehicles, replay, reports and system pages in English, Russian and Polish, read through
// vue-i18n with the app's own plural rules: counts take each language's form, and every status, engine command
// and command problem the code names has its words (tests/unit/i18n/locale-files.test.ts checks key parity).
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../i18n/locales/en.json'
import pl from '../../../i18n/locales/pl.json'
import ru from '../../../i18n/locales/ru.json'
import { pluralRules } from '../../../i18n/plural-rules'
import { customCommandBody, CUSTOM_COMMAND_MAX, ENGINE_COMMANDS } from '../../../app/utils/map/vehicle-commands'
import { STATUSES } from '../../../app/utils/map/vehicle-status'

const messages = { en, ru, pl } as const
type Language = keyof typeof messages

function translator(language: Language) {
  const missing: string[] = []
  const i18n = createI18n({ legacy: false, locale: language, fallbackLocale: false, messages, pluralRules, missing: (_locale, key) => { missing.push(key) }, missingWarn: false })
  return { t: i18n.global.t, missing }
}

describe('map, reports and system messages', () => {
  it('counts replay fixes and stops in each language\'s plural forms', () => {
    const counted = (language: Language, count: number) => {
      const { t } = translator(language)
      return `${t('replay.fixes', count)} · ${t('replay.stops', count)}`
    }
    expect(counted('en', 1)).toBe('1 fix · 1 stop')
    expect(counted('en', 80)).toBe('80 fixes · 80 stops')
    expect([1, 2, 5, 11, 21, 22, 25].map(count => counted('ru', count))).toEqual([
      '1 точка · 1 стоянка', '2 точки · 2 стоянки', '5 точек · 5 стоянок', '11 точек · 11 стоянок',
      '21 точка · 21 стоянка', '22 точки · 22 стоянки', '25 точек · 25 стоянок',
    ])
    expect([1, 2, 5, 12, 21, 22, 25].map(count => counted('pl', count))).toEqual([
      '1 punkt · 1 postój', '2 punkty · 2 postoje', '5 punktów · 5 postojów', '12 punktów · 12 postojów',
      '21 punktów · 21 postojów', '22 punkty · 22 postoje', '25 punktów · 25 postojów',
    ])
  })

  it('counts a vehicle\'s satellites and a polygon\'s corners in Russian and Polish', () => {
    const ru = translator('ru').t
    const pl = translator('pl').t
    expect([1, 3, 7].map(count => ru('vehicles.panel.satellites', count))).toEqual(['1 спутник', '3 спутника', '7 спутников'])
    expect([1, 3, 7].map(count => pl('vehicles.panel.satellites', count))).toEqual(['1 satelita', '3 satelity', '7 satelitów'])
    expect(ru('map.geozones.polygonShape', 4)).toBe('многоугольник, 4 вершины')
    expect(pl('map.geozones.polygonShape', 5)).toBe('wielokąt, 5 wierzchołków')
  })

  it('names every vehicle status, engine command and free-text command problem in every language', () => {
    for (const language of ['en', 'ru', 'pl'] as const) {
      const { t, missing } = translator(language)
      for (const status of STATUSES) t(`vehicles.status.${status}`)
      for (const command of ENGINE_COMMANDS) {
        t(`vehicles.commands.${command.kind}.label`)
        t(`vehicles.commands.${command.kind}.confirm`)
      }
      for (const text of ['', 'x'.repeat(CUSTOM_COMMAND_MAX + 1), 'é']) {
        const built = customCommandBody(text)
        if ('problem' in built) t(`vehicles.commands.problems.${built.problem}`, { max: CUSTOM_COMMAND_MAX })
      }
      expect(missing, language).toEqual([])
    }
    const { t } = translator('en')
    expect(t('vehicles.status.no_gps')).toBe('No GPS')
    expect(t(`vehicles.commands.problems.${(customCommandBody('x'.repeat(501)) as { problem: string }).problem}`, { max: CUSTOM_COMMAND_MAX }))
      .toBe('The command is longer than 500 characters')
  })
})
