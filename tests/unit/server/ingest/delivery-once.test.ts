// claimDelivery and claimDeliveries: a QoS 1 message is stored once however often it is redelivered (DUP), and a
// first delivery reusing a packet id is a new message.
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { claimDeliveries } from '../../../../server/ingest/delivery-claims'
import { claimDelivery } from '../../../../server/ingest/delivery-once'
import { useDemoDatabase } from '../test-database'

let handle: DatabaseHandle
let tenant: number

useDemoDatabase(demo => ({ handle, greenfield: tenant } = demo))

const claim = (key: string, payload: string, redelivery: boolean) =>
  handle.db.transaction(tx => claimDelivery(tx, tenant, { key, payload: Buffer.from(payload), redelivery }))

describe('claimDelivery', () => {
  it('claims a first delivery and no redelivery of it', async () => {
    expect(await claim('mqtt:c:1', '{"ph":6}', false)).toBe(true)
    expect(await claim('mqtt:c:1', '{"ph":6}', true)).toBe(false)
    expect(await claim('mqtt:c:1', '{"ph":6}', true)).toBe(false)
  })

  it('claims a first delivery that reuses a packet id, even with the same payload', async () => {
    expect(await claim('mqtt:c:2', '{"ph":6}', false)).toBe(true)
    expect(await claim('mqtt:c:2', '{"ph":6}', false)).toBe(true)
  })

  it('claims a redelivery whose claim was never committed, or that carries another payload than the claim', async () => {
    await handle.db.transaction(async (tx) => {
      await claimDelivery(tx, tenant, { key: 'mqtt:c:3', payload: Buffer.from('a'), redelivery: false })
      tx.rollback()
    }).catch(() => {})
    expect(await claim('mqtt:c:3', 'a', true)).toBe(true)
    expect(await claim('mqtt:c:3', 'b', true)).toBe(true)
    expect(await claim('mqtt:c:3', 'b', true)).toBe(false)
  })

  it('keeps clients apart', async () => {
    expect(await claim('mqtt:a:4', 'x', false)).toBe(true)
    expect(await claim('mqtt:b:4', 'x', true)).toBe(true)
  })
})

describe('claimDeliveries', () => {
  const claimAll = (deliveries: Array<[string, string, boolean]>) =>
    handle.db.transaction(tx => claimDeliveries(tx, tenant, deliveries.map(([key, payload, redelivery]) => ({ key, payload: Buffer.from(payload), redelivery }))))

  it('claims first deliveries and new redeliveries in one statement, not redeliveries of claimed messages', async () => {
    expect(await claimAll([['mqtt:g:1', 'a', false], ['mqtt:g:2', 'b', true]])).toEqual(new Set(['mqtt:g:1', 'mqtt:g:2']))
    expect(await claimAll([['mqtt:g:1', 'a', true], ['mqtt:g:2', 'b', false], ['mqtt:g:3', 'c', true]])).toEqual(new Set(['mqtt:g:2', 'mqtt:g:3']))
    expect(await claimAll([['mqtt:g:1', 'changed', true]])).toEqual(new Set(['mqtt:g:1']))
  })

  it('claims nothing for no deliveries', async () => {
    expect(await claimAll([])).toEqual(new Set())
  })
})
