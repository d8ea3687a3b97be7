// Which MQTT sessions a revocation ends, and CONNECTs in flight refused after it.
import { describe, expect, it } from 'vitest'
import { deviceRevocationOf, DeviceRevocations } from '../../../../../server/devices/mqtt/device-revocations'
import type { DeviceSession } from '../../../../../server/devices/mqtt/device-session'

const session = (userId: number, tokenId: number): DeviceSession => ({ tenantId: 1, userId, tokenId, owns: async () => true })

describe('DeviceRevocations', () => {
  it('ends the sessions of a revoked token only, and every session of a disabled user', () => {
    const revocations = new DeviceRevocations()
    const token = revocations.record({ tokenId: 7 }, 1000)
    expect([token(session(3, 7)), token(session(3, 8))]).toEqual([true, false])
    const user = revocations.record({ userId: 3 }, 1000)
    expect([user(session(3, 8)), user(session(4, 9))]).toEqual([true, false])
  })

  it('outdates a session whose token was read before the revocation, not one read after it', () => {
    const revocations = new DeviceRevocations()
    revocations.record({ tokenId: 7 }, 1000)
    expect(revocations.outdates(session(3, 7), 999)).toBe(true)
    expect(revocations.outdates(session(3, 7), 1001)).toBe(false)
    expect(revocations.outdates(session(3, 8), 999)).toBe(false)
  })
})

describe('deviceRevocationOf', () => {
  it('reads a token credential and a user id, and ignores browser sessions and foreign ids', () => {
    expect(deviceRevocationOf({ credential: 'token:12' })).toEqual({ tokenId: 12 })
    expect(deviceRevocationOf({ userId: '5' })).toEqual({ userId: 5 })
    expect(deviceRevocationOf({ credential: 'session:4' })).toBeNull()
    expect(deviceRevocationOf({ userId: 'laravel-user-a' })).toBeNull()
  })
})
