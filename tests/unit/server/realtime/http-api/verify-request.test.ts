import Pusher from 'pusher'
import { describe, expect, it } from 'vitest'
import type { RealtimeApp } from '../../../../../server/realtime/app-config'
import { loadEngineConfig } from '../../../../../server/realtime/app-config'
import type { ApiRequest } from '../../../../../server/realtime/http-api/api-request'
import { MAX_CLOCK_SKEW_SECONDS, verifyApiRequest } from '../../../../../server/realtime/http-api/verify-request'

const app: RealtimeApp = loadEngineConfig({ REVERB_APP_ID: 'app', REVERB_APP_KEY: 'key', REVERB_APP_SECRET: 'secret' }).apps[0]!

/**
 * A request signed by the pusher SDK itself: `Pusher#createSignedQueryString` is the public wrapper
 * of `lib/requests.createSignedQueryString`, which `trigger`, `get` and `post` use to sign every call.
 */
function signedRequest(
  options: { method?: string, path?: string, body?: string, params?: Record<string, string>, key?: string, secret?: string } = {},
): { request: ApiRequest, signedAtMs: number } {
  const { method = 'POST', path = '/apps/app/events', body, params, key = app.key, secret = app.secret } = options
  const sdk = new Pusher({ appId: app.id, key, secret, host: '127.0.0.1' })
  const query = new URLSearchParams(sdk.createSignedQueryString({ method, path, body, params }))
  const request = { method, path, query, body: Buffer.from(body ?? '') }
  return { request, signedAtMs: Number(query.get('auth_timestamp')) * 1000 }
}

const EVENT_BODY = JSON.stringify({ name: 'update', channels: ['news'], data: '{"a":1}' })

describe('verifyApiRequest', () => {
  it('accepts a POST with a body signed by the pusher SDK', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    expect(request.query.get('body_md5')).toMatch(/^[0-9a-f]{32}$/)
    expect(verifyApiRequest(app, request, signedAtMs)).toBeNull()
  })

  it('accepts a GET with query parameters signed by the pusher SDK', () => {
    const { request, signedAtMs } = signedRequest({ method: 'GET', path: '/apps/app/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })
    expect(verifyApiRequest(app, request, signedAtMs)).toBeNull()
  })

  it('accepts a request at the current time by default', () => {
    const { request } = signedRequest({ body: EVENT_BODY })
    expect(verifyApiRequest(app, request)).toBeNull()
  })

  it('rejects a request signed with another secret', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY, secret: 'not-the-secret' })
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
  })

  it('rejects a request with another auth_key', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY, key: 'other-key' })
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401, body: expect.stringContaining('auth_key') })
  })

  it('rejects a body changed after signing (body_md5 mismatch)', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    const tampered = { ...request, body: Buffer.from(EVENT_BODY.replace('news', 'nows')) }
    expect(verifyApiRequest(app, tampered, signedAtMs)).toMatchObject({ status: 401, body: expect.stringContaining('body_md5') })
  })

  it('rejects a body added to a request signed without one', () => {
    const { request, signedAtMs } = signedRequest({ method: 'GET', path: '/apps/app/channels' })
    expect(verifyApiRequest(app, { ...request, body: Buffer.from('{}') }, signedAtMs)).toMatchObject({ status: 401 })
  })

  it(`accepts a timestamp up to ${MAX_CLOCK_SKEW_SECONDS} s away from the server clock`, () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    expect(verifyApiRequest(app, request, signedAtMs + 600_000)).toBeNull()
    expect(verifyApiRequest(app, request, signedAtMs - 600_000)).toBeNull()
  })

  it('rejects a timestamp 601 s old', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    expect(verifyApiRequest(app, request, signedAtMs + 601_000)).toMatchObject({ status: 401, body: expect.stringContaining('auth_timestamp') })
  })

  it('rejects a timestamp 601 s in the future', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    expect(verifyApiRequest(app, request, signedAtMs - 601_000)).toMatchObject({ status: 401, body: expect.stringContaining('auth_timestamp') })
  })

  it('rejects a missing or non-numeric timestamp', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    request.query.set('auth_timestamp', 'soon')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
    request.query.delete('auth_timestamp')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
  })

  it('includes query parameters in the signature: changing one fails', () => {
    const { request, signedAtMs } = signedRequest({ method: 'GET', path: '/apps/app/channels', params: { filter_by_prefix: 'presence-' } })
    request.query.set('filter_by_prefix', 'private-')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401, body: expect.stringContaining('auth_signature') })
  })

  it('includes query parameters in the signature: adding one fails', () => {
    const { request, signedAtMs } = signedRequest({ method: 'GET', path: '/apps/app/channels' })
    request.query.set('info', 'user_count')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
  })

  it('signs the method and the path', () => {
    const { request, signedAtMs } = signedRequest({ method: 'GET', path: '/apps/app/channels/presence-a' })
    expect(verifyApiRequest(app, { ...request, method: 'DELETE' }, signedAtMs)).toMatchObject({ status: 401 })
    expect(verifyApiRequest(app, { ...request, path: '/apps/app/channels/presence-b' }, signedAtMs)).toMatchObject({ status: 401 })
  })

  it('rejects a missing or truncated signature and a wrong auth_version', () => {
    const { request, signedAtMs } = signedRequest({ body: EVENT_BODY })
    const signature = request.query.get('auth_signature')!
    request.query.set('auth_signature', signature.slice(0, -2))
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
    request.query.delete('auth_signature')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
    request.query.set('auth_signature', signature)
    request.query.set('auth_version', '2.0')
    expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
  })
})
