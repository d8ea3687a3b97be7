// Which failures mean "the database cannot be reached now" (503, retry) rather than a bug (500).
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '../../../../server/db/unavailable'
import { freePort } from '../../../support/free-port'

/** An error as node-postgres or Node raise it: a message and a code. */
function coded(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code })
}

/** Wrapped the way drizzle wraps a driver error ("Failed query: ..." with the driver's error as cause). */
function wrapped(cause: Error): Error {
  return new Error('Failed query: select 1', { cause })
}

describe('isDatabaseUnavailable', () => {
  it('recognises the refused connection node-postgres reports when nothing listens', async () => {
    const client = new pg.Client({ host: '127.0.0.1', port: await freePort(), user: 'nobody', connectionTimeoutMillis: 2_000 })
    const error = await client.connect().then(() => null, (failure: unknown) => failure)
    expect(error).toBeInstanceOf(Error)
    expect(isDatabaseUnavailable(error)).toBe(true)
    expect(isDatabaseUnavailable(wrapped(error as Error))).toBe(true)
  })

  it.each(['57P01', '57P02', '57P03', '53300', '08006', '08001', '08P01', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])('recognises code %s, also wrapped', (code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true)
    expect(isDatabaseUnavailable(wrapped(coded(code)))).toBe(true)
  })

  it.each(['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable'])('recognises the driver\'s message "%s"', (message) => {
    expect(isDatabaseUnavailable(wrapped(new Error(message)))).toBe(true)
  })

  it.each([
    ['a unique violation', coded('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', coded('42601', 'syntax error at or near "selec"')],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
  ])('leaves %s alone', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
    expect(isDatabaseUnavailable(wrapped(error))).toBe(false)
  })

  it('leaves values that are not errors alone', () => {
    expect(isDatabaseUnavailable(undefined)).toBe(false)
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false)
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(false)
  })
})
