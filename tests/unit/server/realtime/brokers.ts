// The brokers the engine's protocol tests run against, as soketi runs its suite once per adapter:
// LocalBroker, and RedisBroker on a real redis-server (started once per test file).
import Redis from 'ioredis'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { RealtimeEngine } from '../../../../server/realtime/engine'
import { startRedis } from '../../../support/redis-process'
import type { RedisProcess } from '../../../support/redis-process'
import { appState, createEngine } from './fake-transport'

export interface BrokerUnderTest {
  name: 'LocalBroker' | 'RedisBroker'
  /** An engine on this broker, in sync with Redis for the RedisBroker; stopped after the test. */
  createEngine: (env?: Record<string, string | undefined>) => Promise<RealtimeEngine>
  /** The RedisBroker's redis-server, for outages. */
  redis?: () => RedisProcess
}

/** Waits until everything an engine's broker sent so far has been delivered back to it. */
export async function settled(engine: RealtimeEngine): Promise<void> {
  await appState(engine).broker.settled()
}

/** Registers the file's hooks (a redis-server, engines stopped after each test) and returns both brokers. */
export function brokersUnderTest(): BrokerUnderTest[] {
  let redis: RedisProcess | null = null
  const engines: RealtimeEngine[] = []
  beforeAll(async () => {
    redis = await startRedis()
  }, 30_000)
  beforeEach(async () => {
    const client = new Redis(redis!.url)
    await client.flushall()
    await client.quit()
  })
  afterEach(async () => {
    await Promise.all(engines.splice(0).map(engine => engine.shutdown()))
  })
  afterAll(async () => {
    await redis?.dispose()
  })
  const started = async (env: Record<string, string | undefined>, redisUrl?: string) => {
    const engine = createEngine(redisUrl ? { ...env, REDIS_URL: redisUrl } : env)
    engines.push(engine)
    if (redisUrl) await inSync(engine)
    return engine
  }
  return [
    { name: 'LocalBroker', createEngine: async (env = {}) => started(env) },
    { name: 'RedisBroker', createEngine: async (env = {}) => started(env, redis!.url), redis: () => redis! },
  ]
}

/** Resolves once the engine's RedisBroker is in sync with Redis (at most 10 s). */
export async function inSync(engine: RealtimeEngine): Promise<void> {
  await redisState(engine, 'up')
}

/** Resolves once the engine's RedisBroker says Redis is `state` (at most 10 s). */
export async function redisState(engine: RealtimeEngine, state: 'up' | 'down'): Promise<void> {
  const deadline = Date.now() + 10_000
  while (appState(engine).broker.status()?.redis !== state) {
    if (Date.now() > deadline) throw new Error(`the RedisBroker did not see Redis ${state} within 10 s`)
    await new Promise(done => setTimeout(done, 20))
  }
}
