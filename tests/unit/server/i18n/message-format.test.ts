import { describe, expect, it } from 'vitest'
import { formatMessage } from '../../../../server/i18n/message-format'

describe('formatMessage (vue-i18n message syntax)', () => {
  it('fills {name} placeholders, leaves other text alone and renders an unknown name empty', () => {
    expect(formatMessage('{actor} revoked API token "{name}"', { actor: 'Ada', name: 'nodes' }, 'en')).toBe('Ada revoked API token "nodes"')
    expect(formatMessage('{ actor } — {missing}!', { actor: 'Ada' }, 'en')).toBe('Ada — !')
  })

  it('renders {\'literal\'} text, so braces and bars can be written', () => {
    expect(formatMessage('{\'{\'}x{\'}\'} {\'|\'} {a}', { a: '1' }, 'en')).toBe('{x} | 1')
  })

  it('picks English one | other forms by count, with {count} and {n} filled', () => {
    const source = '{count} node unassigned | {n} nodes unassigned'
    expect(formatMessage(source, {}, 'en', 1)).toBe('1 node unassigned')
    expect(formatMessage(source, {}, 'en', 2)).toBe('2 nodes unassigned')
    expect(formatMessage(source, {}, 'en', 0)).toBe('0 nodes unassigned')
  })

  it('picks Russian one | few | many forms: 1 датчик, 2 датчика, 5 датчиков, 11 датчиков, 21 датчик, 22 датчика', () => {
    const source = '{count} датчик | {count} датчика | {count} датчиков'
    const cases: Array<[number, string]> = [[1, 'датчик'], [2, 'датчика'], [4, 'датчика'], [5, 'датчиков'], [11, 'датчиков'], [12, 'датчиков'], [21, 'датчик'], [22, 'датчика'], [25, 'датчиков'], [111, 'датчиков'], [0, 'датчиков']]
    for (const [count, word] of cases) expect(formatMessage(source, {}, 'ru', count)).toBe(`${count} ${word}`)
  })

  it('picks Polish one | few | many forms: 1 czujnik, 2 czujniki, 5 czujników, 12 czujników, 22 czujniki', () => {
    const source = '{count} czujnik | {count} czujniki | {count} czujników'
    const cases: Array<[number, string]> = [[1, 'czujnik'], [2, 'czujniki'], [4, 'czujniki'], [5, 'czujników'], [12, 'czujników'], [21, 'czujników'], [22, 'czujniki'], [0, 'czujników']]
    for (const [count, word] of cases) expect(formatMessage(source, {}, 'pl', count)).toBe(`${count} ${word}`)
  })

  it('keeps a message without plural forms whole when a count is given', () => {
    expect(formatMessage('Gateway {name} is offline', { name: 'G1' }, 'ru', 3)).toBe('Gateway G1 is offline')
  })
})
