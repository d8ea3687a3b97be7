// Property tests of HTTP API signatures: what the pusher SDK signs verifies; a one-character change of secret, path, query or body fails; nothing throws.
import fc from 'fast-check'
import Pusher from 'pusher'
import { describe, expect, it } from 'vitest'
import type { RealtimeApp } from '../../../../../server/realtime/app-config'
import { loadEngineConfig } from '../../../../../server/realtime/app-config'
import type { ApiRequest } from '../../../../../server/realtime/http-api/api-request'
import { MAX_CLOCK_SKEW_SECONDS, verifyApiRequest } from '../../../../../server/realtime/http-api/verify-request'
import { oneCharChange } from '../../../../support/mutations'

const app: RealtimeApp = loadEngineConfig({ REVERB_APP_ID: 'app', REVERB_APP_KEY: 'key', REVERB_APP_SECRET: 'secret' }).apps[0]!

// The SDK puts parameters into the URL unencoded, so generated names and values keep to URL-safe characters.
const urlSafe = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_-.,'.split(''))
// Names of Object.prototype members are refused by the SDK itself.
const paramName = fc.string({ unit: urlSafe, minLength: 1, maxLength: 12 }).filter(name => !name.startsWith('auth_') && name !== 'body_md5' && !(name in {}))
const params = fc.dictionary(paramName, fc.string({ unit: urlSafe, maxLength: 20 }), { maxKeys: 4 })
const path = fc.string({ unit: urlSafe, minLength: 1, maxLength: 30 }).map(tail => `/apps/app/${tail}`)
const body = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 })

interface Signed {
  request: ApiRequest
  signedAtMs: number
}

/** A request signed by the pusher SDK itself (`createSignedQueryString`, which `trigger`, `get` and `post` use). */
function signed(method: 'GET' | 'POST', requestPath: string, query: Record<string, string>, requestBody?: string, secret = app.secret): Signed {
  const sdk = new Pusher({ appId: app.id, key: app.key, secret, host: '127.0.0.1' })
  const search = new URLSearchParams(sdk.createSignedQueryString({ method, path: requestPath, params: query, body: requestBody }))
  return { request: { method, path: requestPath, query: search, body: Buffer.from(requestBody ?? '') }, signedAtMs: Number(search.get('auth_timestamp')) * 1000 }
}

const getRequest = fc.tuple(path, params).map(([p, q]) => signed('GET', p, q))
const postRequest = fc.tuple(path, params, body).map(([p, q, b]) => ({ ...signed('POST', p, q, b), body: b }))
const runs = { numRuns: 300 }

describe('verifyApiRequest (properties)', () => {
  it('accepts every GET and POST the SDK signs, within the allowed clock skew', () => {
    fc.assert(fc.property(fc.oneof(getRequest, postRequest), fc.integer({ min: -MAX_CLOCK_SKEW_SECONDS, max: MAX_CLOCK_SKEW_SECONDS }), ({ request, signedAtMs }, skew) => {
      expect(verifyApiRequest(app, request, signedAtMs + skew * 1000)).toBeNull()
    }), runs)
  })

  it('refuses a timestamp further than the allowed skew, in either direction', () => {
    fc.assert(fc.property(getRequest, fc.integer({ min: MAX_CLOCK_SKEW_SECONDS + 1, max: 10 ** 9 }), fc.boolean(), ({ request, signedAtMs }, skew, ahead) => {
      expect(verifyApiRequest(app, request, signedAtMs + (ahead ? skew : -skew) * 1000)).toMatchObject({ status: 401, body: expect.stringContaining('auth_timestamp') })
    }), runs)
  })

  it('refuses a request signed with a secret one character off', () => {
    fc.assert(fc.property(fc.tuple(path, params, body), oneCharChange(app.secret, urlSafe), ([p, q, b], secret) => {
      const { request, signedAtMs } = signed('POST', p, q, b, secret)
      expect(verifyApiRequest(app, request, signedAtMs)).toMatchObject({ status: 401 })
    }), runs)
  })

  it('refuses a path one character off', () => {
    fc.assert(fc.property(getRequest, ({ request, signedAtMs }) => {
      fc.assert(fc.property(oneCharChange(request.path, urlSafe), (other) => {
        expect(verifyApiRequest(app, { ...request, path: other }, signedAtMs)).toMatchObject({ status: 401 })
      }), { numRuns: 5 })
    }), runs)
  })

  it('refuses a query value one character off, and an added parameter', () => {
    fc.assert(fc.property(getRequest, paramName, ({ request, signedAtMs }, extra) => {
      for (const [name, value] of [...request.query]) {
        if (name === 'auth_timestamp') continue
        const [changed] = fc.sample(oneCharChange(value, urlSafe), 1)
        const query = new URLSearchParams(request.query)
        query.set(name, changed!)
        expect(verifyApiRequest(app, { ...request, query }, signedAtMs)).toMatchObject({ status: 401 })
      }
      fc.pre(!request.query.has(extra))
      const query = new URLSearchParams(request.query)
      query.set(extra, 'x')
      expect(verifyApiRequest(app, { ...request, query }, signedAtMs)).toMatchObject({ status: 401 })
    }), runs)
  })

  it('refuses a body one character off, including a body removed down to nothing', () => {
    fc.assert(fc.property(postRequest, ({ request, signedAtMs, body: sent }) => {
      fc.assert(fc.property(oneCharChange(sent), (other) => {
        expect(verifyApiRequest(app, { ...request, body: Buffer.from(other) }, signedAtMs)).toMatchObject({ status: 401 })
      }), { numRuns: 5 })
      expect(verifyApiRequest(app, { ...request, body: Buffer.alloc(0) }, signedAtMs)).toMatchObject({ status: 401, body: expect.stringContaining('body_md5') })
    }), runs)
  })

  it('never throws on arbitrary methods, paths, query strings and bodies', () => {
    const text = fc.string({ unit: 'binary' })
    fc.assert(fc.property(text, text, text, fc.uint8Array({ maxLength: 100 }), fc.integer(), (method, requestPath, search, bytes, now) => {
      const result = verifyApiRequest(app, { method, path: requestPath, query: new URLSearchParams(search), body: Buffer.from(bytes) }, now)
      expect(result).toMatchObject({ status: 401 })
    }), { numRuns: 2_000 })
  })
})
