// One alert, one activity entry and one refusal read in English, Russian and Polish through the API, by the
// reader's language (their stored choice, else Accept-Language), on the embedded database and PostgreSQL; codes travel alongside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken, ingest } from '../support/ingest-token'
import type { OwnSite } from '../support/own-site'
import { DATABASES, send, startOwnSite } from '../support/own-site'

describe.each(DATABASES)('server texts in the reader\'s language on %s', (database) => {
  let site: OwnSite
  beforeAll(async () => { site = await startOwnSite(database) }, 120_000)
  afterAll(() => site?.server.stop())

  const read = async (path: string, language?: string) => {
    const response = await site.owner.fetch(path, language ? { headers: { 'accept-language': language } } : {})
    expect(response.status).toBe(200)
    return (await response.json() as { data: Array<Record<string, unknown>> }).data
  }

  it('renders a revoked token\'s activity entry in the reader\'s language, keeping its code and parameters', async () => {
    const created = await send(site.owner, 'POST', '/api/tokens', { name: 'nodes', abilities: ['ingest'] })
    expect((await send(site.owner, 'DELETE', `/api/tokens/${created.body.id}`)).status).toBe(200)
    const entry = async (language?: string) => (await read(`/api/tenants/${site.tenantA}/events`, language)).find(item => item.kind === 'token.revoked')!
    expect(await entry()).toMatchObject({ message: 'Ada revoked API token "nodes"', messageCode: 'messages.activity.tokenRevoked', messageParams: { actor: 'Ada', name: 'nodes' } })
    expect((await entry('ru-RU,ru;q=0.9,en;q=0.8')).message).toBe('Ada: отозван API-токен «nodes»')
    expect((await entry('pl')).message).toBe('Ada: unieważniono token API „nodes”')
    expect((await entry('de, en;q=0.5')).message).toBe('Ada revoked API token "nodes"')
  })

  it('renders one threshold alert in English, Russian and Polish, and its activity entry alike', async () => {
    const zone = (await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Greenhouse A', thresholds: { temperature: { min: 10, max: 30 } } })).body.data
    expect((await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/devices`, { uid: 'gh-a-1', name: 'GH A 1', zoneId: zone.id })).status).toBe(201)
    const token = await createToken(site.owner, ['ingest'], 'sensors')
    const samples = [{ metric: 'temperature', value: 31, at: new Date(Date.now() - 40_000).toISOString() }, { metric: 'temperature', value: 31 }]
    expect((await ingest(site.server.url, token, '/api/ingest/telemetry', { device: 'gh-a-1', samples })).status).toBe(201)
    const alert = async (language?: string) => (await read(`/api/tenants/${site.tenantA}/alerts`, language)).find(item => item.zoneId === zone.id)!
    expect(await alert('en-GB')).toMatchObject({ message: 'temperature 31.0 above 30.0 in Greenhouse A', messageCode: 'messages.alerts.thresholdAbove' })
    expect((await alert('ru')).message).toBe('Температура: 31.0 выше 30.0 в зоне «Greenhouse A»')
    expect((await alert('pl-PL')).message).toBe('Temperatura: 31.0 powyżej 30.0 w strefie „Greenhouse A”')
    const raised = async (language: string) => (await read(`/api/tenants/${site.tenantA}/events`, language)).find(item => item.kind === 'alert.raised')!.message
    expect(await raised('ru')).toBe('Температура: 31.0 выше 30.0 в зоне «Greenhouse A»')
    const acknowledged = await site.owner.fetch(`/api/alerts/${(await alert()).id}/acknowledge`, { method: 'POST', headers: { 'accept-language': 'pl' } })
    expect((await acknowledged.json() as { data: { message: string } }).data.message).toBe('Temperatura: 31.0 powyżej 30.0 w strefie „Greenhouse A”')
    const entry = async (language: string) => (await read(`/api/tenants/${site.tenantA}/events`, language)).find(item => item.kind === 'alert.acknowledged')!.message
    expect(await entry('ru')).toBe('Ada: принято в работу «Температура: 31.0 выше 30.0 в зоне «Greenhouse A»»')
    expect(await entry('en')).toBe('Ada acknowledged "temperature 31.0 above 30.0 in Greenhouse A"')
  })

  it('prefers the language the reader stored over Accept-Language, and Accept-Language again once it is cleared', async () => {
    const revoked = async () => (await read(`/api/tenants/${site.tenantA}/events`, 'ru')).find(item => item.kind === 'token.revoked')!.message
    expect(await send(site.owner, 'PUT', '/api/auth/locale', { locale: 'pl' })).toMatchObject({ status: 200 })
    expect(await revoked()).toBe('Ada: unieważniono token API „nodes”')
    expect(await send(site.owner, 'PUT', '/api/auth/locale', { locale: null })).toMatchObject({ status: 200 })
    expect(await revoked()).toBe('Ada: отозван API-токен «nodes»')
  })

  it('answers a refused form field with its code and params, the message in the reader\'s language, English unchanged', async () => {
    const refuse = (language?: string) => site.owner.fetch('/api/tokens', { method: 'POST', body: JSON.stringify({ name: '', abilities: ['ingest'] }), headers: language ? { 'accept-language': language } : {} })
    const english = await (await refuse()).json() as { message: string, data: { field: string, code: string, params: Record<string, unknown> } }
    expect(english).toMatchObject({ data: { field: 'name', code: 'validation.tooShort', params: { min: 1, count: 1 } } })
    expect(english.message).toMatch(/^name: Too small/)
    const russian = await refuse('ru')
    expect(russian.status).toBe(422)
    expect((await russian.json() as { message: string }).message).toBe('name: не короче 1 символа')
    expect((await (await refuse('pl')).json() as { message: string }).message).toBe('name: co najmniej 1 znak')
    const taken = await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'Twin', email: 'vi@acme.example', role: 'viewer', password: 'correct horse battery' })
    expect(taken).toMatchObject({ status: 409, field: 'email', body: { data: { code: 'validation.taken' } } })
  })
})
