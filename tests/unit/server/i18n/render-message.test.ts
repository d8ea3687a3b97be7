import { describe, expect, it } from 'vitest'
import type { ServerLocale } from '../../../../server/i18n/locales'
import { renderMessage } from '../../../../server/i18n/render-message'
import { serverMessage, term } from '../../../../server/i18n/server-message'

const own: Record<ServerLocale, Record<string, string>> = {
  en: { 'm.greet': 'Hello {name}', 'm.only': 'Only in English: {name}', 'm.items': '{count} item | {count} items', 'm.word': 'word' },
  ru: { 'm.greet': 'Привет, {name}', 'm.items': '{count} элемент | {count} элемента | {count} элементов', 'm.word': 'слово' },
  pl: { 'm.greet': 'Cześć {name}', 'm.items': '{count} element | {count} elementy | {count} elementów' },
}
const lookup = (locale: ServerLocale, code: string) => own[locale][code] ?? null

describe('renderMessage', () => {
  it('renders a code in the reader\'s language', () => {
    const message = { code: 'm.greet', params: { name: 'Ada' }, text: 'stored' }
    expect(['en', 'ru', 'pl'].map(locale => renderMessage(locale as ServerLocale, message, lookup))).toEqual(['Hello Ada', 'Привет, Ada', 'Cześć Ada'])
  })

  it('falls back to English when the reader\'s language lacks the key, and to the stored text when English does too', () => {
    expect(renderMessage('ru', { code: 'm.only', params: { name: 'Ada' }, text: 'stored' }, lookup)).toBe('Only in English: Ada')
    expect(renderMessage('pl', { code: 'm.nowhere', params: {}, text: 'stored text' }, lookup)).toBe('stored text')
    expect(renderMessage('ru', { code: null, text: 'written before codes' }, lookup)).toBe('written before codes')
  })

  it('picks plural forms by the count parameter in each language', () => {
    const message = { code: 'm.items', params: { count: 22 }, text: '' }
    expect(renderMessage('en', message, lookup)).toBe('22 items')
    expect(renderMessage('ru', message, lookup)).toBe('22 элемента')
    expect(renderMessage('pl', message, lookup)).toBe('22 elementy')
  })

  it('renders nested messages and terms in the same language, a missing term as its text', () => {
    const message = { code: 'm.greet', params: { name: { code: 'm.word', text: 'fallback' } }, text: '' }
    expect(renderMessage('ru', message, lookup)).toBe('Привет, слово')
    expect(renderMessage('pl', message, lookup)).toBe('Cześć word')
    expect(renderMessage('ru', { code: 'm.greet', params: { name: term('m.none', 'as is') }, text: '' }, lookup)).toBe('Привет, as is')
  })
})

describe('the catalogue\'s messages', () => {
  it('reads one alert in English, Russian and Polish', () => {
    const alert = serverMessage('messages.alerts.thresholdAbove', { metric: term('messages.metrics.temperature', 'temperature'), value: '31.0', limit: '30.0', zone: 'Greenhouse A' })
    expect(alert.text).toBe('temperature 31.0 above 30.0 in Greenhouse A')
    expect(renderMessage('ru', alert)).toBe('Температура: 31.0 выше 30.0 в зоне «Greenhouse A»')
    expect(renderMessage('pl', alert)).toBe('Temperatura: 31.0 powyżej 30.0 w strefie „Greenhouse A”')
  })

  it('says how many nodes a deleted zone left unassigned with the right plural in each language', () => {
    const deleted = (count: number) => serverMessage('messages.activity.zoneDeletedWithNodes', { actor: 'Ada', name: 'A', count })
    expect(deleted(1).text).toBe('Ada deleted zone A (1 node unassigned)')
    expect(deleted(3).text).toBe('Ada deleted zone A (3 nodes unassigned)')
    expect(renderMessage('ru', deleted(1))).toBe('Ada: удалена зона «A» (1 узел откреплён)')
    expect(renderMessage('ru', deleted(3))).toBe('Ada: удалена зона «A» (3 узла откреплены)')
    expect(renderMessage('ru', deleted(5))).toBe('Ada: удалена зона «A» (5 узлов откреплено)')
    expect(renderMessage('pl', deleted(22))).toBe('Ada: usunięto strefę „A” (22 węzły odłączone)')
    expect(renderMessage('pl', deleted(25))).toBe('Ada: usunięto strefę „A” (25 węzłów odłączonych)')
  })
})
