// Who polls a gateway in a cluster: the node holding its lease. One process holds every lease; with REDIS_URL
// a lease is a Redis key with an expiry, renewed by its holder and taken over by another node once it lapses.
import type { Redis } from 'ioredis'

export interface GatewayLease {
  /** Takes or renews the lease of a gateway for `ttlMs`; true while this node holds it. */
  hold: (gatewayId: number, ttlMs: number) => Promise<boolean>
  /** Gives the lease up (the gateway was deleted, or this node stops). */
  release: (gatewayId: number) => Promise<void>
}

/** A single process: it polls every gateway. */
export const soleLease: GatewayLease = { hold: async () => true, release: async () => {} }

// Renew when ours, take when free; never take one held by another node.
const HOLD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`

/** Leases in Redis under `lookout:modbus:lease:{gatewayId}`, held in the name of `nodeId`. */
export function redisLease(redis: Redis, nodeId: string): GatewayLease {
  const key = (gatewayId: number) => `lookout:modbus:lease:${gatewayId}`
  return {
    hold: async (gatewayId, ttlMs) => Number(await redis.eval(HOLD, 1, key(gatewayId), nodeId, String(Math.ceil(ttlMs)))) === 1,
    release: async (gatewayId) => {
      await redis.eval(RELEASE, 1, key(gatewayId), nodeId)
    },
  }
}
