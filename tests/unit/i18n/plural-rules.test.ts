// Russian and Polish plural forms through vue-i18n with the app's rules and its real message files.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { pluralRules } from '../../../i18n/plural-rules'
import en from '../../../i18n/locales/en.json'
import ru from '../../../i18n/locales/ru.json'
import pl from '../../../i18n/locales/pl.json'

function translator(locale: 'en' | 'ru' | 'pl') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, ru, pl }, pluralRules, missingWarn: false, fallbackWarn: false })
  return (key: string, count: number) => i18n.global.t(key, count)
}

describe('Russian plurals', () => {
  const t = translator('ru')
  it('uses one for 1, 21, 101; few for 2–4, 22–24; many for 5–20, 11–14, 25, 111', () => {
    expect([1, 2, 5, 21, 22, 25, 11, 12, 14, 101, 111, 0].map(n => t('common.sensorCount', n))).toEqual([
      '1 датчик', '2 датчика', '5 датчиков', '21 датчик', '22 датчика', '25 датчиков',
      '11 датчиков', '12 датчиков', '14 датчиков', '101 датчик', '111 датчиков', '0 датчиков',
    ])
  })

  it('takes a message\'s leading zero form for 0 and shifts the others by one', () => {
    expect([0, 1, 3, 5, 21].map(n => t('layout.signedOutOthers', n))).toEqual([
      'Других сеансов не было', 'Завершён 1 другой сеанс', 'Завершено 3 других сеанса', 'Завершено 5 других сеансов', 'Завершён 21 другой сеанс',
    ])
  })
})

describe('Polish plurals', () => {
  const t = translator('pl')
  it('uses one only for 1; few for 2–4, 22–24 but not 12–14; many for the rest (21 too)', () => {
    expect([1, 2, 4, 5, 12, 21, 22, 25, 102, 112, 0].map(n => t('common.sensorCount', n))).toEqual([
      '1 czujnik', '2 czujniki', '4 czujniki', '5 czujników', '12 czujników', '21 czujników',
      '22 czujniki', '25 czujników', '102 czujniki', '112 czujników', '0 czujników',
    ])
  })

  it('takes a message\'s leading zero form for 0', () => {
    expect([0, 1, 2, 5].map(n => t('layout.signedOutOthers', n))).toEqual([
      'Nie było innych sesji', 'Zakończono 1 inną sesję', 'Zakończono 2 inne sesje', 'Zakończono 5 innych sesji',
    ])
  })
})

describe('relative times and durations', () => {
  it('say days in Polish with the right form (1 dzień, 2 dni) and keep the one-form messages of the others', () => {
    const polish = createI18n({ legacy: false, locale: 'pl', messages: { pl }, pluralRules }).global
    const russian = createI18n({ legacy: false, locale: 'ru', messages: { ru }, pluralRules }).global
    expect([1, 2, 5].map(n => polish.t('time.ago.day', { n }, n))).toEqual(['1 dzień temu', '2 dni temu', '5 dni temu'])
    expect([1, 3].map(n => polish.t('time.unit.day', { n }, n))).toEqual(['1 dzień', '3 dni'])
    expect([1, 5].map(n => russian.t('time.ago.day', { n }, n))).toEqual(['1 дн. назад', '5 дн. назад'])
  })
})

describe('English plurals', () => {
  const t = translator('en')
  it('keeps vue-i18n\'s own rule: one for 1, other for the rest', () => {
    expect([1, 2, 21].map(n => t('common.sensorCount', n))).toEqual(['1 sensor', '2 sensors', '21 sensors'])
    expect([0, 1, 2].map(n => t('layout.signedOutOthers', n))).toEqual(['Signed out of no other session', 'Signed out of 1 other session', 'Signed out of 2 other sessions'])
  })
})
