// runOncePerKey: one stored answer per (tenant, key); a retry replays it, another body is refused.
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { DomainError } from '../../../../server/domain/errors'
import { runOncePerKey } from '../../../../server/ingest/idempotency'
import { useDemoDatabase } from '../test-database'

let handle: DatabaseHandle
let tenant: number

useDemoDatabase(demo => ({ handle, greenfield: tenant } = demo))

describe('runOncePerKey', () => {
  it('runs the work once and replays its answer for the same key and body', async () => {
    let runs = 0
    const work = async () => ({ status: 201, body: { run: ++runs } })
    const first = await handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k1', { a: 1 }, work))
    const second = await handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k1', { a: 1 }, work))
    expect(first).toEqual({ status: 201, body: { run: 1 }, replayed: false })
    expect(second).toEqual({ status: 201, body: { run: 1 }, replayed: true })
    expect(runs).toBe(1)
  })

  it('refuses the same key with another body with a 422 naming Idempotency-Key', async () => {
    await handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k2', { a: 1 }, async () => ({ status: 201, body: {} })))
    const retry = handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k2', { a: 2 }, async () => ({ status: 201, body: {} })))
    await expect(retry).rejects.toMatchObject({ status: 422, field: 'Idempotency-Key' })
    await expect(retry).rejects.toBeInstanceOf(DomainError)
  })

  it('forgets the key when the work fails, so a corrected retry runs', async () => {
    const failing = handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k3', { a: 1 }, async () => {
      throw new DomainError(422, 'device', 'unknown')
    }))
    await expect(failing).rejects.toThrow(/device/)
    const retried = await handle.db.transaction(tx => runOncePerKey(tx, tenant, 'k3', { a: 1 }, async () => ({ status: 201, body: { ok: true } })))
    expect(retried).toEqual({ status: 201, body: { ok: true }, replayed: false })
  })

  it('runs every time without a key', async () => {
    let runs = 0
    for (let i = 0; i < 2; i += 1) await handle.db.transaction(tx => runOncePerKey(tx, tenant, undefined, {}, async () => ({ status: 201, body: ++runs })))
    expect(runs).toBe(2)
  })
})
